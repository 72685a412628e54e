// A plan is every row the generator wants to insert, as plain objects, before any I/O. Planning is
// pure and deterministic (same seed and anchor → same plan), which is what the unit tests check;
// insert.ts writes a plan with chunked createMany calls.

import type { Prisma } from "../../lib/generated/prisma/client.ts";

type WithId<T> = Omit<T, "id"> & { id: string };

/** A user row; the password is hashed at insert time (each distinct password once). */
export type PlannedUser = WithId<Omit<Prisma.UserCreateManyInput, "passwordHash">> &
  ({ password: string; passwordHash?: undefined } | { passwordHash: string; password?: undefined });

/** A household member; the clear ID number is encrypted and masked at insert time. */
export type PlannedHouseholdMember = WithId<Omit<Prisma.HouseholdMemberCreateManyInput, "idNumberCipher" | "idNumberMasked">> & {
  idNumber: string | null;
};

export type Plan = {
  units: WithId<Prisma.UnitCreateManyInput>[];
  users: PlannedUser[];
  projects: WithId<Prisma.ProjectCreateManyInput>[];
  projectMemberships: WithId<Prisma.ProjectMembershipCreateManyInput>[];
  partyBranches: WithId<Prisma.PartyBranchCreateManyInput>[];
  partyBranchMembers: WithId<Prisma.PartyBranchMemberCreateManyInput>[];
  workingGroups: WithId<Prisma.WorkingGroupCreateManyInput>[];
  partyGroups: WithId<Prisma.PartyGroupCreateManyInput>[];
  workingGroupMembers: WithId<Prisma.WorkingGroupMemberCreateManyInput>[];
  conferences: WithId<Prisma.JointConferenceCreateManyInput>[];
  conferenceMembers: WithId<Prisma.JointConferenceMemberCreateManyInput>[];
  households: WithId<Prisma.HouseholdCreateManyInput>[];
  householdMembers: PlannedHouseholdMember[];
  determinations: WithId<Prisma.DeterminationCreateManyInput>[];
  objections: WithId<Prisma.ObjectionCreateManyInput>[];
  policies: WithId<Prisma.CompensationPolicyCreateManyInput>[];
  compensationItems: WithId<Prisma.CompensationItemCreateManyInput>[];
  signings: WithId<Prisma.SigningCreateManyInput>[];
  tasks: WithId<Prisma.TaskCreateManyInput>[];
  visitLogs: WithId<Prisma.VisitLogCreateManyInput>[];
  visitParticipants: Prisma.VisitParticipantCreateManyInput[];
  demands: WithId<Prisma.DemandCreateManyInput>[];
  meetings: WithId<Prisma.MeetingCreateManyInput>[];
  meetingAttendees: WithId<Prisma.MeetingAttendeeCreateManyInput>[];
  conferenceIssues: WithId<Prisma.ConferenceIssueCreateManyInput>[];
  notices: WithId<Prisma.NoticeCreateManyInput>[];
  receptionSlots: WithId<Prisma.ReceptionSlotCreateManyInput>[];
  appointments: WithId<Prisma.AppointmentCreateManyInput>[];
  dailyReports: WithId<Prisma.DailyReportCreateManyInput>[];
};

export type PlanTable = keyof Plan;

/** Insert order: every table after the tables it references. */
export const PLAN_TABLES = [
  "units",
  "users",
  "projects",
  "projectMemberships",
  "partyBranches",
  "partyBranchMembers",
  "workingGroups",
  "partyGroups",
  "workingGroupMembers",
  "conferences",
  "conferenceMembers",
  "households",
  "householdMembers",
  "determinations",
  "objections",
  "policies",
  "compensationItems",
  "signings",
  "tasks",
  "visitLogs",
  "visitParticipants",
  "demands",
  "meetings",
  "meetingAttendees",
  "conferenceIssues",
  "notices",
  "receptionSlots",
  "appointments",
  "dailyReports",
] as const satisfies readonly PlanTable[];

export function emptyPlan(): Plan {
  return Object.fromEntries(PLAN_TABLES.map((table) => [table, []])) as unknown as Plan;
}

/** Appends every row of `parts` to `target` (returned). */
export function mergePlans(target: Plan, ...parts: Plan[]): Plan {
  for (const part of parts) {
    for (const table of PLAN_TABLES) {
      const rows = part[table] as unknown[];
      const into = target[table] as unknown[];
      for (let i = 0; i < rows.length; i++) into.push(rows[i]);
    }
  }
  return target;
}

export function countRows(plan: Plan): Record<PlanTable, number> {
  return Object.fromEntries(PLAN_TABLES.map((table) => [table, plan[table].length])) as Record<PlanTable, number>;
}
