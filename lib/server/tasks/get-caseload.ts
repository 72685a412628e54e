import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import type { CalendarDay } from "../../domain/calendar-day.ts";
import { AppError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { OPEN_TASK_STATUSES } from "./internal/assignees.ts";
import { taskToday } from "./task-input.ts";

export type CaseloadRow = {
  userId: string;
  name: string;
  open: number;
  dueToday: number;
  /** Open and due before today (isTaskOverdue). */
  overdue: number;
  /** Completed in the last 7 × 24 hours. */
  doneLast7Days: number;
};

export type Caseload = { today: CalendarDay; scope: "project" | "group"; rows: CaseloadRow[] };

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Rule: per person of the project's working groups (secretary, district) or of the leader's own
 * group(s) (group leader): open tasks, due today, overdue (open and due before today, as
 * isTaskOverdue), done in the last 7 days — counted over the tasks the reader may see (a leader:
 * those of their group's households). Most overdue first. One grouped query.
 */
export async function getCaseload(actor: Actor, input: unknown): Promise<Caseload> {
  const scopes = requirePermission(actor, "read", "task");
  const { projectId } = parseInput(z.object({ projectId: z.uuid() }), input);
  const whole = scopes.includes("all") || (scopes.includes("project") && actor.managedProjectIds.includes(projectId));
  const led = actor.ledGroups.filter((g) => g.projectId === projectId).map((g) => g.groupId);
  if (!whole && !scopes.includes("group") && !scopes.includes("project") && !scopes.includes("all"))
    throw new AppError("FORBIDDEN", { detail: "caseload" });
  if (!whole && led.length === 0) throw new AppError("NOT_FOUND");
  // A project the actor manages or leads a group in exists (the actor is loaded per request and
  // memberships go with their project); only an official's "all" scope names any id.
  const known = actor.managedProjectIds.includes(projectId) || led.length > 0;
  if (!known && !(await db().project.findUnique({ where: { id: projectId }, select: { id: true } }))) throw new AppError("NOT_FOUND");

  const today = taskToday();
  const todayDate = new Date(`${today}T00:00:00Z`);
  const since = new Date(Date.now() - 7 * DAY_MS);
  const open = Prisma.join(OPEN_TASK_STATUSES.map((s) => Prisma.sql`${s}::"TaskStatus"`));
  const groupFilter = whole ? Prisma.empty : Prisma.sql`AND g.id = ANY(${led}::uuid[])`;
  const householdFilter = whole
    ? Prisma.empty
    : Prisma.sql`AND EXISTS (SELECT 1 FROM "Household" h WHERE h.id = t."householdId" AND h."signingGroupId" = ANY(${led}::uuid[]))`;

  const rows = await db().$queryRaw<
    { userId: string; name: string; open: number; dueToday: number; overdue: number; doneLast7Days: number }[]
  >`
    WITH people AS (
      SELECT DISTINCT m."userId" FROM "WorkingGroupMember" m JOIN "WorkingGroup" g ON g.id = m."groupId"
      WHERE g."projectId" = ${projectId}::uuid ${groupFilter}
    )
    SELECT u.id::text AS "userId", u.name,
      (count(t.id) FILTER (WHERE t.status IN (${open})))::int AS open,
      (count(t.id) FILTER (WHERE t.status IN (${open}) AND t."dueDate" = ${todayDate}::date))::int AS "dueToday",
      (count(t.id) FILTER (WHERE t.status IN (${open}) AND t."dueDate" < ${todayDate}::date))::int AS overdue,
      (count(t.id) FILTER (WHERE t.status = 'DONE' AND t."completedAt" >= ${since}))::int AS "doneLast7Days"
    FROM people p
    JOIN "User" u ON u.id = p."userId"
    LEFT JOIN "Task" t ON t."assigneeId" = p."userId" AND t."projectId" = ${projectId}::uuid
      AND (t.status IN (${open}) OR t."completedAt" >= ${since}) ${householdFilter}
    GROUP BY u.id, u.name
    ORDER BY overdue DESC, open DESC, u.name, u.id`;
  return { today, scope: whole ? "project" : "group", rows };
}
