import "server-only";
import { calendarDayOfDateColumn, type CalendarDay } from "../../../domain/calendar-day.ts";
import type { ProgressCounts, ProgressInput } from "../../../domain/dashboard.ts";
import type { DailyCount } from "../../../domain/progress.ts";
import { thresholdBasisPoints } from "../../../domain/rates.ts";

/** What the progress figures need of a project row (thresholds as stored, DECIMAL(5,4)). */
export type ProgressProject = {
  id: string;
  signingStart: Date | null;
  signingEnd: Date | null;
  signingThreshold: string | number | { toString(): string };
  firstRoundThreshold: string | number | { toString(): string };
  agreementsEffectiveAt: Date | null;
  signingFailedAt: Date | null;
};

/** The input of lib/domain's progressFigures() for a project, its counts and its daily signings. */
export function progressInputOf(
  project: ProgressProject,
  counts: ProgressCounts,
  daily: { party: readonly DailyCount[]; other: readonly DailyCount[] },
  today: CalendarDay,
): ProgressInput {
  return {
    counts,
    signingThresholdBp: thresholdBasisPoints(project.signingThreshold),
    firstRoundThresholdBp: thresholdBasisPoints(project.firstRoundThreshold),
    signingStart: project.signingStart ? calendarDayOfDateColumn(project.signingStart) : null,
    signingEnd: project.signingEnd ? calendarDayOfDateColumn(project.signingEnd) : null,
    today,
    dailyParty: daily.party,
    dailyOther: daily.other,
    agreementsEffective: project.agreementsEffectiveAt !== null,
    signingFailed: project.signingFailedAt !== null,
  };
}
