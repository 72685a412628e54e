import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { householdScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { OPEN_TASK_STATUSES, refuseOutsideAssignees } from "./internal/assignees.ts";
import { insertTasks, refuseTaskTarget } from "./internal/insert-tasks.ts";
import { ZTaskDueDate, ZTaskKind, ZTaskNote, ZTaskPriority } from "./task-input.ts";

export const ZCreateTaskInput = z.object({
  projectId: z.uuid(),
  householdId: z.uuid(),
  assigneeId: z.uuid({ error: "tasks.errors.chooseAssignee" }),
  kind: ZTaskKind,
  dueDate: ZTaskDueDate,
  priority: ZTaskPriority,
  note: ZTaskNote,
});

/**
 * Rule: a secretary (any household of the project) or a group leader (households of their group)
 * gives one household a visit task. The household must be neither excluded nor moved out; the
 * assignee must be in the project's working groups (a leader: in their own group); a household
 * with an unfinished task of the same kind gets no second one (which also makes a double submit
 * harmless: the household row is locked while this is checked). One `create:task` audit event.
 */
export async function createTask(actor: Actor, input: unknown): Promise<{ id: string }> {
  requirePermission(actor, "assign", "task");
  const data = parseInput(ZCreateTaskInput, input);
  return db().$transaction(async (tx) => {
    const household = await tx.household.findFirst({
      where: { AND: [{ id: data.householdId, projectId: data.projectId }, householdScope(actor, "assign", "task")] },
      select: { id: true, isExcluded: true, movedOutAt: true },
    });
    if (!household) throw new AppError("NOT_FOUND");
    refuseTaskTarget(household);
    await refuseOutsideAssignees(tx, actor, data.projectId, [data.assigneeId]);
    // Two submits of one form queue here; the second then sees the first one's task.
    await tx.$executeRaw`SELECT 1 FROM "Household" WHERE id = ${household.id}::uuid FOR UPDATE`;
    const open = await tx.task.findFirst({
      where: { householdId: household.id, kind: data.kind, status: { in: OPEN_TASK_STATUSES } },
      select: { id: true },
    });
    if (open) throw new AppError("VALIDATION", { fieldErrors: { kind: ["tasks.errors.alreadyOpen"] } });
    const [id] = await insertTasks(tx, actor.userId, data.projectId, [
      {
        householdId: household.id,
        assigneeId: data.assigneeId,
        kind: data.kind,
        dueDate: data.dueDate,
        priority: data.priority,
        note: data.note,
      },
    ]);
    return { id: id! };
  });
}
