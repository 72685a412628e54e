import "server-only";
import { db, type PrismaClient } from "../../../db.ts";
import { addDays, type DailyCount } from "../../../domain/progress.ts";
import { instantFromWallClock, type CalendarDay } from "../../../domain/calendar-day.ts";
import { Prisma } from "../../../generated/prisma/client.ts";
import { householdStateRankSql } from "../../households/household-queries.ts";
import { FIELD_WORK_KINDS } from "../../live/progress-event.ts";
import { readOneProject, readPerProject } from "./figure-cache.ts";

// The set-based reads behind the dashboard and the overview. Every count here leaves excluded
// households out (DOMAIN.md "eligible"). Every join is narrowed to the projects asked for on
// both sides (a signing, visit or task shares its household's project): without it the planner
// hashes the whole district's households or signings to answer for one project. Timestamps are
// stored in UTC (timestamp without zone), so a calendar day in the deployment's zone is
// ("at" AT TIME ZONE 'UTC') AT TIME ZONE zone.

type Client = PrismaClient | Prisma.TransactionClient;

/** Midnight starting `day` in `timeZone`, as an instant. */
export function startOfDay(day: CalendarDay, timeZone: string): Date {
  return instantFromWallClock(`${day}T00:00`, timeZone)!;
}

export type DailyByProject = { projectId: string; day: CalendarDay; party: boolean; count: number };

/** Signings of eligible households per project, calendar day and Party-member flag. */
export async function dailySignings(client: Client, projectIds: string[], timeZone: string): Promise<DailyByProject[]> {
  if (projectIds.length === 0) return [];
  // Group by the date first and format only the grouped rows (a few per project and day).
  return client.$queryRaw<DailyByProject[]>`
    SELECT d."projectId"::text AS "projectId", to_char(d."day", 'YYYY-MM-DD') AS "day", d."party", d."count"
    FROM (
      SELECT s."projectId",
             ((s."signedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date AS "day",
             h."isPartyMemberHousehold" AS "party",
             count(*)::int AS "count"
      FROM "Signing" s
      JOIN "Household" h ON h."id" = s."householdId" AND h."projectId" = ANY(${projectIds}::uuid[])
      WHERE s."projectId" = ANY(${projectIds}::uuid[]) AND NOT h."isExcluded"
      GROUP BY 1, 2, 3
    ) d
    ORDER BY 2`;
}

/** dailySignings per project, through the figure cache. Only ids of existing projects. */
export function readDailySignings(projectIds: readonly string[], timeZone: string): Promise<Map<string, DailyByProject[]>> {
  return readPerProject(
    `daily:${timeZone}`,
    projectIds,
    async (missing) => {
      const byProject = new Map<string, DailyByProject[]>(missing.map((id) => [id, []]));
      for (const row of await dailySignings(db(), missing, timeZone)) byProject.get(row.projectId)!.push(row);
      return byProject;
    },
    { unchangedBy: FIELD_WORK_KINDS },
  );
}

export function toDaily(rows: readonly DailyByProject[], party?: boolean): DailyCount[] {
  return rows.filter((r) => party === undefined || r.party === party).map((r) => ({ day: r.day, count: r.count }));
}

export type GroupCounts = {
  groupId: string | null;
  /** Index in HOUSEHOLD_STATES of the households counted in this row. */
  stateRank: number;
  households: number;
  eligible: number;
  signed: number;
  movedOut: number;
  agreed: number;
  partyEligible: number;
};

/**
 * One scan of a project's households: the counts per signing group (null = unassigned) and per
 * state. The state is the household list's own state SQL (householdStateRankSql), so a state's
 * count and the list filtered by it agree.
 */
export async function householdCountsByGroup(client: Client, projectId: string): Promise<GroupCounts[]> {
  // The CASE reaches the visit probe (one VisitLog(householdId, visitedAt) index lookup) only for
  // households not yet signed or agreed, so a project far into its signing probes few of them.
  const visited = Prisma.sql`EXISTS (SELECT 1 FROM "VisitLog" v WHERE v."householdId" = h."id")`;
  return client.$queryRaw<GroupCounts[]>`
    SELECT h."signingGroupId"::text AS "groupId",
           ${householdStateRankSql(visited)} AS "stateRank",
           count(*)::int AS "households",
           count(*) FILTER (WHERE NOT h."isExcluded")::int AS "eligible",
           count(s."id") FILTER (WHERE NOT h."isExcluded")::int AS "signed",
           count(*) FILTER (WHERE NOT h."isExcluded" AND h."movedOutAt" IS NOT NULL)::int AS "movedOut",
           count(*) FILTER (WHERE NOT h."isExcluded" AND h."firstRoundVote" = 'AGREE')::int AS "agreed",
           count(*) FILTER (WHERE NOT h."isExcluded" AND h."isPartyMemberHousehold")::int AS "partyEligible"
    FROM "Household" h
    LEFT JOIN "Signing" s ON s."householdId" = h."id" AND s."projectId" = ${projectId}::uuid
    WHERE h."projectId" = ${projectId}::uuid
    GROUP BY 1, 2`;
}

/** householdCountsByGroup through the figure cache. Only the id of an existing project. Field work
 *  keeps the entry; a household's first visit (NOT_CONTACTED → VISITED) is announced as a
 *  "household" change as well, and that drops it. */
export function readHouseholdCountsByGroup(projectId: string): Promise<GroupCounts[]> {
  return readOneProject("groups", projectId, (id) => householdCountsByGroup(db(), id), { unchangedBy: FIELD_WORK_KINDS });
}

export type GroupActivity = { kind: "visits" | "overdue"; groupId: string | null; count: number };

/**
 * Per signing group: visits to its households since the start of the pace window (today and the
 * 6 days before, in the zone) and its households' overdue tasks (OPEN or IN_PROGRESS, due before
 * today).
 */
export async function groupActivity(client: Client, projectId: string, today: CalendarDay, timeZone: string): Promise<GroupActivity[]> {
  const since = startOfDay(addDays(today, -6), timeZone);
  // Two statements rather than one UNION: they run side by side on two connections.
  const [visits, overdue] = await Promise.all([
    client.$queryRaw<GroupActivity[]>`
      SELECT 'visits' AS "kind", h."signingGroupId"::text AS "groupId", count(*)::int AS "count"
      FROM "VisitLog" v
      JOIN "Household" h ON h."id" = v."householdId" AND h."projectId" = ${projectId}::uuid
      WHERE v."projectId" = ${projectId}::uuid AND v."visitedAt" >= ${since}
      GROUP BY h."signingGroupId"`,
    client.$queryRaw<GroupActivity[]>`
      SELECT 'overdue' AS "kind", h."signingGroupId"::text AS "groupId", count(*)::int AS "count"
      FROM "Task" t
      JOIN "Household" h ON h."id" = t."householdId" AND h."projectId" = ${projectId}::uuid
      WHERE t."projectId" = ${projectId}::uuid AND t."status" IN ('OPEN', 'IN_PROGRESS') AND t."dueDate" < ${today}::date
      GROUP BY h."signingGroupId"`,
  ]);
  return [...visits, ...overdue];
}

/** groupActivity through the figure cache, kept per day (the window and "overdue" move with it);
 *  visits and tasks are writes that notify like any other. Only the id of an existing project. */
export function readGroupActivity(projectId: string, today: CalendarDay, timeZone: string): Promise<GroupActivity[]> {
  return readOneProject(`activity:${today}:${timeZone}`, projectId, (id) => groupActivity(db(), id, today, timeZone), {
    // Launch day writes signings several times a second; none of these touches a visit, a task
    // or which group a household is in.
    unchangedBy: ["vote", "signing", "move-out", "hand-over", "exclusion", "inclusion", "undo", "settle", "household", "display"],
  });
}
