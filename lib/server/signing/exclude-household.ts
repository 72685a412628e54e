import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { applyEvent, type WorkflowEvent } from "../../domain/household-workflow.ts";
import { AppError } from "../../errors.ts";
import { parseInput, requiredText } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { lockProject, markEffectiveIfReached } from "./effectiveness.ts";
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

export const ZExcludeHouseholdInput = ZHouseholdEventTarget.extend({ reason: requiredText(500) });
export type TExcludeHouseholdInput = z.input<typeof ZExcludeHouseholdInput>;

/**
 * Rule: a secretary or the household's group leader takes a household out of every figure (不计入,
 * e.g. ownership in dispute), with a reason — not a signed household (undo the signing first).
 * Fewer eligible households can lift the signing rate over the threshold, so during an open
 * signing period this checks effectiveness under the project lock like a signing does.
 */
export async function excludeHousehold(actor: Actor, input: unknown): Promise<HouseholdEventResult & { becameEffective: boolean }> {
  requirePermission(actor, "record", "household-event");
  const { projectId, householdId, version, reason } = parseInput(ZExcludeHouseholdInput, input);
  const clock = workflowClock();
  const event: WorkflowEvent = { kind: "EXCLUDE", reason };

  return db().$transaction(async (tx) => {
    const household = await findHouseholdForEvent(tx, actor, "record", { projectId, householdId });
    assertAllowed(household, event, clock);
    const newVersion = await updateHouseholdAtVersion(tx, household, version, { isExcluded: true, exclusionReason: reason }, { event, clock });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "record:exclusion",
      entity: "household",
      entityId: household.id,
      projectId,
      before: { isExcluded: false, exclusionReason: household.exclusionReason },
      after: { isExcluded: true, exclusionReason: reason },
    });
    await notifyProjectChanged(tx, projectId, "exclusion");
    const project = await lockProject(tx, projectId);
    if (!project) throw new AppError("NOT_FOUND");
    const becameEffective = await markEffectiveIfReached(tx, project, actor.userId, clock);
    return {
      householdId: household.id,
      code: household.code,
      version: newVersion,
      state: stateOf(applyEvent(toWorkflowHousehold(household), event), household.visitLogs.length > 0),
      becameEffective,
    };
  }, EVENT_TRANSACTION_OPTIONS);
}
