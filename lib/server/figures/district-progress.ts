import "server-only";
import type { CalendarDay } from "../../domain/calendar-day.ts";
import { progressFigures, type ProgressFigures, type ProjectCounts } from "../../domain/dashboard.ts";
import type { DailyCount } from "../../domain/progress.ts";
import { readHouseholdCounts } from "./internal/count-households.ts";
import { progressInputOf, type ProgressProject } from "./internal/progress-input.ts";
import { readDailySignings, toDaily, type DailyByProject } from "./internal/progress-queries.ts";

export type { ProgressProject };

export type DistrictProgress = {
  figures: ProgressFigures;
  /** The project's signings of eligible households per calendar day (in the zone). */
  daily: DailyCount[];
};

/**
 * Each project's last result, by the daily rows it came from. The overview computes every
 * project's figures on each request, and the figure cache hands out the same rows and counts
 * objects until the project changes: the same objects, the same project settings and the same day
 * give the same figures (progressFigures is pure), so they are computed once per change.
 */
const lastProgress = new WeakMap<readonly DailyByProject[], { counts: ProjectCounts; key: string; progress: DistrictProgress }>();

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
      const rows = dailyOf.get(p.id)!;
      const projectCounts = counts.get(p.id)!;
      const key = [
        today,
        p.signingStart?.getTime(),
        p.signingEnd?.getTime(),
        String(p.signingThreshold),
        String(p.firstRoundThreshold),
        p.agreementsEffectiveAt !== null,
        p.signingFailedAt !== null,
      ].join("|");
      const last = lastProgress.get(rows);
      if (last && last.counts === projectCounts && last.key === key) return [p.id, last.progress];
      const daily = toDaily(rows);
      // The overview shows no Party-member figures; they stay on the project dashboard.
      const input = progressInputOf(p, { ...projectCounts, partyEligible: 0 }, { party: [], other: daily }, today);
      const progress = { figures: progressFigures(input), daily };
      lastProgress.set(rows, { counts: projectCounts, key, progress });
      return [p.id, progress];
    }),
  );
}
