import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";

/**
 * Display sessions are the project secretary's to manage (commander or secretary of the
 * project). Holding the secretary's "update:project:project" is the check; a district official's
 * "all" scope does not reach here, because a wall screen belongs to the command post.
 */
export async function findManagedProject(actor: Actor, projectId: string): Promise<{ id: string; code: string; name: string }> {
  requirePermission(actor, "update", "project");
  if (actor.managedProjectIds.length === 0) throw new AppError("FORBIDDEN", { detail: "display sessions are for secretaries" });
  const project = await db().project.findFirst({
    where: { AND: [{ id: projectId }, { id: { in: actor.managedProjectIds } }, projectScope(actor, "update", "project")] },
    select: { id: true, code: true, name: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  return project;
}
