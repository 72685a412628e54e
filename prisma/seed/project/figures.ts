// The figures the plan was built to show, returned with it so callers (tests, the demo summary)
// can check the data against them without counting rows.

import type { ProjectPhase } from "../../../lib/generated/prisma/enums.ts";
import type { PlanContext } from "./context.ts";
import type { FirstRound } from "./first-round.ts";
import type { Households } from "./households.ts";
import type { MoveOuts } from "./move-outs.ts";
import type { ProjectFigures } from "./options.ts";
import type { SigningOutcome } from "./signings.ts";

export type FigureSources = {
  households: Households;
  firstRound: FirstRound;
  signings: SigningOutcome;
  moveOuts: MoveOuts;
  phase: ProjectPhase;
  openTasks: number;
};

export function summariseFigures(
  ctx: PlanContext,
  { households, firstRound, signings, moveOuts, phase, openTasks }: FigureSources,
): ProjectFigures {
  return {
    households: households.all.length,
    excluded: households.excludedCount,
    eligible: households.eligible.length,
    partyMemberHouseholds: households.partyCount,
    agree: firstRound.agree,
    disagree: firstRound.disagree,
    signed: signings.planned.length,
    firstDaySigned: signings.dayCounts[0] ?? 0,
    thresholdCount: signings.thresholdCount,
    movedOut: moveOuts.movedOut,
    handedOver: moveOuts.handedOver,
    effectiveAt: signings.effectiveAt,
    signingFailedAt: signings.signingFailedAt,
    phase,
    dailySigned: signings.dayCounts.map((count, d) => ({ date: ctx.cal.label(ctx.schedule.signingStart + d), count })),
    visitLogs: ctx.plan.visitLogs.length,
    openTasks,
  };
}
