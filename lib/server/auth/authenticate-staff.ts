import "server-only";
import { ZStaffCredentials } from "../../auth/credentials.ts";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "../../auth/password.ts";
import { db } from "../../db.ts";
import { maskPhone } from "../../security/phone.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { UNKNOWN_ORIGIN, type RequestOrigin } from "../client-address.ts";
import { recordSignInFailure, recordSignInSuccess, reserveSignInAttempt } from "./login-throttle.ts";

/** Staff sign in with phone + password. Returns the user id, or null for any wrong part: the
 *  answer never says whether the phone or the password was wrong. The attempt is counted before
 *  the password is checked (login-throttle.ts), so a locked phone or address gets RATE_LIMITED
 *  and no check at all. */
export async function authenticateStaff(
  input: unknown,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ userId: string; name: string; passwordVersion: number } | null> {
  const { phone, password } = parseInput(ZStaffCredentials, input);
  const ticket = await reserveSignInAttempt({ method: "staff", identifier: phone, shownIdentifier: maskPhone(phone), origin });

  const user = await db().user.findUnique({
    where: { phone },
    select: { id: true, name: true, role: true, passwordHash: true, disabledAt: true, passwordVersion: true },
  });
  // Verify against a dummy hash when the account is unknown, so timing does not tell.
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  if (!user || !valid || user.disabledAt || user.role === "RESIDENT") {
    await recordSignInFailure(ticket);
    return null;
  }
  await db().$transaction(async (tx) => {
    await recordSignInSuccess(tx, ticket);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: "sign-in:user", entity: "user", entityId: user.id }, origin);
  });
  return { userId: user.id, name: user.name, passwordVersion: user.passwordVersion };
}
