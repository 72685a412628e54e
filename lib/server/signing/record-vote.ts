import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { Vote } from "../../generated/prisma/enums.ts";
import { runHouseholdEvent, ZHouseholdEventTarget, type HouseholdEventResult } from "./internal/household-event.ts";

export const ZRecordVoteInput = ZHouseholdEventTarget.extend({
  vote: z.enum(Vote, { error: "validation.required" }),
});
export type TRecordVoteInput = z.input<typeof ZRecordVoteInput>;

/** Rule: a secretary or the household's group leader records its first-round vote (一轮征询),
 *  AGREE or DISAGREE, while the project is in its FIRST_CONSULTATION phase; a household may
 *  change its vote while that phase lasts. */
export async function recordVote(actor: Actor, input: unknown): Promise<HouseholdEventResult & { vote: "AGREE" | "DISAGREE" }> {
  return runHouseholdEvent(actor, input, {
    permission: "record",
    schema: ZRecordVoteInput,
    event: ({ vote }) => ({ kind: "VOTE", vote }),
    update: ({ input, clock }) => ({ firstRoundVote: input.vote, firstRoundVotedAt: clock.now }),
    audit: ({ input, household }) => ({
      action: "record:vote",
      before: { firstRoundVote: household.firstRoundVote },
      after: { firstRoundVote: input.vote },
    }),
    notify: "vote",
    finish: ({ input }) => ({ vote: input.vote }),
  });
}
