import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { canInProject, requirePermission } from "../../auth/permissions.ts";
import { taskScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { isTaskOpen } from "../../domain/field-work.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { taskRowSelect } from "./internal/task-query.ts";
import { toTaskRow, type TaskRow } from "./list-project-tasks.ts";
import { taskToday } from "./task-input.ts";

export type TaskDetail = TaskRow & {
  projectId: string;
  assignedBy: string | null;
  createdAt: Date;
  completedAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  /** Oldest first: from, to, by whom, when, why. */
  history: { id: string; from: string; to: string; by: string | null; at: Date; reason: string | null }[];
  /** Whether the reader may reassign or cancel it (an open task in their assign scope). */
  mayChange: boolean;
};

/** Rule: one task in the actor's read scope with its history of reassignments; else NOT_FOUND. */
export async function getTask(actor: Actor, input: unknown): Promise<TaskDetail> {
  requirePermission(actor, "read", "task");
  const { projectId, taskId } = parseInput(z.object({ projectId: z.uuid(), taskId: z.uuid() }), input);
  const prisma = db();
  const task = await prisma.task.findFirst({
    where: { AND: [{ id: taskId, projectId }, taskScope(actor, "read")] },
    select: {
      ...taskRowSelect,
      projectId: true,
      assignedBy: { select: { name: true } },
      reassignments: {
        select: {
          id: true,
          createdAt: true,
          reason: true,
          fromUser: { select: { name: true } },
          toUser: { select: { name: true } },
          byUser: { select: { name: true } },
        },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      },
    },
  });
  if (!task) throw new AppError("NOT_FOUND");
  const open = isTaskOpen(task.status);
  const mayChange =
    open &&
    canInProject(actor, "assign", "task", projectId) &&
    (await prisma.task.count({ where: { AND: [{ id: task.id }, taskScope(actor, "assign")] } })) === 1;
  return {
    ...toTaskRow(task, taskToday()),
    projectId: task.projectId,
    assignedBy: task.assignedBy?.name ?? null,
    createdAt: task.createdAt,
    completedAt: task.completedAt,
    cancelledAt: task.cancelledAt,
    cancelReason: task.cancelReason,
    history: task.reassignments.map((r) => ({
      id: r.id,
      from: r.fromUser.name,
      to: r.toUser.name,
      by: r.byUser?.name ?? null,
      at: r.createdAt,
      reason: r.reason,
    })),
    mayChange,
  };
}
