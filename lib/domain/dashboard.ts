// A project's figures (DOMAIN.md "The numbers"), put together from the rules of rates.ts and
// progress.ts. Pure: raw counts and calendar days in, every figure out. projectFigures() is the
// one definition of the headline figures (rates, threshold, gap, cleared) and progressFigures()
// adds the dashboard's to it, so the project list and summary, the signing desk, the wall screen,
// the dashboard, the district overview and their exports show the same digits.
import type { CalendarDay } from "./calendar-day.ts";
import { dayNumber, dayOfNumber, daysBetween, forecastDay, partyLead, type DailyCount, type Forecast } from "./progress.ts";
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

export type ProgressFigures = ProjectFigures & {
  partyEligible: number;
  requiredForThreshold: number;
  firstDaySigned: number;
  firstDayRate: string | null;
  firstRoundThreshold: string;
  partySigned: number;
  partyRate: string | null;
  partyMedianDays: number | null;
  otherMedianDays: number | null;
  forecastThreshold: Forecast;
  forecastFull: Forecast;
  /** Calendar days from today to the signing end date (0 on the last day); null without an end. */
  daysLeft: number | null;
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
 * At risk (district overview's marker): the signing has started, the threshold is not reached,
 * the project has not failed, and at the last 7 days' pace the threshold is reached after the
 * signing end date, or never.
 */
export function isThresholdAtRisk(input: {
  forecast: Forecast;
  signingStart: CalendarDay | null;
  signingEnd: CalendarDay | null;
  today: CalendarDay;
  signingFailed: boolean;
}): boolean {
  const { forecast, signingStart, signingEnd, today } = input;
  if (input.signingFailed || forecast.kind === "reached") return false;
  if (!signingStart || daysBetween(signingStart, today) < 0) return false;
  if (forecast.kind === "never") return true;
  return signingEnd !== null && daysBetween(signingEnd, forecast.day) > 0;
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
  const lead = partyLead({
    signingStart,
    partyEligible: counts.partyEligible,
    partyDaily: input.dailyParty,
    otherDaily: input.dailyOther,
  });
  const required = requiredForThreshold(eligible, signingThresholdBp);
  const forecastThreshold =
    eligible === 0 ? ({ kind: "never" } as const) : forecastDay({ today, signingStart, daily, signed, target: required });
  const forecastFull =
    eligible === 0 ? ({ kind: "never" } as const) : forecastDay({ today, signingStart, daily, signed, target: eligible });
  return {
    ...projectFigures(counts, signingThresholdBp),
    partyEligible: counts.partyEligible,
    requiredForThreshold: required,
    firstDaySigned: firstDay,
    firstDayRate: formatPercent(ratio(firstDay, eligible)),
    firstRoundThreshold: percentOf(input.firstRoundThresholdBp),
    partySigned: lead.partyRate.numerator,
    partyRate: formatPercent(lead.partyRate),
    partyMedianDays: lead.partyMedianDays,
    otherMedianDays: lead.otherMedianDays,
    forecastThreshold,
    forecastFull,
    daysLeft: signingEnd ? Math.max(0, daysBetween(today, signingEnd)) : null,
    isAtRisk: isThresholdAtRisk({ forecast: forecastThreshold, signingStart, signingEnd, today, signingFailed: input.signingFailed }),
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
