// 每日一汇报: the figures of a signing group's day (DOMAIN.md "Field work", daily report), once.
// Pure: the caller reads the rows of the group's households that could fall on the day (the
// server with a few narrow queries, the demo generator from its plan) and passes the day and the
// deployment's zone; which row counts on which day is decided here.
import type { TaskStatus } from "../generated/prisma/enums.ts";
import { calendarDayOf, type CalendarDay } from "./calendar-day.ts";
import { isTaskOverdue } from "./field-work.ts";
import { addDays } from "./progress.ts";

/** The rows of one signing group's households (excluded households left out by the caller for signings). */
export type DailyReportRows = {
  signings: readonly { signedAt: Date }[];
  visits: readonly { householdId: string; visitedAt: Date }[];
  /** Demands raised by the group's households: when raised (createdAt) and resolved. */
  demands: readonly { raisedAt: Date; resolvedAt: Date | null }[];
  /** Tasks of the group's households, with when they were created and closed. */
  tasks: readonly {
    status: TaskStatus;
    dueDate: CalendarDay;
    createdAt: Date;
    completedAt: Date | null;
    cancelledAt: Date | null;
  }[];
};

export type DailyReportFigures = {
  /** Signings that day. */
  signedCount: number;
  /** Visit logs that day. */
  visitCount: number;
  /** Distinct households visited that day. */
  householdsVisited: number;
  /** Demands raised that day. */
  newDemands: number;
  /** Demands resolved that day. */
  demandsResolved: number;
  /** Tasks open at the end of the day and overdue as of the next day (due on or before the day). */
  overdueTasks: number;
};

export const DAILY_REPORT_FIGURES = [
  "signedCount",
  "visitCount",
  "householdsVisited",
  "newDemands",
  "demandsResolved",
  "overdueTasks",
] as const satisfies readonly (keyof DailyReportFigures)[];

/** The status a task had at the end of `day`: null when it did not exist yet; a closed task
 *  (DONE or CANCELLED) closed after that day was still open then. A closed task without a closing
 *  time counts as closed. */
function statusAtEndOf(task: DailyReportRows["tasks"][number], day: CalendarDay, timeZone: string): TaskStatus | null {
  if (calendarDayOf(task.createdAt, timeZone) > day) return null;
  if (task.status === "DONE" || task.status === "CANCELLED") {
    const closedAt = task.status === "DONE" ? task.completedAt : task.cancelledAt;
    if (closedAt && calendarDayOf(closedAt, timeZone) > day) return "OPEN";
  }
  return task.status;
}

/**
 * The figures of one group's day. A day not over yet (today) counts what has happened so far, and
 * its overdue tasks are those open now and due by today — what the day ends with if nothing else
 * is done.
 */
export function dailyReportFigures(rows: DailyReportRows, day: CalendarDay, timeZone: string): DailyReportFigures {
  const on = (instant: Date) => calendarDayOf(instant, timeZone) === day;
  const visitsOfDay = rows.visits.filter((v) => on(v.visitedAt));
  const nextDay = addDays(day, 1);
  let overdueTasks = 0;
  for (const task of rows.tasks) {
    const status = statusAtEndOf(task, day, timeZone);
    if (status !== null && isTaskOverdue({ status, dueDate: task.dueDate }, nextDay)) overdueTasks += 1;
  }
  return {
    signedCount: rows.signings.filter((s) => on(s.signedAt)).length,
    visitCount: visitsOfDay.length,
    householdsVisited: new Set(visitsOfDay.map((v) => v.householdId)).size,
    newDemands: rows.demands.filter((d) => on(d.raisedAt)).length,
    demandsResolved: rows.demands.filter((d) => d.resolvedAt !== null && on(d.resolvedAt)).length,
    overdueTasks,
  };
}

/** The day summary's totals (每日一总结): each figure summed over the reports. */
export function sumDailyReportFigures(reports: readonly DailyReportFigures[]): DailyReportFigures {
  const total: DailyReportFigures = {
    signedCount: 0,
    visitCount: 0,
    householdsVisited: 0,
    newDemands: 0,
    demandsResolved: 0,
    overdueTasks: 0,
  };
  for (const report of reports) for (const key of DAILY_REPORT_FIGURES) total[key] += report[key];
  return total;
}

/** Problems and tomorrow's plan: at most this many characters each. */
export const DAILY_REPORT_TEXT_MAX = 2000;
