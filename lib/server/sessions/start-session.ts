import "server-only";
import { SESSION_ABSOLUTE_SECONDS } from "../../auth/session-policy.ts";
import { db } from "../../db.ts";

/**
 * Rule: every sign-in opens a session row, whose id the session cookie carries (lib/auth/options.ts).
 * The sign-in itself is audited where the password is checked (lib/server/auth); the row only
 * says, on every later request, whether this session is still open. It ends at the absolute
 * limit, at sign-out, or when its user signs out everywhere.
 */
export async function startSession(userId: string, now = new Date()): Promise<{ sessionId: string }> {
  const row = await db().userSession.create({
    data: { userId, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_ABSOLUTE_SECONDS * 1000) },
    select: { id: true },
  });
  return { sessionId: row.id };
}
