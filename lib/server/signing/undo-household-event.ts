import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { applyEvent, UNDOABLE_STEPS, type UndoableStep, type WorkflowEvent } from "../../domain/household-workflow.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { parseInput, requiredText } from "../../validation.ts";
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
  type WorkflowHouseholdRow,
} from "./workflow.ts";

export const ZUndoHouseholdEventInput = ZHouseholdEventTarget.extend({
  kind: z.enum(UNDOABLE_STEPS, { error: "validation.required" }),
  reason: requiredText(500),
});
export type TUndoHouseholdEventInput = z.input<typeof ZUndoHouseholdEventInput>;

const AUDIT_ACTION: Record<UndoableStep, string> = {
  VOTE: "undo:vote",
  SIGNING: "undo:signing",
  MOVE_OUT: "undo:move-out",
  HAND_OVER: "undo:hand-over",
};

/** What the step set, for the audit's "before", and the household columns that clear it. */
function undoOf(step: UndoableStep, household: WorkflowHouseholdRow): { before: Prisma.InputJsonObject; clear: Prisma.HouseholdUpdateManyMutationInput; after: Prisma.InputJsonObject } {
  switch (step) {
    case "VOTE":
      return { before: { firstRoundVote: household.firstRoundVote }, clear: { firstRoundVote: null, firstRoundVotedAt: null }, after: { firstRoundVote: null } };
    case "SIGNING": {
      const s = household.signing!;
      return {
        before: { signed: true, agreementNumber: s.agreementNumber, channel: s.channel, signedAt: s.signedAt.toISOString() },
        clear: {},
        after: { signed: false },
      };
    }
    case "MOVE_OUT":
      return { before: { movedOutAt: household.movedOutAt!.toISOString() }, clear: { movedOutAt: null }, after: { movedOutAt: null } };
    case "HAND_OVER":
      return { before: { handedOverAt: household.handedOverAt!.toISOString() }, clear: { handedOverAt: null }, after: { handedOverAt: null } };
  }
}

/**
 * Rule: only a secretary takes back a recorded vote, signing, move-out or hand-over, with a
 * reason, and only the latest step (no undoing the signing of a household that moved out). The
 * record and its undoing both stay in the audit trail. Undoing a signing after the agreements
 * took effect does not undo the effect: it is a legal fact of the moment the threshold was
 * reached (docs/decisions/006).
 */
export async function undoHouseholdEvent(actor: Actor, input: unknown): Promise<HouseholdEventResult & { kind: UndoableStep }> {
  requirePermission(actor, "undo", "household-event");
  const { projectId, householdId, version, kind, reason } = parseInput(ZUndoHouseholdEventInput, input);
  const clock = workflowClock();
  const event: WorkflowEvent = { kind: "UNDO", step: kind };

  return db().$transaction(async (tx) => {
    const household = await findHouseholdForEvent(tx, actor, "undo", { projectId, householdId });
    assertAllowed(household, event, clock);
    const { before, clear, after } = undoOf(kind, household);
    const newVersion = await updateHouseholdAtVersion(tx, household, version, clear, { event, clock });
    if (kind === "SIGNING") await tx.signing.delete({ where: { householdId: household.id }, select: { id: true } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: AUDIT_ACTION[kind],
      entity: "household",
      entityId: household.id,
      projectId,
      before,
      after: { ...after, reason },
    });
    await notifyProjectChanged(tx, projectId, "undo");
    return {
      householdId: household.id,
      code: household.code,
      version: newVersion,
      state: stateOf(applyEvent(toWorkflowHousehold(household), event), household.visitLogs.length > 0),
      kind,
    };
  }, EVENT_TRANSACTION_OPTIONS);
}
