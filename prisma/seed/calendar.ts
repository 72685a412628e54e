// Every seeded date is derived from one anchor: a calendar day ("today") in Asia/Shanghai.
// China has used UTC+8 without daylight saving since 1991, so local times are a fixed offset.

const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const ANCHOR_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date in Asia/Shanghai, "YYYY-MM-DD". */
export type AnchorDate = string;

/** Today's date in Asia/Shanghai. */
export function todayInShanghai(now: Date = new Date()): AnchorDate {
  return new Date(now.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Days since 1970-01-01 of a calendar date, validated. */
export function anchorDay(anchor: AnchorDate): number {
  const match = ANCHOR_PATTERN.exec(anchor);
  if (!match) throw new RangeError(`anchor must be a date like 2025-03-14, got "${anchor}"`);
  const [, y, m, d] = match;
  const ms = Date.UTC(Number(y), Number(m) - 1, Number(d));
  if (new Date(ms).toISOString().slice(0, 10) !== anchor) throw new RangeError(`anchor "${anchor}" is not a real date`);
  return ms / DAY_MS;
}

/**
 * Calendar arithmetic relative to the anchor. Day offsets are whole days (−21 = three weeks
 * before the anchor); times of day are Shanghai wall-clock hours (9.5 = 09:30).
 */
export type Calendar = {
  anchor: AnchorDate;
  /** Value for a `@db.Date` column: midnight UTC of the calendar day at `offset`. */
  date(offset: number): Date;
  /** The instant of Shanghai wall-clock `hour` (fractional, rounded to the minute) on the day at `offset`. */
  at(offset: number, hour: number): Date;
  /** The "YYYY-MM-DD" label of the day at `offset`. */
  label(offset: number): string;
  /** "M月D日", for Chinese notice texts. */
  zh(offset: number): string;
  /** "YYYY年M月D日". */
  zhFull(offset: number): string;
  /** The year of the day at `offset`. */
  year(offset: number): number;
  /** Day offset (relative to the anchor) of an instant, by its Shanghai calendar day. */
  offsetOf(instant: Date): number;
};

export function createCalendar(anchor: AnchorDate): Calendar {
  const base = anchorDay(anchor);
  const utcDay = (offset: number) => new Date((base + offset) * DAY_MS);
  return {
    anchor,
    date: utcDay,
    at: (offset, hour) => new Date((base + offset) * DAY_MS + Math.round(hour * 60) * 60_000 - SHANGHAI_OFFSET_MS),
    label: (offset) => utcDay(offset).toISOString().slice(0, 10),
    zh: (offset) => {
      const d = utcDay(offset);
      return `${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
    },
    zhFull: (offset) => {
      const d = utcDay(offset);
      return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
    },
    year: (offset) => utcDay(offset).getUTCFullYear(),
    offsetOf: (instant) => Math.floor((instant.getTime() + SHANGHAI_OFFSET_MS) / DAY_MS) - base,
  };
}
