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

export const ZRecordHandOverInput = ZHouseholdEventTarget.extend({ handedOverAt: ZOptionalTime });
export type TRecordHandOverInput = z.input<typeof ZRecordHandOverInput>;

/** Rule: a secretary or the household's group leader records that a household which moved out
 *  handed its dwelling over (交房) — once, not before the move-out, never in the future. */
export async function recordHandOver(actor: Actor, input: unknown): Promise<HouseholdEventResult & { handedOverAt: Date }> {
  requirePermission(actor, "record", "household-event");
  const { projectId, householdId, version, handedOverAt: enteredAt } = parseInput(ZRecordHandOverInput, input);
  const clock = workflowClock();
  const handedOverAt = enteredAt ?? clock.now;
  const event: WorkflowEvent = { kind: "HAND_OVER", handedOverAt };

  return db().$transaction(async (tx) => {
    const household = await findHouseholdForEvent(tx, actor, "record", { projectId, householdId });
    assertAllowed(household, event, clock, "handedOverAt");
    const newVersion = await updateHouseholdAtVersion(tx, household, version, { handedOverAt }, { event, clock });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "record:hand-over",
      entity: "household",
      entityId: household.id,
      projectId,
      before: { handedOverAt: null },
      after: { handedOverAt: handedOverAt.toISOString() },
    });
    await notifyProjectChanged(tx, projectId, "hand-over");
    return {
      householdId: household.id,
      code: household.code,
      version: newVersion,
      state: stateOf(applyEvent(toWorkflowHousehold(household), event), household.visitLogs.length > 0),
      handedOverAt,
    };
  }, EVENT_TRANSACTION_OPTIONS);
}
