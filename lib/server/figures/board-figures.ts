import "server-only";
import { db } from "../../db.ts";
import type { CalendarDay } from "../../domain/calendar-day.ts";
import type { ProjectFigures } from "../../domain/dashboard.ts";
import { groupLeague, totalsByGroup, type LeagueEntry } from "./internal/group-league.ts";
import { readDailySignings, readGroupActivity, readHouseholdCountsByGroup } from "./internal/progress-queries.ts";
import { readProjectFigures, type FiguresProject } from "./project-figures.ts";

export type BoardFigures = {
  figures: ProjectFigures;
  /** Signings of eligible households on `today` (in the zone). */
  signedToday: number;
  /** The dashboard's league, from the same rows. */
  league: LeagueEntry[];
};

/**
 * A wall screen's figures: the headline figures, today's signings and the group league, from
 * the dashboard's own cached reads (a wall screen refreshes on every signing of launch day).
 * Only a project that exists and that the caller has resolved for its viewer.
 */
export async function readBoardFigures(project: FiguresProject, today: CalendarDay, timeZone: string): Promise<BoardFigures> {
  const [figures, dailyOf, byGroupAndState, activity, groups] = await Promise.all([
    readProjectFigures([project]),
    readDailySignings([project.id], timeZone),
    readHouseholdCountsByGroup(project.id),
    readGroupActivity(project.id, today, timeZone),
    db().workingGroup.findMany({ where: { projectId: project.id, kind: "SIGNING" }, select: { id: true, name: true } }),
  ]);
  return {
    figures: figures.get(project.id)!,
    signedToday: dailyOf
      .get(project.id)!
      .filter((d) => d.day === today)
      .reduce((sum, d) => sum + d.count, 0),
    league: groupLeague(groups, totalsByGroup(byGroupAndState), activity),
  };
}
