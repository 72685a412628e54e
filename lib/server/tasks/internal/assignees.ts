import "server-only";
// Who may be given a task by this actor in this project: a secretary gives tasks to anyone in the
// project's working groups (members and leaders, signing and special groups alike); a group
// leader only to the people of the group(s) they lead. Shared by the task forms (their list of
// assignees) and every use case that hands a task to someone (create, bulk, reassign).
import type { Actor } from "../../../auth/actor-types.ts";
import { grantedScopes } from "../../../auth/permissions.ts";
import { projectScope } from "../../../auth/scope.ts";
import { isTaskOpen } from "../../../domain/field-work.ts";
import { optionsOf } from "../../../domain/options.ts";
import { AppError } from "../../../errors.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { TaskStatus as TaskStatusEnum, type TaskStatus } from "../../../generated/prisma/enums.ts";

/** The working groups whose people the actor may give tasks to in `projectId`. */
export function assignableGroupsWhere(actor: Actor, projectId: string): Prisma.WorkingGroupWhereInput {
  const scopes = grantedScopes(actor, "assign", "task");
  if (scopes.includes("all") || (scopes.includes("project") && actor.managedProjectIds.includes(projectId))) return { projectId };
  if (scopes.includes("group")) {
    const led = actor.ledGroups.filter((g) => g.projectId === projectId).map((g) => g.groupId);
    return { projectId, id: { in: led } };
  }
  return { id: { in: [] } };
}

export type Assignee = { id: string; name: string };

/** The people the actor may give tasks to, by name. */
export async function assignableUsers(tx: Prisma.TransactionClient, actor: Actor, projectId: string): Promise<Assignee[]> {
  return tx.user.findMany({
    where: { groupMemberships: { some: { group: assignableGroupsWhere(actor, projectId) } } },
    select: { id: true, name: true },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
}

/** Rule: every assignee must be one the actor may give tasks to; else VALIDATION on `field`. */
export async function refuseOutsideAssignees(
  tx: Prisma.TransactionClient,
  actor: Actor,
  projectId: string,
  userIds: readonly string[],
  field = "assigneeId",
): Promise<void> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return;
  const inside = await tx.workingGroupMember.findMany({
    where: { userId: { in: unique }, group: assignableGroupsWhere(actor, projectId) },
    select: { userId: true },
    distinct: ["userId"],
  });
  if (inside.length !== unique.length) throw new AppError("VALIDATION", { fieldErrors: { [field]: ["tasks.errors.assigneeOutside"] } });
}

/** The open task statuses (isTaskOpen), for `where: { status: { in: OPEN_TASK_STATUSES } }`. */
export const OPEN_TASK_STATUSES: TaskStatus[] = optionsOf(TaskStatusEnum).filter(isTaskOpen);

/** The project, when the actor may assign tasks in it at all; NOT_FOUND otherwise (so a
 *  project out of reach is not found before any field is judged). */
export async function refuseProjectOutOfReach(tx: Prisma.TransactionClient, actor: Actor, projectId: string): Promise<void> {
  const project = await tx.project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor, "assign", "task")] },
    select: { id: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
}
