import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { db } from "../../db.ts";
import { serverEnv } from "../../env.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { findManagedProject } from "./manage-display-sessions.ts";

const ZListDisplaySessionsInput = z.object({ projectId: z.uuid() });

const displaySessionSelect = {
  id: true,
  label: true,
  createdAt: true,
  lastSeenAt: true,
  revokedAt: true,
  createdBy: { select: { name: true } },
} satisfies Prisma.DisplaySessionSelect;

export type DisplaySessionRow = Prisma.DisplaySessionGetPayload<{ select: typeof displaySessionSelect }>;

export type DisplaySessionList = {
  project: { id: string; code: string; name: string };
  sessions: DisplaySessionRow[];
  /** The deployment's zone, to show the times in. */
  timeZone: string;
};

/** Rule: the secretary of a project sees its displays, switched-off ones too (newest first). */
export async function listDisplaySessions(actor: Actor, input: unknown): Promise<DisplaySessionList> {
  const { projectId } = parseInput(ZListDisplaySessionsInput, input);
  const project = await findManagedProject(actor, projectId);
  const sessions = await db().displaySession.findMany({
    where: { projectId: project.id },
    select: displaySessionSelect,
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    take: 200,
  });
  return { project, sessions, timeZone: serverEnv().LIANXIN_TIME_ZONE };
}
