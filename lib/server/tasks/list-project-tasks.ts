import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { calendarDayOfDateColumn, type CalendarDay } from "../../domain/calendar-day.ts";
import { isTaskOverdue } from "../../domain/field-work.ts";
import { AppError } from "../../errors.ts";
import type { TaskKind, TaskPriority, TaskStatus } from "../../generated/prisma/enums.ts";
import { parseInput } from "../../validation.ts";
import {
  overdueWhere,
  parseTaskListQuery,
  scopedTaskWhere,
  TASK_PAGE_SIZE,
  taskRowSelect,
  type TaskRowRecord,
  type TTaskListQuery,
} from "./internal/task-query.ts";
import { taskToday } from "./task-input.ts";

export type TaskRow = {
  id: string;
  version: number;
  kind: TaskKind;
  status: TaskStatus;
  priority: TaskPriority;
  dueDate: CalendarDay;
  overdue: boolean;
  note: string | null;
  assignee: { id: string; name: string };
  household: { id: string; code: string; address: string; headName: string; groupName: string | null };
};

export type ProjectTaskList = {
  project: { id: string; name: string };
  query: TTaskListQuery;
  today: CalendarDay;
  rows: TaskRow[];
  total: number;
  pages: number;
  /** Tasks in the actor's scope at all (any status): tells "none yet" from "none match". */
  anyInScope: boolean;
};

export function toTaskRow(t: TaskRowRecord, today: CalendarDay): TaskRow {
  const dueDate = calendarDayOfDateColumn(t.dueDate);
  return {
    id: t.id,
    version: t.version,
    kind: t.kind,
    status: t.status,
    priority: t.priority,
    dueDate,
    overdue: isTaskOverdue({ status: t.status, dueDate }, today),
    note: t.note,
    assignee: t.assignee,
    household: {
      id: t.household.id,
      code: t.household.code,
      address: t.household.address,
      headName: t.household.headName,
      groupName: t.household.signingGroup?.name ?? null,
    },
  };
}

/**
 * Rule: the project's tasks in the actor's read scope (district: all; secretary: the project;
 * group leader: their group's households; member: their own), filtered by status (default:
 * open), assignee, kind, overdue and signing group; overdue tasks first (earliest due first),
 * then the rest by status and due date; 50 a page.
 */
export async function listProjectTasks(actor: Actor, input: unknown): Promise<ProjectTaskList> {
  requirePermission(actor, "read", "task");
  const { projectId } = parseInput(z.object({ projectId: z.uuid() }), input);
  const query = parseTaskListQuery(input as Record<string, string | string[] | undefined>);
  const prisma = db();
  const project = await prisma.project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor, "read", "task")] },
    select: { id: true, name: true },
  });
  if (!project) throw new AppError("NOT_FOUND");

  const today = taskToday();
  const where = scopedTaskWhere(actor, "read", projectId, query, today);
  const overdue = overdueWhere(today);
  const [total, overdueTotal, anyInScope] = await Promise.all([
    prisma.task.count({ where }),
    prisma.task.count({ where: { AND: [where, overdue] } }),
    prisma.task.findFirst({
      where: scopedTaskWhere(
        actor,
        "read",
        projectId,
        { ...query, status: "all", assignee: undefined, kind: undefined, overdue: undefined, group: undefined },
        today,
      ),
      select: { id: true },
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / TASK_PAGE_SIZE));
  const page = Math.min(query.page, pages);
  // One page across two segments: the overdue tasks, then all others.
  const start = (page - 1) * TASK_PAGE_SIZE;
  const fromOverdue = Math.max(0, Math.min(TASK_PAGE_SIZE, overdueTotal - start));
  const [first, rest] = await Promise.all([
    fromOverdue > 0
      ? prisma.task.findMany({
          where: { AND: [where, overdue] },
          select: taskRowSelect,
          orderBy: [{ dueDate: "asc" }, { id: "asc" }],
          skip: start,
          take: fromOverdue,
        })
      : Promise.resolve([]),
    fromOverdue < TASK_PAGE_SIZE
      ? prisma.task.findMany({
          where: { AND: [where, { NOT: overdue }] },
          select: taskRowSelect,
          orderBy: [{ status: "asc" }, { dueDate: "asc" }, { id: "asc" }],
          skip: Math.max(0, start - overdueTotal),
          take: TASK_PAGE_SIZE - fromOverdue,
        })
      : Promise.resolve([]),
  ]);
  return {
    project,
    query: { ...query, page },
    today,
    rows: [...first, ...rest].map((t) => toTaskRow(t, today)),
    total,
    pages,
    anyInScope: anyInScope !== null,
  };
}

export { taskFilterQueryString } from "./internal/task-query.ts";
