// Reception slots (房屋征收接待): the wall-clock times a series of slots covers. Pure: the days,
// the times and the zone's conversion happen outside (lib/server/reception).
import type { CalendarDay } from "./calendar-day.ts";
import { addDays, dayNumber } from "./progress.ts";

/** A series never makes more slots than this (a slip of the date range would make thousands). */
export const SERIES_MAX_SLOTS = 200;
/** The longest range of days a series may span. */
export const SERIES_MAX_DAYS = 92;

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export function isoWeekday(day: CalendarDay): number {
  // 1970-01-01 was a Thursday (4).
  return ((((dayNumber(day) + 3) % 7) + 7) % 7) + 1;
}

/** The Monday of the week `day` is in. */
export function weekStartOf(day: CalendarDay): CalendarDay {
  return addDays(day, 1 - isoWeekday(day));
}

/** "HH:MM" → minutes after midnight; NaN when it is not such a time. */
export function minutesOfTime(time: string): number {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  return match ? Number(match[1]) * 60 + Number(match[2]) : Number.NaN;
}

function timeOfMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

export type SeriesPlan = {
  fromDay: CalendarDay;
  toDay: CalendarDay;
  /** ISO weekdays the series runs on (1 = Monday … 7 = Sunday). */
  weekdays: readonly number[];
  /** "09:00": the first slot of each day starts then. */
  dayStart: string;
  /** "11:30": the last slot of each day ends at or before then. */
  dayEnd: string;
  slotMinutes: number;
};

/** One slot's wall-clock start and end, "YYYY-MM-DDTHH:MM". */
export type WallClockSlot = { start: string; end: string };

/**
 * The slots of a series: on each chosen weekday from `fromDay` to `toDay` (both included),
 * back-to-back slots of `slotMinutes` from `dayStart`, each ending no later than `dayEnd`.
 * `tooMany` when there would be more than SERIES_MAX_SLOTS (the slots are then cut there).
 */
export function seriesSlots(plan: SeriesPlan): { slots: WallClockSlot[]; tooMany: boolean } {
  const start = minutesOfTime(plan.dayStart);
  const end = minutesOfTime(plan.dayEnd);
  const slots: WallClockSlot[] = [];
  const days = dayNumber(plan.toDay) - dayNumber(plan.fromDay);
  if (!(plan.slotMinutes > 0) || Number.isNaN(start) || Number.isNaN(end) || !(days >= 0)) return { slots, tooMany: false };
  for (let i = 0; i <= Math.min(days, SERIES_MAX_DAYS); i++) {
    const day = addDays(plan.fromDay, i);
    if (!plan.weekdays.includes(isoWeekday(day))) continue;
    for (let t = start; t + plan.slotMinutes <= end; t += plan.slotMinutes) {
      if (slots.length === SERIES_MAX_SLOTS) return { slots, tooMany: true };
      slots.push({ start: `${day}T${timeOfMinutes(t)}`, end: `${day}T${timeOfMinutes(t + plan.slotMinutes)}` });
    }
  }
  return { slots, tooMany: false };
}
