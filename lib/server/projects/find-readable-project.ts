import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";

const ZProjectId = z.object({ projectId: z.uuid() });

/**
 * Rule: every page under /projects/<id> answers only for a project the actor may read
 * (read:project in scope); for any other id it is NOT_FOUND. The project layout asks this before
 * a page streams its loading state, so the answer is a real 404 rather than a not-found page
 * sent with 200. The pages' own use cases check again with their own rules.
 */
export async function findReadableProject(actor: Actor, input: unknown): Promise<{ id: string }> {
  requirePermission(actor, "read", "project");
  const { projectId } = parseInput(ZProjectId, input);
  const project = await db().project.findFirst({ where: { AND: [{ id: projectId }, projectScope(actor)] }, select: { id: true } });
  if (!project) throw new AppError("NOT_FOUND");
  return project;
}
