import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission, type Scope } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { calendarDayOf, type CalendarDay } from "../../domain/calendar-day.ts";
import { isTaskOverdue } from "../../domain/field-work.ts";
import { daysBetween } from "../../domain/progress.ts";
import { serverEnv } from "../../env.ts";
import { Prisma, type TaskKind, type TaskPriority, type TaskStatus } from "../../generated/prisma/client.ts";

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

type MyTaskRow = Omit<MyTask, "bucket" | "overdueDays" | "household" | "project"> & {
  householdId: string;
  householdCode: string;
  householdAddress: string;
  householdHeadName: string;
  projectId: string;
  projectName: string;
};

/** taskScope(actor) as a condition on `t` (the task) and `h` (its household), scope by scope;
 *  one query, where Prisma would read the household and the project in queries of their own. */
function taskScopeSql(actor: Actor, scopes: Scope[]): Prisma.Sql {
  const parts = scopes.flatMap((scope): Prisma.Sql[] => {
    switch (scope) {
      case "all":
        return [Prisma.sql`TRUE`];
      case "project":
        return [Prisma.sql`t."projectId" = ANY(${actor.managedProjectIds}::uuid[])`];
      case "group":
        return [Prisma.sql`h."signingGroupId" = ANY(${actor.ledGroups.map((g) => g.groupId)}::uuid[])`];
      case "own":
        return [Prisma.sql`t."assigneeId" = ${actor.userId}::uuid`];
      case "task":
        return [];
    }
  });
  return parts.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/**
 * Rule: a member's landing list (我的任务) — the actor's own OPEN and IN_PROGRESS tasks, overdue
 * first (due before today in the deployment's zone), then due today, then upcoming; within a day
 * the most urgent first. One query (task, household, project joined) on the (assigneeId, status,
 * dueDate) index, its where the actor's task scope.
 */
export async function listMyTasks(actor: Actor, now: Date = new Date()): Promise<MyTasks> {
  const scopes = requirePermission(actor, "read", "task");
  const timeZone = serverEnv().LIANXIN_TIME_ZONE;
  const today = calendarDayOf(now, timeZone);
  // Due date ascending puts overdue, then today, then upcoming; URGENT is the enum's last value.
  const rows = await db().$queryRaw<MyTaskRow[]>`
    SELECT t.id::text AS id, t.version, t.kind::text AS kind, t.priority::text AS priority, t.status::text AS status,
           to_char(t."dueDate", 'YYYY-MM-DD') AS "dueDate", t.note,
           h.id::text AS "householdId", h.code AS "householdCode", h.address AS "householdAddress", h."headName" AS "householdHeadName",
           p.id::text AS "projectId", p.name AS "projectName"
    FROM "Task" t
    JOIN "Household" h ON h.id = t."householdId"
    JOIN "Project" p ON p.id = t."projectId"
    WHERE t."assigneeId" = ${actor.userId}::uuid AND t.status IN ('OPEN', 'IN_PROGRESS') AND ${taskScopeSql(actor, scopes)}
    ORDER BY t."dueDate" ASC, t.priority DESC, t."createdAt" ASC
    LIMIT ${MY_TASKS_LIMIT}`;
  const counts: Record<MyTaskBucket, number> = { overdue: 0, today: 0, upcoming: 0 };
  const tasks = rows.map((row): MyTask => {
    const { dueDate } = row;
    const overdue = isTaskOverdue({ status: row.status, dueDate }, today);
    const bucket: MyTaskBucket = overdue ? "overdue" : dueDate === today ? "today" : "upcoming";
    counts[bucket] += 1;
    return {
      id: row.id,
      version: row.version,
      kind: row.kind,
      priority: row.priority,
      status: row.status,
      dueDate,
      note: row.note,
      bucket,
      overdueDays: overdue ? daysBetween(dueDate, today) : 0,
      household: { id: row.householdId, code: row.householdCode, address: row.householdAddress, headName: row.householdHeadName },
      project: { id: row.projectId, name: row.projectName },
    };
  });
  return { timeZone, today, tasks, counts };
}
