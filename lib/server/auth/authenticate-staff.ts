import "server-only";
import { z } from "zod";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "../../auth/password.ts";
import { db } from "../../db.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { assertNotThrottled, clearLoginFailures, recordLoginFailure } from "./login-throttle.ts";

export const ZStaffCredentials = z.object({
  phone: z
    .string()
    .trim()
    .regex(/^1\d{10}$/, { error: "validation.phone" }),
  password: z.string().min(1, { error: "validation.required" }).max(200),
});

/** Staff sign in with phone + password. Returns the user id, or null for any wrong part: the
 *  answer never says whether the phone or the password was wrong. */
export async function authenticateStaff(input: unknown): Promise<{ userId: string; name: string } | null> {
  const { phone, password } = parseInput(ZStaffCredentials, input);
  const key = `staff:${phone}`;
  await assertNotThrottled(key);

  const user = await db().user.findUnique({
    where: { phone },
    select: { id: true, name: true, role: true, passwordHash: true, disabledAt: true },
  });
  // Verify against a dummy hash when the account is unknown, so timing does not tell.
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid || user.disabledAt || user.role === "RESIDENT") {
    await recordLoginFailure(key);
    return null;
  }
  await clearLoginFailures(key);
  await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: "sign-in:user", entity: "user", entityId: user.id });
  });
  return { userId: user.id, name: user.name };
}
