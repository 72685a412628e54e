import "server-only";
import { db } from "../../db.ts";
import type { DisplayViewer } from "./display-viewer.ts";
import { hashDisplayToken, isDisplayTokenShaped } from "./display-token.ts";

const SEEN_EVERY_MS = 60_000;

/**
 * Rule: a display token opens its one project read-only for as long as the display session is
 * not revoked — there is no login timeout on the wall. Unknown, malformed and revoked tokens all
 * give null. lastSeenAt is written at most once a minute, so a screen refreshing every few
 * seconds does not write on every request.
 */
export async function resolveDisplaySession(token: string): Promise<DisplayViewer | null> {
  if (!isDisplayTokenShaped(token)) return null;
  const session = await db().displaySession.findUnique({
    where: { tokenHash: hashDisplayToken(token) },
    select: { id: true, projectId: true, revokedAt: true, lastSeenAt: true },
  });
  if (!session || session.revokedAt) return null;
  const now = new Date();
  if (!session.lastSeenAt || now.getTime() - session.lastSeenAt.getTime() >= SEEN_EVERY_MS) {
    // Conditional, so concurrent requests of one screen write once.
    await db().displaySession.updateMany({
      where: {
        id: session.id,
        revokedAt: null,
        OR: [{ lastSeenAt: null }, { lastSeenAt: { lt: new Date(now.getTime() - SEEN_EVERY_MS) } }],
      },
      data: { lastSeenAt: now },
    });
  }
  return { kind: "display", displaySessionId: session.id, projectId: session.projectId };
}
