import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { applyEvent, type WorkflowEvent } from "../../domain/household-workflow.ts";
import { Vote } from "../../generated/prisma/enums.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import {
  assertAllowed,
  EVENT_TRANSACTION_OPTIONS,
  findHouseholdForEvent,
  stateOf,
  toWorkflowHousehold,
  updateHouseholdAtVersion,
  workflowClock,
  ZHouseholdEventTarget,
  type HouseholdEventResult,
} from "./workflow.ts";

export const ZRecordVoteInput = ZHouseholdEventTarget.extend({
  vote: z.enum(Vote, { error: "validation.required" }),
});
export type TRecordVoteInput = z.input<typeof ZRecordVoteInput>;

/** Rule: a secretary or the household's group leader records its first-round vote (一轮征询),
 *  AGREE or DISAGREE, while the project is in its FIRST_CONSULTATION phase; a household may
 *  change its vote while that phase lasts. */
export async function recordVote(actor: Actor, input: unknown): Promise<HouseholdEventResult & { vote: "AGREE" | "DISAGREE" }> {
  requirePermission(actor, "record", "household-event");
  const { projectId, householdId, version, vote } = parseInput(ZRecordVoteInput, input);
  const clock = workflowClock();
  const event: WorkflowEvent = { kind: "VOTE", vote };

  return db().$transaction(async (tx) => {
    const household = await findHouseholdForEvent(tx, actor, "record", { projectId, householdId });
    assertAllowed(household, event, clock);
    const newVersion = await updateHouseholdAtVersion(tx, household, version, { firstRoundVote: vote, firstRoundVotedAt: clock.now }, { event, clock });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "record:vote",
      entity: "household",
      entityId: household.id,
      projectId,
      before: { firstRoundVote: household.firstRoundVote },
      after: { firstRoundVote: vote },
    });
    await notifyProjectChanged(tx, projectId, "vote");
    return {
      householdId: household.id,
      code: household.code,
      version: newVersion,
      state: stateOf(applyEvent(toWorkflowHousehold(household), event), household.visitLogs.length > 0),
      vote,
    };
  }, EVENT_TRANSACTION_OPTIONS);
}
