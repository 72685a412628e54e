import "server-only";
import type { SessionClaims } from "../../auth/session-policy.ts";
import { db } from "../../db.ts";

/**
 * Rule: a session is open while its row is neither revoked nor past its absolute limit, its user
 * is not disabled and the password has not changed since the sign-in — the same conditions as
 * loadActor's, in one query without the roles. For what holds a session for long without a new
 * request: the session endpoint that re-issues the cookie and open live streams.
 */
export async function isSessionOpen(claims: SessionClaims, now = new Date()): Promise<boolean> {
  const open = await db().userSession.findFirst({
    where: {
      id: claims.sessionId,
      userId: claims.userId,
      revokedAt: null,
      expiresAt: { gt: now },
      user: { disabledAt: null, passwordVersion: claims.passwordVersion },
    },
    select: { id: true },
  });
  return open !== null;
}
