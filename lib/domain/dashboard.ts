// A project's figures (DOMAIN.md "The numbers"), put together from the rules of rates.ts and
// progress.ts. Pure: raw counts and calendar days in, every figure out. projectFigures() is the
// one definition of the headline figures (rates, threshold, gap, cleared) and progressFigures()
// adds the dashboard's to it, so the project list and summary, the signing desk, the wall screen,
// the dashboard, the district overview and their exports show the same digits.
import type { CalendarDay } from "./calendar-day.ts";
import {
  dayNumber,
  dayOfNumber,
  daysBetween,
  forecastDay,
  paceOf,
  partyLead,
  type DailyCount,
  type Forecast,
  type Pace,
} from "./progress.ts";
import { formatPercent, gapToThreshold, hasReachedThreshold, isCleared, ratio, ratioBasisPoints, requiredForThreshold } from "./rates.ts";

export type AgreementStatus = "effective" | "pending" | "failed";

/** The raw counts behind a project's headline figures. Excluded households count nowhere. */
export type ProjectCounts = {
  /** Households of the project not excluded (DOMAIN.md "eligible"). */
  eligible: number;
  /** Eligible households with a signing. */
  signed: number;
  movedOut: number;
  /** First-round AGREE votes of eligible households. */
  agreed: number;
};

export type ProgressCounts = ProjectCounts & {
  /** Eligible Party-member households. */
  partyEligible: number;
};

export type ProgressInput = {
  counts: ProgressCounts;
  signingThresholdBp: number;
  firstRoundThresholdBp: number;
  signingStart: CalendarDay | null;
  signingEnd: CalendarDay | null;
  today: CalendarDay;
  /** Signings of eligible households per calendar day, Party-member households apart. */
  dailyParty: readonly DailyCount[];
  dailyOther: readonly DailyCount[];
  agreementsEffective: boolean;
  signingFailed: boolean;
};

/** One day of the cumulative chart: signings that day, signed so far, the rate so far. */
export type SeriesPoint = { day: CalendarDay; signed: number; cumulative: number; rate: string | null };

/** The headline figures every screen with a project's progress shows. */
export type ProjectFigures = ProjectCounts & {
  /** "95.09" or null when no household is eligible. */
  signingRate: string | null;
  relocationRate: string | null;
  firstRoundApproval: string | null;
  /** The signing threshold as a percent text ("85.00"). */
  signingThreshold: string;
  gapToThreshold: number;
  hasReachedThreshold: boolean;
  isCleared: boolean;
};

/**
 * A risk of the signing period (DOMAIN.md "Refined figures"), the worse first: the threshold
 * will not be reached in the period, or not every household will sign in it. null: on track, or
 * nothing to say (not started, no pace yet, failed, ended with everything decided).
 */
export type ProgressRisk = "threshold" | "full" | null;

export type ProgressFigures = ProjectFigures & {
  partyEligible: number;
  requiredForThreshold: number;
  firstDaySigned: number;
  firstDayRate: string | null;
  firstRoundThreshold: string;
  /** 党员带头: Party-member households … */
  partySigned: number;
  partyRate: string | null;
  partyFirstDaySigned: number;
  partyFirstDayRate: string | null;
  /** Mean days from the signing start to signing, one decimal ("0.4"); null without signings. */
  partyMeanDays: string | null;
  /** … and the other eligible households. */
  otherEligible: number;
  otherSigned: number;
  otherRate: string | null;
  otherFirstDaySigned: number;
  otherFirstDayRate: string | null;
  otherMeanDays: string | null;
  /** Median days to sign: the export keeps them. */
  partyMedianDays: number | null;
  otherMedianDays: number | null;
  /** The pace both forecasts use; null: no pace yet (fewer than 3 completed days). */
  pace: Pace | null;
  forecastThreshold: Forecast;
  forecastFull: Forecast;
  /** max(0, signing end − today) calendar days (0 on the last day); null without an end. */
  daysLeft: number | null;
  /** Today is after the signing end date. */
  periodEnded: boolean;
  risk: ProgressRisk;
  /** risk !== null: the overview's marker. */
  isAtRisk: boolean;
  agreementStatus: AgreementStatus;
};

const percentOf = (bp: number) => formatPercent(ratio(bp, 10000)) ?? "0.00";

/** Adds the Party-member and other daily counts into one series sorted by day. */
export function mergeDaily(...parts: readonly (readonly DailyCount[])[]): DailyCount[] {
  const byDay = new Map<CalendarDay, number>();
  for (const part of parts) for (const d of part) byDay.set(d.day, (byDay.get(d.day) ?? 0) + d.count);
  return [...byDay.entries()].map(([day, count]) => ({ day, count })).sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** Households signed on the signing start date (首日签约). */
export function firstDaySigned(daily: readonly DailyCount[], signingStart: CalendarDay | null): number {
  if (!signingStart) return 0;
  return daily.filter((d) => d.day === signingStart).reduce((sum, d) => sum + d.count, 0);
}

/**
 * The risk of a project's signing period, at the pace of its forecasts. None before the start,
 * after a failure, or without a pace yet (fewer than 3 completed days: nothing to judge by).
 * - "threshold": the threshold is not reached and its forecast falls after the signing end date,
 *   or there is no date at all (a pace of 0); this holds after the end too, until the project is
 *   marked effective or failed.
 * - "full": while the period runs, the 100% forecast falls after the signing end date
 *   ("签约期内难以全部签约"), or there is none (a pace of 0).
 */
export function signingRisk(input: {
  pace: Pace | null;
  forecastThreshold: Forecast;
  forecastFull: Forecast;
  signingStart: CalendarDay | null;
  signingEnd: CalendarDay | null;
  today: CalendarDay;
  signingFailed: boolean;
}): ProgressRisk {
  const { pace, forecastThreshold, forecastFull, signingStart, signingEnd, today } = input;
  if (input.signingFailed || !pace || !signingStart || daysBetween(signingStart, today) < 0) return null;
  const misses = (forecast: Forecast) =>
    forecast.kind === "noPace" || (forecast.kind === "on" && signingEnd !== null && daysBetween(signingEnd, forecast.day) > 0);
  if (misses(forecastThreshold)) return "threshold";
  const running = signingEnd === null || daysBetween(today, signingEnd) >= 0;
  if (running && misses(forecastFull)) return "full";
  return null;
}

/** The cumulative series from the signing start (or the first signing) to today, or to the
 *  signing end once it has passed (later signing days are still shown). */
export function cumulativeSeries(input: {
  daily: readonly DailyCount[];
  eligible: number;
  signingStart: CalendarDay | null;
  signingEnd: CalendarDay | null;
  today: CalendarDay;
}): SeriesPoint[] {
  const { daily, eligible, signingStart, signingEnd, today } = input;
  const firstDay = [signingStart, daily[0]?.day].filter((d): d is CalendarDay => !!d).sort()[0];
  if (!firstDay) return [];
  let lastDay = signingEnd && daysBetween(signingEnd, today) > 0 ? signingEnd : today;
  const lastSigning = daily[daily.length - 1]?.day;
  if (lastSigning && daysBetween(lastDay, lastSigning) > 0) lastDay = lastSigning;
  if (daysBetween(firstDay, lastDay) < 0) return [];
  const counts = new Map(daily.map((d) => [d.day, d.count]));
  const points: SeriesPoint[] = [];
  let cumulative = 0;
  // Walk day numbers, not day strings: one conversion per point (a long signing period on a
  // district overview adds up).
  const from = dayNumber(firstDay);
  const to = dayNumber(lastDay);
  for (let n = from; n <= to; n++) {
    const day = dayOfNumber(n);
    const signed = counts.get(day) ?? 0;
    cumulative += signed;
    points.push({ day, signed, cumulative, rate: formatPercent(ratio(cumulative, eligible)) });
  }
  return points;
}

/** The headline figures from the raw counts and the signing threshold in basis points. */
export function projectFigures(counts: ProjectCounts, signingThresholdBp: number): ProjectFigures {
  const { eligible, signed, movedOut, agreed } = counts;
  return {
    eligible,
    signed,
    movedOut,
    agreed,
    signingRate: formatPercent(ratio(signed, eligible)),
    relocationRate: formatPercent(ratio(movedOut, eligible)),
    firstRoundApproval: formatPercent(ratio(agreed, eligible)),
    signingThreshold: percentOf(signingThresholdBp),
    gapToThreshold: gapToThreshold(signed, eligible, signingThresholdBp),
    hasReachedThreshold: hasReachedThreshold(signed, eligible, signingThresholdBp),
    isCleared: isCleared(movedOut, eligible),
  };
}

/** Every figure of the dashboard from the raw counts: the headline figures and the rest. */
export function progressFigures(input: ProgressInput): ProgressFigures {
  const { counts, signingThresholdBp, signingStart, signingEnd, today } = input;
  const { eligible, signed } = counts;
  const daily = mergeDaily(input.dailyParty, input.dailyOther);
  const firstDay = firstDaySigned(daily, signingStart);
  const { party, other } = partyLead({
    signingStart,
    partyEligible: counts.partyEligible,
    otherEligible: eligible - counts.partyEligible,
    partyDaily: input.dailyParty,
    otherDaily: input.dailyOther,
  });
  const required = requiredForThreshold(eligible, signingThresholdBp);
  const pace = paceOf({ today, signingStart, daily });
  const noPace = { kind: "noPace" } as const;
  const forecastThreshold = eligible === 0 ? noPace : forecastDay({ today, pace, signed, target: required });
  const forecastFull = eligible === 0 ? noPace : forecastDay({ today, pace, signed, target: eligible });
  const risk =
    eligible === 0
      ? null
      : signingRisk({ pace, forecastThreshold, forecastFull, signingStart, signingEnd, today, signingFailed: input.signingFailed });
  return {
    ...projectFigures(counts, signingThresholdBp),
    partyEligible: counts.partyEligible,
    requiredForThreshold: required,
    firstDaySigned: firstDay,
    firstDayRate: formatPercent(ratio(firstDay, eligible)),
    firstRoundThreshold: percentOf(input.firstRoundThresholdBp),
    partySigned: party.signed,
    partyRate: formatPercent(party.rate),
    partyFirstDaySigned: party.firstDaySigned,
    partyFirstDayRate: formatPercent(party.firstDayRate),
    partyMeanDays: party.meanDays,
    otherEligible: other.eligible,
    otherSigned: other.signed,
    otherRate: formatPercent(other.rate),
    otherFirstDaySigned: other.firstDaySigned,
    otherFirstDayRate: formatPercent(other.firstDayRate),
    otherMeanDays: other.meanDays,
    partyMedianDays: party.medianDays,
    otherMedianDays: other.medianDays,
    pace,
    forecastThreshold,
    forecastFull,
    daysLeft: signingEnd ? Math.max(0, daysBetween(today, signingEnd)) : null,
    periodEnded: signingEnd !== null && daysBetween(signingEnd, today) > 0,
    risk,
    isAtRisk: risk !== null,
    agreementStatus: input.signingFailed ? "failed" : input.agreementsEffective ? "effective" : "pending",
  };
}

/** The cumulative chart's series of the same input (the dashboard's; the overview has no chart). */
export function progressSeries(input: ProgressInput): SeriesPoint[] {
  const { counts, signingStart, signingEnd, today } = input;
  return cumulativeSeries({
    daily: mergeDaily(input.dailyParty, input.dailyOther),
    eligible: counts.eligible,
    signingStart,
    signingEnd,
    today,
  });
}

/** The rate of a count as a number of percent for a chart axis (95.09), from the same basis
 *  points as the text; null when nothing is eligible. */
export function percentNumber(numerator: number, denominator: number): number | null {
  const bp = ratioBasisPoints(ratio(numerator, denominator));
  return bp === null ? null : bp / 100;
}
