import "server-only";
import { ZResidentCredentials } from "../../auth/credentials.ts";
import { DUMMY_PASSWORD_HASH, verifyPassword } from "../../auth/password.ts";
import { db } from "../../db.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { UNKNOWN_ORIGIN, type RequestOrigin } from "../client-address.ts";
import { recordSignInFailure, recordSignInSuccess, reserveSignInAttempt } from "./login-throttle.ts";

/** Residents sign in with their household code and the access code staff issued to them.
 *  Household codes carry the project's prefix; should two projects share a code, each resident
 *  account of that code is tried. Throttled like staff sign-in (login-throttle.ts), by the code. */
export async function authenticateResident(
  input: unknown,
  origin: RequestOrigin = UNKNOWN_ORIGIN,
): Promise<{ userId: string; name: string; passwordVersion: number } | null> {
  const { householdCode, accessCode } = parseInput(ZResidentCredentials, input);
  // A household code names a dwelling, not a person: the audit log shows it as typed.
  const ticket = await reserveSignInAttempt({ method: "resident", identifier: householdCode, shownIdentifier: householdCode, origin });

  const candidates = await db().user.findMany({
    where: { role: "RESIDENT", disabledAt: null, household: { code: householdCode } },
    select: { id: true, name: true, passwordHash: true, householdId: true, passwordVersion: true },
    take: 10,
  });
  let match: (typeof candidates)[number] | undefined;
  for (const candidate of candidates) {
    if (await verifyPassword(accessCode, candidate.passwordHash)) match = candidate;
  }
  if (candidates.length === 0) await verifyPassword(accessCode, DUMMY_PASSWORD_HASH);
  if (!match) {
    await recordSignInFailure(ticket);
    return null;
  }
  const user = match;
  await db().$transaction(async (tx) => {
    await recordSignInSuccess(tx, ticket);
    await tx.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
    await recordAudit(tx, { actorId: user.id, action: "sign-in:user", entity: "user", entityId: user.id }, origin);
  });
  return { userId: user.id, name: user.name, passwordVersion: user.passwordVersion };
}
