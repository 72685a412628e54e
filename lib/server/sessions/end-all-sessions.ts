import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { db } from "../../db.ts";
import { recordAudit } from "../audit.ts";

/**
 * Rule: anyone signed in may sign out everywhere (退出所有设备): every open session of their own
 * account ends at once, this one too — a phone left behind, a shared computer. It reaches only
 * the actor's own sessions, so no role or scope beyond being signed in is asked for. Recorded as
 * "sign-out-everywhere:user" with the number of sessions ended.
 */
export async function endAllSessions(actor: Actor, _input?: unknown, now = new Date()): Promise<{ ended: number }> {
  return db().$transaction(async (tx) => {
    const { count } = await tx.userSession.updateMany({
      where: { userId: actor.userId, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "sign-out-everywhere:user",
      entity: "user",
      entityId: actor.userId,
      after: { sessionsEnded: count },
    });
    return { ended: count };
  });
}
