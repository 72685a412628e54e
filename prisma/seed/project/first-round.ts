// First-round consultation (一轮征询): who agreed, who disagreed, and when they voted.

import type { PlanContext } from "./context.ts";
import type { Households } from "./households.ts";

export type FirstRound = { agree: number; disagree: number };

export function planFirstRound(ctx: PlanContext, households: Households): FirstRound {
  const { cal } = ctx;
  const { consultationStart, consultationEnd } = ctx.schedule;
  const { eligible } = households;
  const rVote = ctx.root.fork("votes");
  const voteLastDay = Math.min(consultationEnd, -1);
  if (voteLastDay < consultationStart) return { agree: 0, disagree: 0 };
  const fr = ctx.options.firstRound ?? {};
  const agree = Math.min(eligible.length, fr.agree ?? Math.round((fr.agreeShare ?? 0.95) * eligible.length));
  const disagree = Math.min(eligible.length - agree, fr.disagree ?? Math.round((fr.disagreeShare ?? 0.02) * eligible.length));
  // The lowest scores agree, the next disagree, the rest do not vote: Party members lead, family
  // disputes and absent owners hold back.
  const scored = eligible.map((h) => ({
    h,
    score: rVote.next() + (h.isParty ? -2 : 0) + (h.hasDispute ? 0.4 : 0) + (h.ownerLocation === "LOCAL" ? 0 : 0.25),
  }));
  scored.sort((a, b) => a.score - b.score);
  const days = voteLastDay - consultationStart + 1;
  const dayWeights = Array.from({ length: days }, (_, d) => [d, Math.exp(-d / 3) + 0.3] as const);
  for (let k = 0; k < agree + disagree; k++) {
    const h = scored[k]!.h;
    h.vote = k < agree ? "AGREE" : "DISAGREE";
    const row = ctx.plan.households[h.index]!;
    row.firstRoundVote = h.vote;
    row.firstRoundVotedAt = cal.at(consultationStart + rVote.weighted(dayWeights), Math.round((8.5 + rVote.next() * 11.5) * 60) / 60);
    row.updatedAt = row.firstRoundVotedAt;
  }
  return { agree, disagree };
}
