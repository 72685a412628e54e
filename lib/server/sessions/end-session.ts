import "server-only";
import type { SessionClaims } from "../../auth/session-policy.ts";
import { db } from "../../db.ts";
import { recordAudit } from "../audit.ts";

/**
 * Rule: signing out ends this session on the server, so a copy of its cookie opens nothing
 * afterwards. Whoever holds the session's cookie may end it (next-auth's sign-out checks its
 * CSRF token first). Ending an ended session changes nothing and records nothing; ending an
 * open one records "sign-out:user".
 */
export async function endSession(claims: SessionClaims, now = new Date()): Promise<{ ended: boolean }> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({
      where: { id: claims.sessionId, userId: claims.userId, revokedAt: null },
      data: { revokedAt: now },
    });
    if (count === 0) return { ended: false };
    await recordAudit(tx, {
      actorId: claims.userId,
      action: "sign-out:user",
      entity: "user",
      entityId: claims.userId,
      after: { sessionId: claims.sessionId },
    });
    return { ended: true };
  });
}
