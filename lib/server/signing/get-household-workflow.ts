import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { can, requirePermission } from "../../auth/permissions.ts";
import { householdScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import type { HouseholdState } from "../../domain/household-state.ts";
import { workflowOptions } from "../../domain/household-workflow.ts";
import { AppError } from "../../errors.ts";
import type { SigningChannel, Vote } from "../../generated/prisma/enums.ts";
import { parseInput } from "../../validation.ts";
import { stateOf, toWorkflowHousehold, toWorkflowProject, workflowClock, workflowHouseholdSelect } from "./workflow.ts";

const ZGetHouseholdWorkflowInput = z.object({ projectId: z.uuid(), householdId: z.uuid() });

export type HouseholdWorkflow = {
  householdId: string;
  projectId: string;
  code: string;
  /** The version every form of the panel posts back. */
  version: number;
  state: HouseholdState;
  firstRoundVote: Vote | null;
  isExcluded: boolean;
  exclusionReason: string | null;
  movedOutAt: Date | null;
  handedOverAt: Date | null;
  signing: { agreementNumber: string; channel: SigningChannel; signedAt: Date } | null;
  agreements: "PENDING" | "EFFECTIVE" | "FAILED";
  /** For each event, null when it may happen now, else why not (lib/domain/household-workflow.ts). */
  options: ReturnType<typeof workflowOptions>;
  /** The actor may record events for this household / undo them. */
  mayRecord: boolean;
  mayUndo: boolean;
  timeZone: string;
};

/** One household's place in the signing workflow and what the actor may do with it now. Read
 *  scope decides whether it is found at all; record and undo scope decide the actions offered. */
export async function getHouseholdWorkflow(actor: Actor, input: unknown): Promise<HouseholdWorkflow> {
  requirePermission(actor, "read", "household");
  const { projectId, householdId } = parseInput(ZGetHouseholdWorkflowInput, input);
  const row = await db().household.findFirst({
    where: { AND: [{ id: householdId, projectId }, householdScope(actor)] },
    select: workflowHouseholdSelect,
  });
  if (!row) throw new AppError("NOT_FOUND");

  const inScope = async (action: "record" | "undo") =>
    can(actor, action, "household-event") &&
    (await db().household.count({ where: { AND: [{ id: row.id }, householdScope(actor, action, "household-event")] } })) > 0;
  const [mayRecord, mayUndo] = await Promise.all([inScope("record"), inScope("undo")]);

  const clock = workflowClock();
  const household = toWorkflowHousehold(row);
  const project = toWorkflowProject(row.project);
  return {
    householdId: row.id,
    projectId: row.projectId,
    code: row.code,
    version: row.version,
    state: stateOf(household, row.visitLogs.length > 0),
    firstRoundVote: row.firstRoundVote,
    isExcluded: row.isExcluded,
    exclusionReason: row.exclusionReason,
    movedOutAt: row.movedOutAt,
    handedOverAt: row.handedOverAt,
    signing: row.signing
      ? { agreementNumber: row.signing.agreementNumber, channel: row.signing.channel, signedAt: row.signing.signedAt }
      : null,
    agreements: project.signingFailedAt ? "FAILED" : project.agreementsEffectiveAt ? "EFFECTIVE" : "PENDING",
    options: workflowOptions(household, project, clock),
    mayRecord,
    mayUndo,
    timeZone: clock.timeZone,
  };
}
