import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { findManagedProject } from "./manage-display-sessions.ts";

export const ZRevokeDisplaySessionInput = z.object({ projectId: z.uuid(), displaySessionId: z.uuid() });

/**
 * Rule: the secretary of a project switches one of its displays off; from the next request
 * (page, refresh or live stream) the screen shows "switched off". Revoking twice is harmless
 * and records one event.
 */
export async function revokeDisplaySession(actor: Actor, input: unknown): Promise<{ id: string; revokedAt: Date }> {
  const { projectId, displaySessionId } = parseInput(ZRevokeDisplaySessionInput, input);
  const project = await findManagedProject(actor, projectId);
  return db().$transaction(async (tx) => {
    const session = await tx.displaySession.findFirst({
      where: { id: displaySessionId, projectId: project.id },
      select: { id: true, label: true, revokedAt: true },
    });
    if (!session) throw new AppError("NOT_FOUND");
    if (session.revokedAt) return { id: session.id, revokedAt: session.revokedAt };
    const revokedAt = new Date();
    const { count } = await tx.displaySession.updateMany({ where: { id: session.id, revokedAt: null }, data: { revokedAt } });
    if (count === 0) throw new AppError("CONFLICT");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "revoke:display-session",
      entity: "display-session",
      entityId: session.id,
      projectId: project.id,
      before: { revokedAt: null },
      after: { label: session.label, revokedAt: revokedAt.toISOString() },
    });
    await notifyProjectChanged(tx, project.id, "display");
    return { id: session.id, revokedAt };
  });
}
