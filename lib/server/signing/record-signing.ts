import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { signingDeskRefusal } from "../../domain/household-workflow.ts";
import { AppError } from "../../errors.ts";
import { SigningChannel } from "../../generated/prisma/enums.ts";
import { requiredText } from "../../validation.ts";
import { lockProject, markEffectiveIfReached } from "./effectiveness.ts";
import {
  refusalError,
  runHouseholdEvent,
  ZHouseholdEventTarget,
  ZOptionalTime,
  type HouseholdEventResult,
} from "./internal/household-event.ts";
import { toWorkflowProject } from "./workflow.ts";

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
  return new AppError("VALIDATION", {
    detail: "agreement number taken",
    fieldErrors: { agreementNumber: ["signing.agreementNumberTaken"] },
  });
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
  return runHouseholdEvent(actor, input, {
    permission: "record",
    schema: ZRecordSigningInput,
    event: ({ signedAt }, clock) => ({ kind: "SIGN", signedAt: signedAt ?? clock.now }),
    timeField: "signedAt",
    claim: async (tx, { actor, input: { projectId, householdId, agreementNumber, channel }, event: { signedAt } }) => {
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
    },
    // The signing row holds the facts; the version-checked write only bumps the version (after the
    // insert proved nobody else signed, a mismatch is some other edit).
    update: () => ({}),
    audit: ({ input: { agreementNumber, channel }, event: { signedAt } }) => ({
      action: "record:signing",
      before: { signed: false },
      after: { signed: true, agreementNumber, channel, signedAt: signedAt.toISOString() },
    }),
    notify: "signing",
    finish: async ({ actor, input: { projectId, agreementNumber }, event: { signedAt }, clock }, tx) => {
      // The project lock that serialises the threshold check (effectiveness.ts).
      const project = await lockProject(tx, projectId);
      // The period may have been settled, or the phase changed, since the household was read.
      const closed = signingDeskRefusal(toWorkflowProject(project), clock);
      if (closed) throw refusalError(closed);
      return { agreementNumber, signedAt, becameEffective: await markEffectiveIfReached(tx, project, actor.userId, clock) };
    },
  });
}
