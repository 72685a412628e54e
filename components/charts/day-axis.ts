// A time axis of calendar days for ECharts. ECharts reads "YYYY-MM-DD" as local midnight of the
// browser, so the labels are formatted in the browser's zone as well: the tick of a day is
// labelled with that day. Every label carries its month ("11月15日", "Nov 15"): ECharts' own
// labels give only the day number within a month ("15 22 12月 6"), which leaves the first month
// unnamed.
import type { CalendarDay } from "@/lib/domain/calendar-day";

/** Local midnight of a calendar day, as ECharts places it on a time axis. */
export function dayValue(day: CalendarDay): number {
  const [year, month, date] = day.split("-").map(Number);
  return new Date(year!, month! - 1, date!).getTime();
}

/** The axis label of a tick (a local instant) in `locale`: month and day. */
export function dayAxisFormatter(locale: string): (value: number) => string {
  const format = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric" });
  return (value) => format.format(new Date(value));
}
