import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { taskScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { calendarDayOf, calendarDayOfDateColumn, type CalendarDay } from "../../domain/calendar-day.ts";
import { isTaskOverdue } from "../../domain/field-work.ts";
import { daysBetween } from "../../domain/progress.ts";
import { serverEnv } from "../../env.ts";
import type { Prisma, TaskKind, TaskPriority, TaskStatus } from "../../generated/prisma/client.ts";

/** More open tasks than anyone works through; the list stops here. */
const MY_TASKS_LIMIT = 500;

export type MyTaskBucket = "overdue" | "today" | "upcoming";

export type MyTask = {
  id: string;
  version: number;
  kind: TaskKind;
  priority: TaskPriority;
  status: TaskStatus;
  dueDate: CalendarDay;
  note: string | null;
  bucket: MyTaskBucket;
  /** Days past the due date; 0 unless overdue. */
  overdueDays: number;
  household: { id: string; code: string; address: string; headName: string };
  project: { id: string; name: string };
};

export type MyTasks = {
  timeZone: string;
  today: CalendarDay;
  tasks: MyTask[];
  counts: Record<MyTaskBucket, number>;
};

const myTaskSelect = {
  id: true,
  version: true,
  kind: true,
  priority: true,
  status: true,
  dueDate: true,
  note: true,
  household: { select: { id: true, code: true, address: true, headName: true } },
  project: { select: { id: true, name: true } },
} satisfies Prisma.TaskSelect;

/**
 * Rule: a member's landing list (我的任务) — the actor's own OPEN and IN_PROGRESS tasks, overdue
 * first (due before today in the deployment's zone), then due today, then upcoming; within a day
 * the most urgent first. One query on the (assigneeId, status, dueDate) index.
 */
export async function listMyTasks(actor: Actor, now: Date = new Date()): Promise<MyTasks> {
  requirePermission(actor, "read", "task");
  const timeZone = serverEnv().LIANXIN_TIME_ZONE;
  const today = calendarDayOf(now, timeZone);
  const rows = await db().task.findMany({
    where: { AND: [{ assigneeId: actor.userId, status: { in: ["OPEN", "IN_PROGRESS"] } }, taskScope(actor)] },
    select: myTaskSelect,
    // Due date ascending puts overdue, then today, then upcoming; URGENT is the enum's last value.
    orderBy: [{ dueDate: "asc" }, { priority: "desc" }, { createdAt: "asc" }],
    take: MY_TASKS_LIMIT,
  });
  const counts: Record<MyTaskBucket, number> = { overdue: 0, today: 0, upcoming: 0 };
  const tasks = rows.map((row): MyTask => {
    const dueDate = calendarDayOfDateColumn(row.dueDate);
    const overdue = isTaskOverdue({ status: row.status, dueDate }, today);
    const bucket: MyTaskBucket = overdue ? "overdue" : dueDate === today ? "today" : "upcoming";
    counts[bucket] += 1;
    return { ...row, dueDate, bucket, overdueDays: overdue ? daysBetween(dueDate, today) : 0 };
  });
  return { timeZone, today, tasks, counts };
}
