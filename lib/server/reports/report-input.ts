import "server-only";
// The fields of a daily report as the page and its form send them.
import { z } from "zod";
import { calendarDayOf, type CalendarDay } from "../../domain/calendar-day.ts";
import { DAILY_REPORT_TEXT_MAX } from "../../domain/daily-report.ts";
import { serverEnv } from "../../env.ts";

/** The deployment's zone: every report day is a calendar day in it. */
export function reportTimeZone(): string {
  return serverEnv().LIANXIN_TIME_ZONE;
}

/** Today in the deployment's zone. */
export function reportToday(now: Date = new Date()): CalendarDay {
  return calendarDayOf(now, reportTimeZone());
}

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** "YYYY-MM-DD", not after today (a day's report describes what happened). */
export const ZReportDay = z.iso
  .date({ error: "reports.errors.chooseDay" })
  .refine((day) => day <= reportToday(), { error: "reports.errors.futureDay" });

/** The day of a page: absent means today. */
export const ZReportDayOrToday = z.preprocess(blankToUndefined, ZReportDay.optional());

/** Problems or tomorrow's plan: trimmed, at most 2,000 characters; blank means none. */
export const ZReportText = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  z
    .string({ error: "validation.invalid" })
    .trim()
    .max(DAILY_REPORT_TEXT_MAX, { error: "reports.errors.tooLong" })
    .transform((v) => (v ? v : null)),
);

/** What the leader's form sends to save or submit: `version` is the version it writes (1 for a
 *  day's first report, n + 1 to correct version n), as the page rendered it. */
export const ZDailyReportForm = z.object({
  projectId: z.uuid(),
  groupId: z.uuid(),
  reportDate: ZReportDay,
  version: z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(1, { error: "validation.invalid" }),
  problems: ZReportText,
  nextPlan: ZReportText,
});
export type TDailyReportForm = z.infer<typeof ZDailyReportForm>;
