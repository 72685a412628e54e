import "server-only";
import type { z } from "zod";
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
  type HouseholdEventResult,
} from "./workflow.ts";

export const ZIncludeHouseholdInput = ZHouseholdEventTarget;
export type TIncludeHouseholdInput = z.input<typeof ZIncludeHouseholdInput>;

/** Rule: a secretary or the household's group leader lifts an exclusion, so the household counts
 *  again. Agreements that already took effect stay effective even if the rate now drops: the
 *  effect is a legal fact of the moment the threshold was reached. */
export async function includeHousehold(actor: Actor, input: unknown): Promise<HouseholdEventResult> {
  requirePermission(actor, "record", "household-event");
  const { projectId, householdId, version } = parseInput(ZIncludeHouseholdInput, input);
  const clock = workflowClock();
  const event: WorkflowEvent = { kind: "INCLUDE" };

  return db().$transaction(async (tx) => {
    const household = await findHouseholdForEvent(tx, actor, "record", { projectId, householdId });
    assertAllowed(household, event, clock);
    const newVersion = await updateHouseholdAtVersion(tx, household, version, { isExcluded: false, exclusionReason: null }, { event, clock });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "record:inclusion",
      entity: "household",
      entityId: household.id,
      projectId,
      before: { isExcluded: true, exclusionReason: household.exclusionReason },
      after: { isExcluded: false },
    });
    await notifyProjectChanged(tx, projectId, "inclusion");
    return {
      householdId: household.id,
      code: household.code,
      version: newVersion,
      state: stateOf(applyEvent(toWorkflowHousehold(household), event), household.visitLogs.length > 0),
    };
  }, EVENT_TRANSACTION_OPTIONS);
}
