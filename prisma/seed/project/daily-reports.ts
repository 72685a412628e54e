// Daily reports (每日一汇报): each signing group leader's evening report of the day, for every day
// of the leader stand-ups. The figures are counted by lib/domain/daily-report.ts from the planned
// rows, as the portal counts a draft, so a seeded report agrees with the draft of its day. Today's
// reports are not written yet, and yesterday a few groups have not submitted.

import { calendarDayOfDateColumn, type CalendarDay } from "../../../lib/domain/calendar-day.ts";
import { dailyReportFigures, type DailyReportRows } from "../../../lib/domain/daily-report.ts";
import * as texts from "../texts.ts";
import type { PlanContext } from "./context.ts";
import type { ProjectOrganisation } from "./organisation.ts";
import type { SigningOutcome } from "./signings.ts";

/** The seed's calendar is Shanghai's (./calendar.ts). */
const SEED_ZONE = "Asia/Shanghai";

type DayRows = {
  signings: { signedAt: Date }[];
  visits: { householdId: string; visitedAt: Date }[];
  demands: { raisedAt: Date; resolvedAt: Date | null }[];
};

/** Which groups have not submitted yesterday's report: the last one, and with six or more groups one more. */
export function missesYesterday(groupIndex: number, groupCount: number): boolean {
  return groupIndex === groupCount - 1 || (groupCount >= 6 && groupIndex === groupCount - 3);
}

export function planDailyReports(ctx: PlanContext, org: ProjectOrganisation, signings: SigningOutcome): void {
  const { cal, plan } = ctx;
  const rReport = ctx.root.fork("reports");
  const firstDay = ctx.schedule.signingStart;
  const lastDay = signings.lastReportDay;
  if (lastDay < firstDay) return;

  // The rows of each group's households, bucketed by day offset (each row's day computed once);
  // tasks are kept whole per group, since a task counts on every day it is open and overdue.
  const groupOf = new Map(plan.households.map((h) => [h.id, h.signingGroupId ?? null]));
  const excluded = new Set(plan.households.filter((h) => h.isExcluded).map((h) => h.id));
  const byGroupDay = new Map<string, DayRows>();
  const bucket = (groupId: string | null | undefined, day: number): DayRows | undefined => {
    if (!groupId || day < firstDay || day > lastDay) return undefined;
    const key = `${groupId}:${day}`;
    let rows = byGroupDay.get(key);
    if (!rows) byGroupDay.set(key, (rows = { signings: [], visits: [], demands: [] }));
    return rows;
  };
  for (const s of plan.signings) {
    if (!excluded.has(s.householdId))
      bucket(groupOf.get(s.householdId), cal.offsetOf(s.signedAt as Date))?.signings.push({ signedAt: s.signedAt as Date });
  }
  for (const v of plan.visitLogs) {
    bucket(groupOf.get(v.householdId), cal.offsetOf(v.visitedAt as Date))?.visits.push({
      householdId: v.householdId,
      visitedAt: v.visitedAt as Date,
    });
  }
  for (const d of plan.demands) {
    const demand = { raisedAt: d.createdAt as Date, resolvedAt: (d.resolvedAt as Date | null | undefined) ?? null };
    const group = groupOf.get(d.householdId);
    const raisedDay = cal.offsetOf(demand.raisedAt);
    bucket(group, raisedDay)?.demands.push(demand);
    // Counted on the day it was resolved too (once, when that is the same day).
    if (demand.resolvedAt && cal.offsetOf(demand.resolvedAt) !== raisedDay)
      bucket(group, cal.offsetOf(demand.resolvedAt))?.demands.push(demand);
  }
  const tasksOf = new Map<string, DailyReportRows["tasks"][number][]>();
  for (const t of plan.tasks) {
    const group = groupOf.get(t.householdId);
    if (!group) continue;
    let list = tasksOf.get(group);
    if (!list) tasksOf.set(group, (list = []));
    list.push({
      status: t.status ?? "OPEN",
      dueDate: calendarDayOfDateColumn(t.dueDate as Date),
      createdAt: t.createdAt as Date,
      completedAt: (t.completedAt as Date | null | undefined) ?? null,
      cancelledAt: (t.cancelledAt as Date | null | undefined) ?? null,
    });
  }

  const none: DayRows = { signings: [], visits: [], demands: [] };
  for (let day = firstDay; day <= lastDay; day++) {
    const label: CalendarDay = cal.label(day);
    org.signingGroups.forEach((group, g) => {
      const submittedAt = cal.at(day, 20 + rReport.next());
      const problems = rReport.pick(texts.REPORT_PROBLEMS);
      const nextPlan = rReport.pick(texts.REPORT_PLANS);
      const id = ctx.id(submittedAt.getTime());
      if (day === -1 && missesYesterday(g, org.signingGroups.length)) return;
      // Only the tasks due by the day can be overdue at its end.
      const tasks = (tasksOf.get(group.id) ?? []).filter((t) => t.dueDate <= label);
      const figures = dailyReportFigures({ ...(byGroupDay.get(`${group.id}:${day}`) ?? none), tasks }, label, SEED_ZONE);
      plan.dailyReports.push({
        id,
        projectId: org.projectId,
        groupId: group.id,
        reportDate: cal.date(day),
        ...figures,
        problems,
        nextPlan,
        status: "SUBMITTED",
        version: 1,
        authorId: group.leaderId,
        submittedAt,
        createdAt: submittedAt,
        updatedAt: submittedAt,
      });
    });
  }
}
