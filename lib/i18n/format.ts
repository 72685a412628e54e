// Dates, numbers and percentages as the portal shows them, in one place. Pure (no I/O, no clock,
// no environment): the locale and the time zone are always passed in — the zone comes from the
// DTO or the page, so the same code formats on the server and in the browser.
import type { CalendarDay } from "../domain/calendar-day.ts";
import { createTranslator, type Locale } from "./translate.ts";

export type Formatters = {
  /** "2025年3月15日" / "Mar 15, 2025": the day of an instant in the time zone. */
  date: (instant: Date) => string;
  /** "2025年3月15日 00:30" / "Mar 15, 2025, 12:30 AM". */
  dateTime: (instant: Date) => string;
  /** Short date and time to the second, for the wall screen's clock. */
  dateTimeSeconds: (instant: Date) => string;
  /** Hours and minutes only ("09:30"), for lists within one day. */
  time: (instant: Date) => string;
  /** A calendar day "2025-03-15" (or a `@db.Date` column's day) as a date; no zone applies. */
  day: (day: CalendarDay) => string;
  /** A `@db.Date` column (midnight UTC of its day) as a date. */
  dateColumn: (date: Date) => string;
  number: (value: number) => string;
  /** A rate already rounded by lib/domain ("54.3") with its sign; "—" when there is none. */
  percent: (value: string | null) => string;
};

const cache = new Map<string, Formatters>();

function createFormatters(locale: Locale, timeZone: string): Formatters {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone });
  const dateTimeSeconds = new Intl.DateTimeFormat(locale, { timeStyle: "medium", dateStyle: "short", timeZone });
  const time = new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone });
  // Calendar days are dates without a zone: format them at midnight UTC in UTC.
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const number = new Intl.NumberFormat(locale);
  const t = createTranslator(locale);
  return {
    date: (instant) => date.format(instant),
    dateTime: (instant) => dateTime.format(instant),
    dateTimeSeconds: (instant) => dateTimeSeconds.format(instant),
    time: (instant) => time.format(instant),
    day: (d) => day.format(new Date(`${d}T00:00:00Z`)),
    dateColumn: (d) => day.format(d),
    number: (value) => number.format(value),
    percent: (value) => (value === null ? t("common.none") : t("common.percent", { value })),
  };
}

/** The formatters for `locale` in `timeZone` (an IANA zone such as "Asia/Shanghai"); the Intl
 *  objects behind them are built once per pair, since building them costs far more than using them. */
export function formatters(locale: Locale, timeZone: string): Formatters {
  const key = `${locale}|${timeZone}`;
  let found = cache.get(key);
  if (!found) {
    found = createFormatters(locale, timeZone);
    cache.set(key, found);
  }
  return found;
}
