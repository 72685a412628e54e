// The progress figures of DOMAIN.md beyond the plain rates: forecast, Party-member lead and the
// group league (擂台). Pure: counts and calendar days in, figures out. Days are calendar days in
// the deployment's time zone (lib/domain/calendar-day.ts), computed by the caller.
import type { CalendarDay } from "./calendar-day.ts";
import { ratio, ratioBasisPoints, type Ratio } from "./rates.ts";

const DAY_MS = 86_400_000;

/** Days since 1970-01-01: consecutive calendar days are consecutive numbers. */
export function dayNumber(day: CalendarDay): number {
  return Math.round(Date.parse(`${day}T00:00:00Z`) / DAY_MS);
}

export function dayOfNumber(n: number): CalendarDay {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return dayOfNumber(dayNumber(day) + days);
}

/** Whole days from `from` to `to` (0 for the same day, negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** The pace window: the last 7 days up to and including today, but not before the signing
 *  started (on launch day the window is that one day). */
export const PACE_WINDOW_DAYS = 7;

export type DailyCount = { day: CalendarDay; count: number };

export type Forecast =
  /** The target is already met. */
  | { kind: "reached" }
  /** No signings in the window (or the signing has not started): at this pace, never. */
  | { kind: "never" }
  | { kind: "on"; day: CalendarDay };

/**
 * The day `target` signings are reached at the mean daily signings of the pace window:
 * today + ⌈(target − signed) ÷ mean⌉ days, with mean = signings in the window ÷ days in it.
 */
export function forecastDay(input: {
  today: CalendarDay;
  signingStart: CalendarDay | null;
  daily: DailyCount[];
  signed: number;
  target: number;
}): Forecast {
  const { today, signingStart, daily, signed, target } = input;
  if (signed >= target) return { kind: "reached" };
  if (!signingStart || daysBetween(signingStart, today) < 0) return { kind: "never" };
  const windowStart =
    daysBetween(signingStart, addDays(today, -(PACE_WINDOW_DAYS - 1))) > 0 ? addDays(today, -(PACE_WINDOW_DAYS - 1)) : signingStart;
  const windowDays = daysBetween(windowStart, today) + 1;
  // "YYYY-MM-DD" strings order as the days do.
  const inWindow = daily.filter((d) => d.day >= windowStart && d.day <= today).reduce((sum, d) => sum + d.count, 0);
  if (inWindow === 0) return { kind: "never" };
  // ⌈remaining ÷ (inWindow ÷ windowDays)⌉ in integers.
  const remaining = target - signed;
  const days = Math.ceil((remaining * windowDays) / inWindow);
  return { kind: "on", day: addDays(today, days) };
}

/**
 * The median of the days from `from` to each signing, with `daily` giving how many signed on
 * each day: the middle signing's value, or the mean of the two middle ones for an even count;
 * null without signings. Works on the per-day counts, never one entry per household, so it costs
 * the number of days, not of signings.
 */
export function medianDaysSince(from: CalendarDay, daily: readonly DailyCount[]): number | null {
  const total = daily.reduce((sum, d) => sum + d.count, 0);
  if (total === 0) return null;
  const sorted = [...daily].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
  /** The value of the k-th signing in day order (0-based). */
  const valueAt = (k: number): number => {
    let seen = 0;
    for (const d of sorted) {
      seen += d.count;
      if (k < seen) return daysBetween(from, d.day);
    }
    throw new RangeError(`no signing ${k}`);
  };
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

export type PartyLead = {
  /** Signing rate of Party-member households. */
  partyRate: Ratio;
  /** Median days from the signing start to signing, Party-member households vs the others. */
  partyMedianDays: number | null;
  otherMedianDays: number | null;
};

/** 党员带头: how Party-member households sign compared with the others. */
export function partyLead(input: {
  signingStart: CalendarDay | null;
  partyEligible: number;
  /** Signings of Party-member households per day. */
  partyDaily: readonly DailyCount[];
  otherDaily: readonly DailyCount[];
}): PartyLead {
  const { signingStart } = input;
  const partySigned = input.partyDaily.reduce((sum, d) => sum + d.count, 0);
  return {
    partyRate: ratio(partySigned, input.partyEligible),
    partyMedianDays: signingStart ? medianDaysSince(signingStart, input.partyDaily) : null,
    otherMedianDays: signingStart ? medianDaysSince(signingStart, input.otherDaily) : null,
  };
}

/** Names in Chinese order. One collator: `localeCompare(…, "zh-CN")` builds a new one per call. */
export const chineseNames = new Intl.Collator("zh-CN");

export type LeagueInput = {
  groupId: string;
  name: string;
  /** Eligible households the group owns. */
  households: number;
  signed: number;
  visitsLast7Days: number;
  overdueTasks: number;
};

export type LeagueRow = LeagueInput & { rate: Ratio; rank: number };

/**
 * 擂台: groups ranked by signing rate (exactly, in basis points), then by signed households;
 * equal rate and signed share a rank (1, 2, 2, 4). A group without households ranks last.
 */
export function rankGroupLeague(groups: readonly LeagueInput[]): LeagueRow[] {
  const rows = groups.map((g) => ({
    ...g,
    rate: ratio(g.signed, g.households),
    bp: ratioBasisPoints(ratio(g.signed, g.households)) ?? -1,
  }));
  rows.sort((a, b) => b.bp - a.bp || b.signed - a.signed || chineseNames.compare(a.name, b.name));
  let rank = 0;
  return rows.map((row, index) => {
    const previous = rows[index - 1];
    if (!previous || previous.bp !== row.bp || previous.signed !== row.signed) rank = index + 1;
    const { bp: _bp, ...rest } = row;
    return { ...rest, rank };
  });
}
