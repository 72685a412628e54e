import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { calendarDayOf, calendarDayOfDateColumn, type CalendarDay } from "../../domain/calendar-day.ts";
import type { ProgressFigures, SeriesPoint } from "../../domain/dashboard.ts";
import type { HouseholdState } from "../../domain/household-state.ts";
import { serverEnv } from "../../env.ts";
import { AppError } from "../../errors.ts";
import type { CountingUnit, Prisma, ProjectKind, ProjectPhase } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { readProjectProgress, type LeagueEntry } from "../figures/project-progress.ts";
import { requireDashboardReader } from "./dashboard-access.ts";

const ZDashboardInput = z.object({ projectId: z.uuid() });

const dashboardProjectSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  phase: true,
  district: true,
  street: true,
  countingUnit: true,
  signingStart: true,
  signingEnd: true,
  signingThreshold: true,
  firstRoundThreshold: true,
  agreementsEffectiveAt: true,
  signingFailedAt: true,
} satisfies Prisma.ProjectSelect;

/** Serialisable (no Decimals, dates as ISO strings), so a live view can re-render it. */
export type ProjectDashboard = {
  project: {
    id: string;
    code: string;
    name: string;
    kind: ProjectKind;
    phase: ProjectPhase;
    district: string;
    street: string;
    countingUnit: CountingUnit;
    signingStart: CalendarDay | null;
    signingEnd: CalendarDay | null;
    agreementsEffectiveAt: string | null;
    signingFailedAt: string | null;
  };
  /** When and in which zone the figures were computed ("today" is a day of this zone). */
  computedAt: string;
  timeZone: string;
  today: CalendarDay;
  figures: ProgressFigures;
  /** The cumulative chart: one point per day from the signing start. */
  series: SeriesPoint[];
  /** Households per state of householdState(), in the order of HOUSEHOLD_STATES. */
  states: { state: HouseholdState; count: number }[];
  league: LeagueEntry[];
  /** The league's groups the reader leads or belongs to (highlighted as theirs). */
  viewerGroupIds: string[];
  /** Eligible households in no signing group (not in the league). */
  unassigned: number;
};

/**
 * 签约进度: every figure of DOMAIN.md for one project, computed from a few grouped counts by the
 * rules of lib/domain. Whole-project figures for anyone who may read the project (district
 * officials, its secretary, its group leaders and members); residents are refused; a project
 * outside the actor's scope is NOT_FOUND.
 */
export async function getProjectDashboard(actor: Actor, input: unknown, now: Date = new Date()): Promise<ProjectDashboard> {
  requireDashboardReader(actor);
  const { projectId } = parseInput(ZDashboardInput, input);
  const timeZone = serverEnv().LIANXIN_TIME_ZONE;
  const today = calendarDayOf(now, timeZone);
  // The scoped lookup comes first: only projects the actor may read reach the figure cache.
  const project = await db().project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor)] },
    select: dashboardProjectSelect,
  });
  if (!project) throw new AppError("NOT_FOUND");
  const { figures, series, states, league, unassigned } = await readProjectProgress(project, today, timeZone);
  const signingStart = project.signingStart ? calendarDayOfDateColumn(project.signingStart) : null;
  const signingEnd = project.signingEnd ? calendarDayOfDateColumn(project.signingEnd) : null;

  return {
    project: {
      id: project.id,
      code: project.code,
      name: project.name,
      kind: project.kind,
      phase: project.phase,
      district: project.district,
      street: project.street,
      countingUnit: project.countingUnit,
      signingStart,
      signingEnd,
      agreementsEffectiveAt: project.agreementsEffectiveAt?.toISOString() ?? null,
      signingFailedAt: project.signingFailedAt?.toISOString() ?? null,
    },
    computedAt: now.toISOString(),
    timeZone,
    today,
    figures,
    series,
    states,
    league,
    viewerGroupIds: [...actor.ledGroups, ...actor.memberGroups]
      .filter((g) => g.projectId === project.id && league.some((entry) => entry.groupId === g.groupId))
      .map((g) => g.groupId),
    unassigned,
  };
}
