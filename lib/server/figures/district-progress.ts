import "server-only";
import type { CalendarDay } from "../../domain/calendar-day.ts";
import { progressFigures, type ProgressFigures } from "../../domain/dashboard.ts";
import type { DailyCount } from "../../domain/progress.ts";
import { readHouseholdCounts } from "./internal/count-households.ts";
import { progressInputOf, type ProgressProject } from "./internal/progress-input.ts";
import { readDailySignings, toDaily } from "./internal/progress-queries.ts";

export type { ProgressProject };

export type DistrictProgress = {
  figures: ProgressFigures;
  /** The project's signings of eligible households per calendar day (in the zone). */
  daily: DailyCount[];
};

/**
 * The progress figures of many projects at once (the district overview), by lib/domain's
 * progressFigures() from the counts and daily signings kept in the figure cache: two grouped
 * reads for all of them. Only projects that exist and that the caller looked up in the actor's
 * scope.
 */
export async function readDistrictProgress(
  projects: readonly ProgressProject[],
  today: CalendarDay,
  timeZone: string,
): Promise<Map<string, DistrictProgress>> {
  const ids = projects.map((p) => p.id);
  const [counts, dailyOf] = await Promise.all([readHouseholdCounts(ids), readDailySignings(ids, timeZone)]);
  return new Map(
    projects.map((p) => {
      const daily = toDaily(dailyOf.get(p.id)!);
      // The overview shows no Party-member figures; they stay on the project dashboard.
      const input = progressInputOf(p, { ...counts.get(p.id)!, partyEligible: 0 }, { party: [], other: daily }, today);
      return [p.id, { figures: progressFigures(input), daily }];
    }),
  );
}
