import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { applyEvent, type WorkflowEvent } from "../../domain/household-workflow.ts";
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
  ZOptionalTime,
  type HouseholdEventResult,
} from "./workflow.ts";

export const ZRecordMoveOutInput = ZHouseholdEventTarget.extend({ movedOutAt: ZOptionalTime });
export type TRecordMoveOutInput = z.input<typeof ZRecordMoveOutInput>;

/** Rule: a secretary or the household's group leader records that a signed household moved out
 *  (搬迁) — only once the project's agreements are effective (relocation follows effective
 *  agreements), not before the signing or the moment they took effect, never in the future. */
export async function recordMoveOut(actor: Actor, input: unknown): Promise<HouseholdEventResult & { movedOutAt: Date }> {
  requirePermission(actor, "record", "household-event");
  const { projectId, householdId, version, movedOutAt: enteredAt } = parseInput(ZRecordMoveOutInput, input);
  const clock = workflowClock();
  const movedOutAt = enteredAt ?? clock.now;
  const event: WorkflowEvent = { kind: "MOVE_OUT", movedOutAt };

  return db().$transaction(async (tx) => {
    const household = await findHouseholdForEvent(tx, actor, "record", { projectId, householdId });
    assertAllowed(household, event, clock, "movedOutAt");
    const newVersion = await updateHouseholdAtVersion(tx, household, version, { movedOutAt }, { event, clock });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "record:move-out",
      entity: "household",
      entityId: household.id,
      projectId,
      before: { movedOutAt: null },
      after: { movedOutAt: movedOutAt.toISOString() },
    });
    await notifyProjectChanged(tx, projectId, "move-out");
    return {
      householdId: household.id,
      code: household.code,
      version: newVersion,
      state: stateOf(applyEvent(toWorkflowHousehold(household), event), household.visitLogs.length > 0),
      movedOutAt,
    };
  }, EVENT_TRANSACTION_OPTIONS);
}
