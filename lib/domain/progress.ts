// The progress figures of DOMAIN.md beyond the plain rates: pace and forecast, Party-member lead
// and the group league (擂台), as "Refined figures" defines them. Pure: counts and calendar days in, figures out. Days are calendar days in
// the deployment's time zone (lib/domain/calendar-day.ts), computed by the caller.
import type { CalendarDay } from "./calendar-day.ts";
import { ratio, ratioBasisPoints, type Ratio } from "./rates.ts";

// Day arithmetic is plain integer arithmetic on the proleptic Gregorian calendar (H. Hinnant's
// days_from_civil / civil_from_days), not Date.parse: the overview works out pace, forecasts and
// days to sign for every project and day on each request, and parsing a date string cost about
// a microsecond each time — most of the figures' time.

const DASH = 45;
const ZERO = 48;

/** The number written by `length` decimal digits of `text` from `start`; NaN if one is not a digit. */
function digitsAt(text: string, start: number, length: number): number {
  let value = 0;
  for (let i = start; i < start + length; i++) {
    const digit = text.charCodeAt(i) - ZERO;
    if (digit < 0 || digit > 9) return Number.NaN;
    value = value * 10 + digit;
  }
  return value;
}

/** Days since 1970-01-01: consecutive calendar days are consecutive numbers. NaN for a string
 *  that is not "YYYY-MM-DD". */
export function dayNumber(day: CalendarDay): number {
  if (day.length !== 10 || day.charCodeAt(4) !== DASH || day.charCodeAt(7) !== DASH) return Number.NaN;
  let y = digitsAt(day, 0, 4);
  const m = digitsAt(day, 5, 2);
  const d = digitsAt(day, 8, 2);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (m > 2 ? m - 3 : m + 9) + 2) / 5) + d - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n));

export function dayOfNumber(n: number): CalendarDay {
  const z = n + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const d = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yearOfEra + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${twoDigits(m)}-${twoDigits(d)}`;
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  return dayOfNumber(dayNumber(day) + days);
}

/** Whole days from `from` to `to` (0 for the same day, negative when `to` is earlier). */
export function daysBetween(from: CalendarDay, to: CalendarDay): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

/** The pace window: the last 7 completed days (yesterday and the 6 before), leaving out the
 *  signing start date (launch day's burst says nothing of the pace after it). */
export const PACE_WINDOW_DAYS = 7;
/** Fewer completed days after the start date than this: no pace yet. */
export const PACE_MIN_DAYS = 3;

export type DailyCount = { day: CalendarDay; count: number };

/** 日均签约: the signings of the pace window and its days; the mean is signings ÷ days. */
export type Pace = {
  signings: number;
  days: number;
  /** The mean to one decimal, rounded half up ("13.1"); "0.0" when nothing was signed. */
  perDay: string;
};

export type Forecast =
  /** The target is already met. */
  | { kind: "reached" }
  /** No pace to forecast from: fewer than 3 completed days after the start date, or a pace of 0. */
  | { kind: "noPace" }
  | { kind: "on"; day: CalendarDay };

/** `numerator ÷ denominator` to one decimal, rounded half up, as text ("13.1", "-0.5"). */
export function oneDecimal(numerator: number, denominator: number): string {
  const tenths = Math.floor((20 * numerator + denominator) / (2 * denominator));
  const sign = tenths < 0 ? "-" : "";
  const abs = Math.abs(tenths);
  return `${sign}${Math.floor(abs / 10)}.${abs % 10}`;
}

/**
 * The pace (DOMAIN.md "Refined figures"): the mean daily signings over the last 7 completed
 * days — yesterday and the 6 before — after the signing start date. null before 3 such days
 * have passed (or without a start date): no pace yet.
 */
export function paceOf(input: { today: CalendarDay; signingStart: CalendarDay | null; daily: readonly DailyCount[] }): Pace | null {
  const { today, signingStart, daily } = input;
  if (!signingStart) return null;
  const lastDay = dayNumber(today) - 1;
  const firstDay = Math.max(dayNumber(signingStart) + 1, lastDay - (PACE_WINDOW_DAYS - 1));
  const days = lastDay - firstDay + 1;
  if (days < PACE_MIN_DAYS) return null;
  const from = dayOfNumber(firstDay);
  const to = dayOfNumber(lastDay);
  // "YYYY-MM-DD" strings order as the days do.
  const signings = daily.filter((d) => d.day >= from && d.day <= to).reduce((sum, d) => sum + d.count, 0);
  return { signings, days, perDay: oneDecimal(signings, days) };
}

/**
 * The day `target` signings are reached at `pace`: today + ⌈(target − signed) ÷ pace⌉ days,
 * in integers. No pace, or a pace of 0: no date.
 */
export function forecastDay(input: { today: CalendarDay; pace: Pace | null; signed: number; target: number }): Forecast {
  const { today, pace, signed, target } = input;
  if (signed >= target) return { kind: "reached" };
  if (!pace || pace.signings === 0) return { kind: "noPace" };
  const days = Math.ceil(((target - signed) * pace.days) / pace.signings);
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

/** The mean of the days from `from` to each signing (day one = 0), to one decimal; null
 *  without signings. */
export function meanDaysSince(from: CalendarDay, daily: readonly DailyCount[]): string | null {
  let total = 0;
  let days = 0;
  for (const d of daily) {
    total += d.count;
    days += d.count * daysBetween(from, d.day);
  }
  return total === 0 ? null : oneDecimal(days, total);
}

/** One side of 党员带头: Party-member households, or the others. */
export type LeadSide = {
  eligible: number;
  signed: number;
  rate: Ratio;
  firstDaySigned: number;
  firstDayRate: Ratio;
  /** Mean days from the signing start to signing, one decimal ("0.4"). */
  meanDays: string | null;
  /** The median, for the export. */
  medianDays: number | null;
};

export type PartyLead = { party: LeadSide; other: LeadSide };

function leadSide(signingStart: CalendarDay | null, eligible: number, daily: readonly DailyCount[]): LeadSide {
  const signed = daily.reduce((sum, d) => sum + d.count, 0);
  const firstDay = signingStart ? daily.filter((d) => d.day === signingStart).reduce((sum, d) => sum + d.count, 0) : 0;
  return {
    eligible,
    signed,
    rate: ratio(signed, eligible),
    firstDaySigned: firstDay,
    firstDayRate: ratio(firstDay, eligible),
    meanDays: signingStart ? meanDaysSince(signingStart, daily) : null,
    medianDays: signingStart ? medianDaysSince(signingStart, daily) : null,
  };
}

/** 党员带头: for Party-member households and for the others, the signing rate, the first-day
 *  signing rate and the mean days to sign. */
export function partyLead(input: {
  signingStart: CalendarDay | null;
  partyEligible: number;
  otherEligible: number;
  /** Signings of Party-member households per day. */
  partyDaily: readonly DailyCount[];
  otherDaily: readonly DailyCount[];
}): PartyLead {
  return {
    party: leadSide(input.signingStart, input.partyEligible, input.partyDaily),
    other: leadSide(input.signingStart, input.otherEligible, input.otherDaily),
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
