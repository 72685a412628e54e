import "server-only";
import type { Actor } from "../../../auth/actor-types.ts";
import { requirePermission } from "../../../auth/permissions.ts";
import { projectScope } from "../../../auth/scope.ts";
import { db } from "../../../db.ts";
import { AppError } from "../../../errors.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";

/**
 * The project of a resident's own household, with `select`. Published notices are part of the
 * project a resident reads; drafts are staff work (the "notice" entity), which residents have no
 * permission for. Anyone without a household of their own (staff, officials): NOT_FOUND.
 */
export async function findOwnProject<S extends Prisma.ProjectSelect>(actor: Actor, select: S) {
  requirePermission(actor, "read", "project");
  if (!actor.householdId) throw new AppError("NOT_FOUND");
  const project = await db().project.findFirst({
    where: { AND: [projectScope(actor, "read", "project"), { households: { some: { id: actor.householdId } } }] },
    select,
  });
  if (!project) throw new AppError("NOT_FOUND");
  return { project: project as Prisma.ProjectGetPayload<{ select: S }>, householdId: actor.householdId };
}
