import "server-only";
import { db } from "../../db.ts";
import type { CalendarDay } from "../../domain/calendar-day.ts";
import { progressFigures, progressSeries, type ProgressFigures, type SeriesPoint } from "../../domain/dashboard.ts";
import { HOUSEHOLD_STATES, type HouseholdState } from "../../domain/household-state.ts";
import { groupLeague, totalsByGroup, type LeagueEntry } from "./internal/group-league.ts";
import { progressInputOf, type ProgressProject } from "./internal/progress-input.ts";
import { readDailySignings, readGroupActivity, readHouseholdCountsByGroup, toDaily } from "./internal/progress-queries.ts";

export type { LeagueEntry, ProgressProject };

export type ProjectProgress = {
  figures: ProgressFigures;
  /** The cumulative chart: one point per day from the signing start. */
  series: SeriesPoint[];
  /** Households per state of householdState(), in the order of HOUSEHOLD_STATES. */
  states: { state: HouseholdState; count: number }[];
  league: LeagueEntry[];
  /** Eligible households in no signing group (not in the league). */
  unassigned: number;
};

/**
 * Every figure of one project's dashboard, by lib/domain's rules, from a few grouped reads kept
 * in the figure cache (households per group and state, daily signings, group activity); the
 * whole-project counts are the sums of the per-group rows. Only a project that exists and that
 * the caller looked up in the actor's scope.
 */
export async function readProjectProgress(project: ProgressProject, today: CalendarDay, timeZone: string): Promise<ProjectProgress> {
  const [byGroupAndState, dailyOf, activity, groups] = await Promise.all([
    readHouseholdCountsByGroup(project.id),
    readDailySignings([project.id], timeZone),
    readGroupActivity(project.id, today, timeZone),
    db().workingGroup.findMany({
      where: { projectId: project.id, kind: "SIGNING" },
      select: { id: true, name: true },
    }),
  ]);
  const daily = dailyOf.get(project.id)!;

  const stateCounts = HOUSEHOLD_STATES.map(() => 0);
  for (const row of byGroupAndState) stateCounts[row.stateRank] = (stateCounts[row.stateRank] ?? 0) + row.households;

  const counts = { eligible: 0, signed: 0, movedOut: 0, agreed: 0, partyEligible: 0 };
  for (const row of byGroupAndState) {
    counts.eligible += row.eligible;
    counts.signed += row.signed;
    counts.movedOut += row.movedOut;
    counts.agreed += row.agreed;
    counts.partyEligible += row.partyEligible;
  }
  const input = progressInputOf(project, counts, { party: toDaily(daily, true), other: toDaily(daily, false) }, today);
  const groupTotals = totalsByGroup(byGroupAndState);
  return {
    figures: progressFigures(input),
    series: progressSeries(input),
    states: HOUSEHOLD_STATES.map((state, i) => ({ state, count: stateCounts[i]! })),
    league: groupLeague(groups, groupTotals, activity),
    unassigned: groupTotals.get(null)?.eligible ?? 0,
  };
}
