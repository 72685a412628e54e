import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { applyEvent, signingDeskRefusal, type WorkflowEvent } from "../../domain/household-workflow.ts";
import { AppError } from "../../errors.ts";
import { SigningChannel } from "../../generated/prisma/enums.ts";
import { parseInput, requiredText } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { lockProject, markEffectiveIfReached } from "./effectiveness.ts";
import {
  assertAllowed,
  EVENT_TRANSACTION_OPTIONS,
  findHouseholdForEvent,
  refusalError,
  stateOf,
  toWorkflowHousehold,
  toWorkflowProject,
  updateHouseholdAtVersion,
  workflowClock,
  ZHouseholdEventTarget,
  ZOptionalTime,
  type HouseholdEventResult,
} from "./workflow.ts";

export const ZRecordSigningInput = ZHouseholdEventTarget.extend({
  channel: z.enum(SigningChannel, { error: "validation.required" }),
  // Agreement numbers are compared without regard to letter case, so "bxl-1" cannot slip in
  // beside "BXL-1".
  agreementNumber: requiredText(64).transform((value) => value.toUpperCase()),
  signedAt: ZOptionalTime,
});
export type TRecordSigningInput = z.input<typeof ZRecordSigningInput>;

export type RecordSigningResult = HouseholdEventResult & {
  agreementNumber: string;
  signedAt: Date;
  /** This signing made the signing rate reach the threshold: every agreement took effect. */
  becameEffective: boolean;
};

const AGREEMENT_NUMBER_CONSTRAINT = "Signing_projectId_agreementNumber_key";

function agreementNumberTaken(): AppError {
  return new AppError("VALIDATION", { detail: "agreement number taken", fieldErrors: { agreementNumber: ["signing.agreementNumberTaken"] } });
}

function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  const text = JSON.stringify((error as { meta?: unknown })?.meta ?? null) + String((error as Error)?.message ?? "");
  return text.includes(constraint);
}

/**
 * Rule: a secretary (any household of the project) or a group leader (households of their own
 * groups) records a household's second-round agreement — in the SIGNING phase, within the
 * signing period, not for an excluded household, once per household (the unique
 * Signing.householdId decides between concurrent attempts: the loser hears "already signed"),
 * with an agreement number unique in the project. The signing that makes the signing rate reach
 * the threshold makes every agreement of the project effective, in the same transaction.
 */
export async function recordSigning(actor: Actor, input: unknown): Promise<RecordSigningResult> {
  requirePermission(actor, "record", "household-event");
  const { projectId, householdId, version, channel, agreementNumber, signedAt: enteredAt } = parseInput(ZRecordSigningInput, input);
  const clock = workflowClock();
  const signedAt = enteredAt ?? clock.now;
  const event: WorkflowEvent = { kind: "SIGN", signedAt };

  return db().$transaction(async (tx) => {
    const household = await findHouseholdForEvent(tx, actor, "record", { projectId, householdId });
    assertAllowed(household, event, clock, "signedAt");

    const taken = await tx.signing.findFirst({ where: { projectId, agreementNumber }, select: { householdId: true } });
    if (taken) {
      // Someone signed this very household (with this number) since it was read: that is the answer.
      const signedMeanwhile = taken.householdId === householdId || (await tx.signing.count({ where: { householdId } })) > 0;
      throw signedMeanwhile ? refusalError("ALREADY_SIGNED") : agreementNumberTaken();
    }

    // ON CONFLICT on the household only: a concurrent signing of the same household waits for the
    // other transaction and then inserts nothing, which is "already signed" — decided by the
    // constraint, not by a check that both could pass. A clash of agreement numbers still fails.
    let inserted: { id: string }[];
    try {
      inserted = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "Signing" ("id", "projectId", "householdId", "agreementNumber", "channel", "signedAt", "recordedById")
        VALUES (uuidv7(), ${projectId}::uuid, ${householdId}::uuid, ${agreementNumber}, ${channel}::"SigningChannel",
                ${signedAt.toISOString()}::timestamptz AT TIME ZONE 'UTC', ${actor.userId}::uuid)
        ON CONFLICT ("householdId") DO NOTHING
        RETURNING "id"`;
    } catch (error) {
      if (isUniqueViolationOf(error, AGREEMENT_NUMBER_CONSTRAINT)) throw agreementNumberTaken();
      throw error;
    }
    if (inserted.length === 0) throw refusalError("ALREADY_SIGNED");

    // The insert proved nobody else signed it: a version mismatch now is some other edit.
    const newVersion = await updateHouseholdAtVersion(tx, household, version, {});
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "record:signing",
      entity: "household",
      entityId: household.id,
      projectId,
      before: { signed: false },
      after: { signed: true, agreementNumber, channel, signedAt: signedAt.toISOString() },
    });
    await notifyProjectChanged(tx, projectId, "signing");

    // Last, and briefly: the project lock that serialises the threshold check (effectiveness.ts).
    const project = await lockProject(tx, projectId);
    if (!project) throw new AppError("NOT_FOUND");
    // The period may have been settled, or the phase changed, since the household was read.
    const closed = signingDeskRefusal(toWorkflowProject(project), clock);
    if (closed) throw refusalError(closed);
    const becameEffective = await markEffectiveIfReached(tx, project, actor.userId, clock);

    return {
      householdId: household.id,
      code: household.code,
      version: newVersion,
      state: stateOf(applyEvent(toWorkflowHousehold(household), event), household.visitLogs.length > 0),
      agreementNumber,
      signedAt,
      becameEffective,
    };
  }, EVENT_TRANSACTION_OPTIONS);
}
