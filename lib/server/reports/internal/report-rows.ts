import "server-only";
// The rows a day's figures are counted from, for several signing groups at once: a few narrow
// queries bounded by the day (set-based), sorted per group. lib/domain/daily-report.ts decides
// what counts.
import { addDays } from "../../../domain/progress.ts";
import { instantFromWallClock, calendarDayOfDateColumn, type CalendarDay } from "../../../domain/calendar-day.ts";
import { dailyReportFigures, type DailyReportFigures, type DailyReportRows } from "../../../domain/daily-report.ts";
import type { PrismaClient } from "../../../db.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";

type Client = PrismaClient | Prisma.TransactionClient;

function emptyRows(): {
  signings: DailyReportRows["signings"][number][];
  visits: DailyReportRows["visits"][number][];
  demands: DailyReportRows["demands"][number][];
  tasks: DailyReportRows["tasks"][number][];
} {
  return { signings: [], visits: [], demands: [], tasks: [] };
}

/** Each group's rows that may fall on `day` (its households by their current signing group). */
export async function readReportRows(
  client: Client,
  projectId: string,
  groupIds: readonly string[],
  day: CalendarDay,
  timeZone: string,
): Promise<Map<string, DailyReportRows>> {
  const byGroup = new Map(groupIds.map((id) => [id, emptyRows()]));
  if (groupIds.length === 0) return byGroup;
  const start = instantFromWallClock(`${day}T00:00`, timeZone)!;
  const end = instantFromWallClock(`${addDays(day, 1)}T00:00`, timeZone)!;
  const ofGroups = { projectId, signingGroupId: { in: [...groupIds] } } satisfies Prisma.HouseholdWhereInput;
  const inDay = { gte: start, lt: end };
  const group = { select: { signingGroupId: true } } as const;
  const [signings, visits, demands, tasks] = await Promise.all([
    client.signing.findMany({
      where: { projectId, signedAt: inDay, household: { ...ofGroups, isExcluded: false } },
      select: { signedAt: true, household: group },
    }),
    client.visitLog.findMany({
      where: { projectId, visitedAt: inDay, household: ofGroups },
      select: { householdId: true, visitedAt: true, household: group },
    }),
    client.demand.findMany({
      where: { projectId, household: ofGroups, OR: [{ createdAt: inDay }, { resolvedAt: inDay }] },
      select: { createdAt: true, resolvedAt: true, household: group },
    }),
    // Tasks due by the day, created by its end and not closed before it ended.
    client.task.findMany({
      where: {
        projectId,
        household: ofGroups,
        dueDate: { lte: new Date(`${day}T00:00:00Z`) },
        createdAt: { lt: end },
        OR: [{ status: { in: ["OPEN", "IN_PROGRESS"] } }, { completedAt: { gte: end } }, { cancelledAt: { gte: end } }],
      },
      select: { status: true, dueDate: true, createdAt: true, completedAt: true, cancelledAt: true, household: group },
    }),
  ]);
  const rowsOf = (g: string | null) => (g ? byGroup.get(g) : undefined);
  for (const s of signings) rowsOf(s.household.signingGroupId)?.signings.push({ signedAt: s.signedAt });
  for (const v of visits) rowsOf(v.household.signingGroupId)?.visits.push({ householdId: v.householdId, visitedAt: v.visitedAt });
  for (const d of demands) rowsOf(d.household.signingGroupId)?.demands.push({ raisedAt: d.createdAt, resolvedAt: d.resolvedAt });
  for (const t of tasks)
    rowsOf(t.household.signingGroupId)?.tasks.push({
      status: t.status,
      dueDate: calendarDayOfDateColumn(t.dueDate),
      createdAt: t.createdAt,
      completedAt: t.completedAt,
      cancelledAt: t.cancelledAt,
    });
  return byGroup;
}

/** Each group's figures of `day`, counted now. */
export async function readReportFigures(
  client: Client,
  projectId: string,
  groupIds: readonly string[],
  day: CalendarDay,
  timeZone: string,
): Promise<Map<string, DailyReportFigures>> {
  const rows = await readReportRows(client, projectId, groupIds, day, timeZone);
  return new Map([...rows].map(([groupId, r]) => [groupId, dailyReportFigures(r, day, timeZone)]));
}

/** The figures stored on a report row. */
export const reportFiguresSelect = {
  signedCount: true,
  visitCount: true,
  householdsVisited: true,
  newDemands: true,
  demandsResolved: true,
  overdueTasks: true,
} satisfies Prisma.DailyReportSelect;
