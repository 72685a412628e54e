import "server-only";
import { calendarDayOf, instantFromWallClock } from "../../domain/calendar-day.ts";
import { addDays, rankGroupLeague } from "../../domain/progress.ts";
import { formatPercent, ratio } from "../../domain/rates.ts";
import { db } from "../../db.ts";
import { serverEnv } from "../../env.ts";
import { AppError } from "../../errors.ts";
import type { ProjectPhase } from "../../generated/prisma/enums.ts";
import { readHouseholdCounts } from "../projects/count-households.ts";
import { toProjectFigures, type ProjectFigures } from "../projects/project-figures.ts";
import type { DisplayViewer } from "./display-viewer.ts";

export type DisplayLeagueRow = { groupId: string; name: string; households: number; signed: number; rate: string | null; rank: number };

export type DisplayBoard = {
  project: { id: string; code: string; name: string; phase: ProjectPhase };
  figures: ProjectFigures;
  signedToday: number;
  agreementStatus: "effective" | "pending" | "failed";
  league: DisplayLeagueRow[];
  /** When these figures were read, and the deployment's zone to show it in. */
  at: Date;
  timeZone: string;
};

/**
 * Rule: a display session reads its one project's headline figures — signed/eligible, signing
 * rate against the threshold, gap, today's signings, effective state and the group league —
 * and nothing else: no household, no name of a resident. Figures come from lib/domain.
 */
export async function getDisplayBoard(viewer: DisplayViewer): Promise<DisplayBoard> {
  const project = await db().project.findUnique({
    where: { id: viewer.projectId },
    select: { id: true, code: true, name: true, phase: true, signingThreshold: true, agreementsEffectiveAt: true, signingFailedAt: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  const timeZone = serverEnv().LIANXIN_TIME_ZONE;
  const now = new Date();
  const today = calendarDayOf(now, timeZone);
  const dayStart = instantFromWallClock(`${today}T00:00`, timeZone)!;
  const dayEnd = instantFromWallClock(`${addDays(today, 1)}T00:00`, timeZone)!;
  const weekStart = instantFromWallClock(`${addDays(today, -6)}T00:00`, timeZone)!;

  const [counts, todayRows, groups] = await Promise.all([
    readHouseholdCounts([project.id]),
    db().$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" FROM "Signing" s JOIN "Household" h ON h."id" = s."householdId"
      WHERE s."projectId" = ${project.id}::uuid AND NOT h."isExcluded"
        AND s."signedAt" >= ${dayStart.toISOString()}::timestamptz AT TIME ZONE 'UTC'
        AND s."signedAt" < ${dayEnd.toISOString()}::timestamptz AT TIME ZONE 'UTC'`,
    db().$queryRaw<{ groupId: string; name: string; households: number; signed: number; visits: number; overdue: number }[]>`
      SELECT g."id" AS "groupId", g."name",
             (SELECT count(*)::int FROM "Household" h WHERE h."signingGroupId" = g."id" AND NOT h."isExcluded") AS "households",
             (SELECT count(*)::int FROM "Household" h JOIN "Signing" s ON s."householdId" = h."id"
               WHERE h."signingGroupId" = g."id" AND NOT h."isExcluded") AS "signed",
             (SELECT count(*)::int FROM "VisitLog" v JOIN "Household" h ON h."id" = v."householdId"
               WHERE h."signingGroupId" = g."id" AND v."visitedAt" >= ${weekStart.toISOString()}::timestamptz AT TIME ZONE 'UTC') AS "visits",
             (SELECT count(*)::int FROM "Task" t JOIN "Household" h ON h."id" = t."householdId"
               WHERE h."signingGroupId" = g."id" AND t."status" IN ('OPEN', 'IN_PROGRESS') AND t."dueDate" < ${today}::date) AS "overdue"
      FROM "WorkingGroup" g
      WHERE g."projectId" = ${project.id}::uuid AND g."kind" = 'SIGNING'`,
  ]);
  const league = rankGroupLeague(
    groups.map((g) => ({ groupId: g.groupId, name: g.name, households: g.households, signed: g.signed, visitsLast7Days: g.visits, overdueTasks: g.overdue })),
  ).map((row) => ({
    groupId: row.groupId,
    name: row.name,
    households: row.households,
    signed: row.signed,
    rate: formatPercent(ratio(row.signed, row.households)),
    rank: row.rank,
  }));
  return {
    project: { id: project.id, code: project.code, name: project.name, phase: project.phase },
    figures: toProjectFigures(counts.get(project.id)!, project.signingThreshold),
    signedToday: todayRows[0]?.count ?? 0,
    agreementStatus: project.signingFailedAt ? "failed" : project.agreementsEffectiveAt ? "effective" : "pending",
    league,
    at: now,
    timeZone,
  };
}
