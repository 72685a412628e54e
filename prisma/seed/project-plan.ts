// planProject(): every row of one renewal project — units, staff, branch, groups, households,
// members, votes, signings, move-outs, visits, tasks, demands, determinations, policy, notices,
// meetings, reception slots and daily reports — as a pure function of (options, seed, anchor).
// Each section is planned in ./project/, one file each, in the order below.
//
// Counts are parameters and every loop is linear in them, so the same generator seeds a
// 60-household test fixture, the 2,119-certificate demo project or a 5,000-household benchmark.
// Independent random streams (rng.fork) keep parts stable: changing the visit density does not
// change who lives where or who signed when. Row ids come from one shared stream, so the order of
// the sections below is part of the output: reordering them changes the ids.

import { planProjectConference } from "./project/conference.ts";
import { createPlanContext } from "./project/context.ts";
import { planDailyReports } from "./project/daily-reports.ts";
import { planDemands } from "./project/demands.ts";
import { planDeterminations } from "./project/determinations.ts";
import { summariseFigures } from "./project/figures.ts";
import { planFirstRound } from "./project/first-round.ts";
import { planHouseholds, planResidentAccounts } from "./project/households.ts";
import { planMeetings } from "./project/meetings.ts";
import { planMoveOuts } from "./project/move-outs.ts";
import { planNotices } from "./project/notices.ts";
import { planOpenTasks } from "./project/open-tasks.ts";
import type { ProjectPlanResult, SeedProjectOptions } from "./project/options.ts";
import { planOrganisation } from "./project/organisation.ts";
import { planCompensationPolicy } from "./project/policy.ts";
import { derivePhase, planProjectRow } from "./project/project-row.ts";
import { planReceptionSlots } from "./project/reception-slots.ts";
import { planSignings } from "./project/signings.ts";
import { planVisits } from "./project/visits.ts";

export { SPECIALTY_NAMES } from "./project/groups.ts";
export type {
  CompensationPreset,
  HousingStyle,
  PlannedGroup,
  ProjectAccounts,
  ProjectFigures,
  ProjectPlanResult,
  ProjectSchedule,
  ProjectUnitIds,
  SeedProjectOptions,
  StaffAccount,
} from "./project/options.ts";

export function planProject(options: SeedProjectOptions = {}): ProjectPlanResult {
  const ctx = createPlanContext(options);
  const org = planOrganisation(ctx);
  const households = planHouseholds(ctx, org);
  const firstRound = planFirstRound(ctx, households);
  const signings = planSignings(ctx, org, households);
  const moveOuts = planMoveOuts(ctx, signings);
  const allMovedOut = households.eligible.length > 0 && moveOuts.movedOut === households.eligible.length;
  const phase = options.phase ?? derivePhase(ctx, signings, allMovedOut);
  const isActive = phase !== "CLEARED" && phase !== "CLOSED";
  planProjectRow(ctx, org, phase, signings);
  planResidentAccounts(ctx, households);
  const visits = planVisits(ctx, org, households);
  const openTasks = planOpenTasks(ctx, org, households, visits.lastAttitude, isActive);
  // Drawn here, between the tasks and the demands that escalate to it, which fixes every later id.
  const conferenceId = options.conference === false ? null : ctx.id(ctx.setupAt);
  planDemands(ctx, org, households, conferenceId);
  planDeterminations(ctx, households);
  planCompensationPolicy(ctx, org.projectId);
  planNotices(ctx, org, { households, agree: firstRound.agree, signings, allMovedOut });
  planProjectConference(ctx, org, conferenceId);
  planMeetings(ctx, org, { households, signings, conferenceId });
  planReceptionSlots(ctx, org.projectId, households, isActive);
  planDailyReports(ctx, org, signings);
  return {
    plan: ctx.plan,
    anchor: ctx.anchor,
    project: ctx.plan.projects[0]!,
    schedule: ctx.schedule,
    figures: summariseFigures(ctx, { households, firstRound, signings, moveOuts, phase, openTasks }),
    units: org.units,
    branchId: org.branchId,
    conferenceId,
    secretaryId: org.secretary.id,
    commanderId: org.commander.id,
    signingGroups: org.signingGroups,
    specialGroups: org.specialGroups,
  };
}
