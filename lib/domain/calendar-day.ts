// Calendar days in the deployment's time zone (DOMAIN.md: every day boundary is in it, default
// Asia/Shanghai). Pure: the instant and the zone are always passed in, never read from the clock.

/** A calendar date, "YYYY-MM-DD". */
export type CalendarDay = string;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClock(instant: Date, timeZone: string): { day: CalendarDay; ms: number } {
  const parts = Object.fromEntries(
    formatterFor(timeZone)
      .formatToParts(instant)
      .map((p) => [p.type, p.value]),
  );
  const day = `${parts.year}-${parts.month}-${parts.day}`;
  const ms = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
    Number(parts.second),
  );
  return { day, ms };
}

/** The calendar day of `instant` in `timeZone`: 2025-03-14T16:30Z is "2025-03-15" in Shanghai. */
export function calendarDayOf(instant: Date, timeZone: string): CalendarDay {
  return wallClock(instant, timeZone).day;
}

/** The day of a `@db.Date` column, which Prisma returns as midnight UTC of that day. */
export function calendarDayOfDateColumn(date: Date): CalendarDay {
  return date.toISOString().slice(0, 10);
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: Date, timeZone: string): number {
  const whole = new Date(Math.floor(instant.getTime() / 1000) * 1000);
  return wallClock(whole, timeZone).ms - whole.getTime();
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** The instant a wall-clock time "2025-03-14T09:30" (as an `<input type="datetime-local">`
 *  sends it) denotes in `timeZone`; null when the text is not such a time. */
export function instantFromWallClock(local: string, timeZone: string): Date | null {
  const match = LOCAL_PATTERN.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? 0));
  const check = new Date(asUtc);
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d) || Number(h) > 23 || Number(mi) > 59) return null;
  // Subtract the zone's offset; a second pass settles times near an offset change.
  let instant = asUtc - offsetAt(new Date(asUtc), timeZone);
  instant = asUtc - offsetAt(new Date(instant), timeZone);
  return new Date(instant);
}

/** "2025-03-14T09:30": the wall-clock time of `instant` in `timeZone`, for a datetime-local input. */
export function wallClockOf(instant: Date, timeZone: string): string {
  return new Date(wallClock(instant, timeZone).ms).toISOString().slice(0, 16);
}
