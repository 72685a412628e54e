import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { db } from "../../db.ts";
import { parseInput, requiredText } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { hashDisplayToken, newDisplayToken } from "./display-token.ts";
import { findManagedProject } from "./manage-display-sessions.ts";

export const ZCreateDisplaySessionInput = z.object({
  projectId: z.uuid(),
  label: requiredText(60),
});
export type TCreateDisplaySessionInput = z.input<typeof ZCreateDisplaySessionInput>;

export type CreatedDisplaySession = {
  id: string;
  label: string;
  /** The path of the display, token included. Shown once: only its hash is stored. */
  path: string;
};

/**
 * Rule: the secretary of a project opens a read-only big-screen display for it. The token is
 * random, returned once inside the display's path and stored only as its SHA-256; the audit
 * event names the display, never the token.
 */
export async function createDisplaySession(actor: Actor, input: unknown): Promise<CreatedDisplaySession> {
  const { projectId, label } = parseInput(ZCreateDisplaySessionInput, input);
  const project = await findManagedProject(actor, projectId);
  const token = newDisplayToken();
  const session = await db().$transaction(async (tx) => {
    const created = await tx.displaySession.create({
      data: { projectId: project.id, label, tokenHash: hashDisplayToken(token), createdById: actor.userId },
      select: { id: true, label: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "create:display-session",
      entity: "display-session",
      entityId: created.id,
      projectId: project.id,
      after: { label },
    });
    return created;
  });
  return { id: session.id, label: session.label, path: `/display/${token}` };
}
