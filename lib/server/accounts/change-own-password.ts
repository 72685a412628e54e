import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { ZNewPassword } from "../../auth/credentials.ts";
import { hashPassword, verifyPassword } from "../../auth/password.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { recordSignInFailure, recordSignInSuccess, reserveSignInAttempt } from "../auth/login-throttle.ts";
import { currentRequestOrigin } from "../client-address.ts";
import { maskPhone } from "../../security/phone.ts";

export const ZChangeOwnPasswordInput = z
  .object({
    currentPassword: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }).max(200),
    newPassword: ZNewPassword,
    confirmPassword: z.string({ error: "validation.required" }).min(1, { error: "validation.required" }),
  })
  .superRefine((value, ctx) => {
    if (value.confirmPassword !== value.newPassword) {
      ctx.addIssue({ code: "custom", path: ["confirmPassword"], message: "accounts.errors.confirmMismatch" });
    }
    if (value.newPassword === value.currentPassword) {
      ctx.addIssue({ code: "custom", path: ["newPassword"], message: "accounts.errors.sameAsCurrent" });
    }
  });

/** Rule: a staff user changes their own password by giving the current one (or the one-time
 *  password they signed in with) and a new one twice. The change clears "must change" and raises
 *  the password's version, which ends every session signed in before it — this one too, so the
 *  form signs in again with the new password. Wrong current passwords count towards the same lock
 *  as failed sign-ins, so a left-open session cannot be used to guess it. */
export async function changeOwnPassword(actor: Actor, input: unknown): Promise<{ phone: string; passwordVersion: number }> {
  requirePermission(actor, "update", "password");
  const { currentPassword, newPassword } = parseInput(ZChangeOwnPasswordInput, input);
  const user = await db().user.findUnique({
    where: { id: actor.userId },
    select: { id: true, phone: true, passwordHash: true, passwordVersion: true },
  });
  if (!user?.phone) throw new AppError("NOT_FOUND");
  const origin = await currentRequestOrigin();
  const ticket = await reserveSignInAttempt({ method: "staff", identifier: user.phone, shownIdentifier: maskPhone(user.phone), origin });
  if (!(await verifyPassword(currentPassword, user.passwordHash))) {
    await recordSignInFailure(ticket);
    throw new AppError("VALIDATION", { fieldErrors: { currentPassword: ["accounts.errors.currentWrong"] } });
  }
  const passwordHash = await hashPassword(newPassword);
  return db().$transaction(async (tx) => {
    // The hash read above must still be the stored one: two changes at once, one wins.
    const { count } = await tx.user.updateMany({
      where: { id: user.id, passwordVersion: user.passwordVersion },
      data: { passwordHash, mustChangePassword: false, passwordVersion: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT");
    await recordSignInSuccess(tx, ticket);
    await recordAudit(tx, { actorId: actor.userId, action: "change:password", entity: "user", entityId: user.id });
    return { phone: user.phone!, passwordVersion: user.passwordVersion + 1 };
  });
}
