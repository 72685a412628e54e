import "server-only";
import { ZStaffCredentials } from "../../auth/credentials.ts";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "../../auth/password.ts";
import { db } from "../../db.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { assertNotThrottled, clearLoginFailures, recordLoginFailure } from "./login-throttle.ts";

/** Staff sign in with phone + password. Returns the user id, or null for any wrong part: the
 *  answer never says whether the phone or the password was wrong. */
export async function authenticateStaff(input: unknown): Promise<{ userId: string; name: string; passwordVersion: number } | null> {
  const { phone, password } = parseInput(ZStaffCredentials, input);
  const key = `staff:${phone}`;
  await assertNotThrottled(key);

  const user = await db().user.findUnique({
    where: { phone },
    select: { id: true, name: true, role: true, passwordHash: true, disabledAt: true, passwordVersion: true },
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
  return { userId: user.id, name: user.name, passwordVersion: user.passwordVersion };
}
