import "server-only";
// A household's place in the workflow as the state machine sees it: what to read of the household
// and its project, and turning those rows into the machine's facts. Shared by the household events
// (internal/household-event.ts) and the pages that ask which events are possible. The rules
// themselves live in lib/domain/household-workflow.ts.
import { calendarDayOfDateColumn } from "../../domain/calendar-day.ts";
import { householdState, type HouseholdState } from "../../domain/household-state.ts";
import type { WorkflowClock, WorkflowHousehold, WorkflowProject } from "../../domain/household-workflow.ts";
import { serverEnv } from "../../env.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

export const workflowProjectSelect = {
  id: true,
  phase: true,
  signingStart: true,
  signingEnd: true,
  signingThreshold: true,
  agreementsEffectiveAt: true,
  signingFailedAt: true,
} satisfies Prisma.ProjectSelect;

export const workflowHouseholdSelect = {
  id: true,
  projectId: true,
  code: true,
  version: true,
  isExcluded: true,
  exclusionReason: true,
  firstRoundVote: true,
  firstRoundVotedAt: true,
  movedOutAt: true,
  handedOverAt: true,
  signing: { select: { id: true, signedAt: true, agreementNumber: true, channel: true } },
  project: { select: workflowProjectSelect },
  // One row is enough to tell VISITED from NOT_CONTACTED.
  visitLogs: { select: { id: true }, take: 1 },
} satisfies Prisma.HouseholdSelect;

export type WorkflowHouseholdRow = Prisma.HouseholdGetPayload<{ select: typeof workflowHouseholdSelect }>;
type WorkflowProjectRow = Prisma.ProjectGetPayload<{ select: typeof workflowProjectSelect }>;

export function workflowClock(now: Date = new Date()): WorkflowClock {
  return { now, timeZone: serverEnv().LIANXIN_TIME_ZONE };
}

export function toWorkflowProject(project: Omit<WorkflowProjectRow, "id" | "signingThreshold">): WorkflowProject {
  return {
    phase: project.phase,
    signingStart: project.signingStart ? calendarDayOfDateColumn(project.signingStart) : null,
    signingEnd: project.signingEnd ? calendarDayOfDateColumn(project.signingEnd) : null,
    agreementsEffectiveAt: project.agreementsEffectiveAt,
    signingFailedAt: project.signingFailedAt,
  };
}

export function toWorkflowHousehold(row: WorkflowHouseholdRow): WorkflowHousehold {
  return {
    isExcluded: row.isExcluded,
    firstRoundVote: row.firstRoundVote,
    signedAt: row.signing?.signedAt ?? null,
    movedOutAt: row.movedOutAt,
    handedOverAt: row.handedOverAt,
  };
}

export function stateOf(household: WorkflowHousehold, hasBeenVisited: boolean): HouseholdState {
  return householdState({ ...household, isSigned: household.signedAt !== null, hasBeenVisited });
}
