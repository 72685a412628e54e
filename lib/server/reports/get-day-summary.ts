import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { dailyReportGroupScope, dailyReportScope, projectScope } from "../../auth/scope.ts";
import type { CalendarDay } from "../../domain/calendar-day.ts";
import { sumDailyReportFigures, type DailyReportFigures } from "../../domain/daily-report.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { reportFiguresSelect } from "./internal/report-rows.ts";
import { reportTimeZone, reportToday, ZReportDayOrToday } from "./report-input.ts";

export const ZGetDaySummaryInput = z.object({ projectId: z.uuid(), day: ZReportDayOrToday });

export type DaySummaryRow = {
  group: { id: string; name: string };
  leaderName: string | null;
  /** The group's latest submitted version of the day; null when it has not submitted. */
  report: {
    version: number;
    figures: DailyReportFigures;
    problems: string | null;
    nextPlan: string | null;
    submittedAt: Date | null;
    authorName: string | null;
  } | null;
};

export type DaySummary = {
  project: { id: string; name: string };
  timeZone: string;
  today: CalendarDay;
  day: CalendarDay;
  /** Every signing group in the reader's scope, in the project's order. */
  rows: DaySummaryRow[];
  submitted: number;
  /** The groups that have not submitted the day's report. */
  missing: { id: string; name: string; leaderName: string | null }[];
  /** Sums over the submitted reports. */
  totals: DailyReportFigures;
};

/**
 * Rule (每日一总结): for the secretary's project (an official's any), every signing group's latest
 * submitted report of the day side by side, the groups that have not submitted, and the totals of
 * the submitted ones. A leader sees only the groups they lead. Drafts are not shown. A day after
 * today is VALIDATION; a project out of scope NOT_FOUND.
 */
export async function getDaySummary(actor: Actor, input: unknown): Promise<DaySummary> {
  requirePermission(actor, "read", "daily-report");
  const data = parseInput(ZGetDaySummaryInput, input);
  const day = data.day ?? reportToday();
  const client = db();
  const project = await client.project.findFirst({
    where: { AND: [{ id: data.projectId }, projectScope(actor, "read", "daily-report")] },
    select: { id: true, name: true },
  });
  if (!project) throw new AppError("NOT_FOUND");

  const [groups, reports] = await Promise.all([
    client.workingGroup.findMany({
      where: { AND: [{ projectId: project.id }, dailyReportGroupScope(actor, "read")] },
      select: {
        id: true,
        name: true,
        members: { where: { role: "LEADER" }, select: { user: { select: { name: true } } }, orderBy: { createdAt: "asc" }, take: 1 },
      },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    client.dailyReport.findMany({
      where: {
        AND: [{ projectId: project.id, reportDate: new Date(`${day}T00:00:00Z`), status: "SUBMITTED" }, dailyReportScope(actor, "read")],
      },
      select: {
        groupId: true,
        version: true,
        problems: true,
        nextPlan: true,
        submittedAt: true,
        author: { select: { name: true } },
        ...reportFiguresSelect,
      },
      orderBy: { version: "desc" },
    }),
  ]);
  const latest = new Map<string, (typeof reports)[number]>();
  for (const r of reports) if (!latest.has(r.groupId)) latest.set(r.groupId, r);

  const rows = groups.map((g): DaySummaryRow => {
    const r = latest.get(g.id);
    return {
      group: { id: g.id, name: g.name },
      leaderName: g.members[0]?.user.name ?? null,
      report: r
        ? {
            version: r.version,
            figures: {
              signedCount: r.signedCount,
              visitCount: r.visitCount,
              householdsVisited: r.householdsVisited,
              newDemands: r.newDemands,
              demandsResolved: r.demandsResolved,
              overdueTasks: r.overdueTasks,
            },
            problems: r.problems,
            nextPlan: r.nextPlan,
            submittedAt: r.submittedAt,
            authorName: r.author?.name ?? null,
          }
        : null,
    };
  });
  const done = rows.flatMap((r) => (r.report ? [r.report.figures] : []));
  return {
    project,
    timeZone: reportTimeZone(),
    today: reportToday(),
    day,
    rows,
    submitted: done.length,
    missing: rows.filter((r) => !r.report).map((r) => ({ ...r.group, leaderName: r.leaderName })),
    totals: sumDailyReportFigures(done),
  };
}
