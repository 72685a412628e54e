import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { assignableUsers, assignableGroupsWhere, type Assignee } from "./internal/assignees.ts";

export type TaskAssigneeOptions = {
  /** People the actor may give tasks to, by name. */
  assignees: Assignee[];
  /** Signing groups in the actor's reach, for the list's group filter. */
  groups: { id: string; name: string }[];
};

/** Rule: the choices of the task forms — who the actor may give tasks to in the project (a
 *  secretary: everyone in its working groups; a leader: their group's people). */
export async function listTaskAssignees(actor: Actor, input: unknown): Promise<TaskAssigneeOptions> {
  requirePermission(actor, "assign", "task");
  const { projectId } = parseInput(z.object({ projectId: z.uuid() }), input);
  const prisma = db();
  const project = await prisma.project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor, "assign", "task")] },
    select: { id: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  const [assignees, groups] = await Promise.all([
    assignableUsers(prisma, actor, projectId),
    prisma.workingGroup.findMany({
      where: { AND: [assignableGroupsWhere(actor, projectId), { kind: "SIGNING" }] },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  return { assignees, groups };
}
