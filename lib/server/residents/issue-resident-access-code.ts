import "server-only";
import { randomInt } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { hashPassword } from "../../auth/password.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { householdScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";

export const ZIssueResidentAccessCodeInput = z.object({
  projectId: z.uuid(),
  householdCode: z
    .string({ error: "validation.householdCode" })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9][A-Z0-9-]{0,63}$/, { error: "validation.householdCode" }),
});
export type TIssueResidentAccessCodeInput = z.infer<typeof ZIssueResidentAccessCodeInput>;

/** Rule: secretaries issue access codes for any household of their project, group leaders for
 *  their own group's households. A new code replaces the old one at once. The code is returned
 *  once and stored only as a hash; the audit event records that a code was issued, not the code. */
export async function issueResidentAccessCode(actor: Actor, input: unknown): Promise<{ householdCode: string; accessCode: string }> {
  requirePermission(actor, "issue", "access-code");
  const { projectId, householdCode } = parseInput(ZIssueResidentAccessCodeInput, input);

  const household = await db().household.findFirst({
    where: { AND: [{ projectId, code: householdCode }, householdScope(actor, "issue", "access-code")] },
    select: { id: true, code: true, headName: true, projectId: true },
  });
  if (!household) throw new AppError("NOT_FOUND");

  const accessCode = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const passwordHash = await hashPassword(accessCode);

  await db().$transaction(async (tx) => {
    const existing = await tx.user.findFirst({
      where: { role: "RESIDENT", householdId: household.id },
      select: { id: true },
      orderBy: { createdAt: "asc" },
    });
    const resident = existing
      ? await tx.user.update({ where: { id: existing.id }, data: { passwordHash, disabledAt: null }, select: { id: true } })
      : await tx.user.create({
          data: { role: "RESIDENT", name: household.headName, householdId: household.id, passwordHash },
          select: { id: true },
        });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "issue:access-code",
      entity: "household",
      entityId: household.id,
      projectId: household.projectId,
      after: { residentUserId: resident.id, replacedExisting: existing !== null },
    });
  });
  return { householdCode: household.code, accessCode };
}
