// Working groups: signing groups (签约小组) that each own a run of buildings, and special groups
// by specialty; then the Party branch with its members and a Party group in each working group.

import type { GroupSpecialty, PartyBranchKind } from "../../../lib/generated/prisma/enums.ts";
import { chineseNumber } from "../names.ts";
import type { PlanContext } from "./context.ts";
import type { PlannedGroup, UnitKey } from "./options.ts";
import type { Staff, StaffRoster } from "./staff.ts";

export const SPECIALTY_NAMES: Record<GroupSpecialty, string> = {
  POLICY_CONSULTATION: "政策咨询解答小组",
  PETITION_MEDIATION: "信访矛盾调解小组",
  RESIDENT_PROBLEMS: "居民问题解决小组",
  PEOPLES_MEDIATION: "人民调解小组",
  PAIRING_ASSISTANCE: "结对帮扶小组",
  PUBLICITY: "宣传发动小组",
  COORDINATION: "综合协调组",
  POLICY_LAW: "政策法规组",
  PLANNING: "规划组",
  PERMITS: "报建组",
  RENTAL_CLEARANCE: "清租工作组",
  PUBLICITY_OPINION: "宣传舆情组",
  ARCHIVES: "资料组",
  ILLEGAL_CONSTRUCTION: "查违征收组",
  PETITION_STABILITY: "信访维稳组",
};

/** Which unit usually staffs a special group. */
const SPECIALTY_UNIT: Record<GroupSpecialty, UnitKey> = {
  POLICY_CONSULTATION: "expropriationOffice",
  PETITION_MEDIATION: "streetOffice",
  RESIDENT_PROBLEMS: "residentsCommittee",
  PEOPLES_MEDIATION: "lawFirm",
  PAIRING_ASSISTANCE: "residentsCommittee",
  PUBLICITY: "streetOffice",
  COORDINATION: "streetOffice",
  POLICY_LAW: "lawFirm",
  PLANNING: "streetOffice",
  PERMITS: "streetOffice",
  RENTAL_CLEARANCE: "residentsCommittee",
  PUBLICITY_OPINION: "streetOffice",
  ARCHIVES: "expropriationOffice",
  ILLEGAL_CONSTRUCTION: "streetOffice",
  PETITION_STABILITY: "streetOffice",
};

export type WorkingGroups = { signingGroups: PlannedGroup[]; specialGroups: PlannedGroup[] };

export function planWorkingGroups(ctx: PlanContext, roster: StaffRoster, projectId: string): WorkingGroups {
  const signingGroups = planSigningGroups(ctx, roster, projectId);
  const specialGroups = planSpecialGroups(ctx, roster, projectId);
  return { signingGroups, specialGroups };
}

function planSigningGroups(ctx: PlanContext, roster: StaffRoster, projectId: string): PlannedGroup[] {
  const { options } = ctx;
  const count = Math.max(1, options.signingGroups ?? 2);
  const membersPerGroup = options.membersPerSigningGroup ?? 3;
  const groups: PlannedGroup[] = [];
  for (let g = 0; g < count; g++) {
    const leader = roster.make(
      ctx.kind === "SHANTYTOWN" ? "streetOffice" : "expropriationOffice",
      0.9,
      options.accounts?.signingGroupLeaders?.[g],
    );
    const named = (options.accounts?.signingGroupMembers ?? []).filter((m) => m.group === g).map((m) => m.account);
    const members = Array.from({ length: Math.max(membersPerGroup, named.length) }, (_, k) =>
      roster.make(roster.rng.weighted(roster.unitWeights), 0.65, named[k]),
    );
    groups.push(addGroup(ctx, projectId, `签约${chineseNumber(g + 1)}组`, null, leader, members));
  }
  return groups;
}

function planSpecialGroups(ctx: PlanContext, roster: StaffRoster, projectId: string): PlannedGroup[] {
  const membersPerGroup = ctx.options.membersPerSpecialGroup ?? 2;
  return (ctx.options.specialGroups ?? []).map((specialty) => {
    const unitKey = SPECIALTY_UNIT[specialty];
    const leader = roster.make(unitKey, 0.85, ctx.options.accounts?.specialGroupLeaders?.[specialty]);
    const members = Array.from({ length: membersPerGroup }, () =>
      roster.make(roster.rng.chance(0.6) ? unitKey : roster.rng.weighted(roster.unitWeights), 0.6),
    );
    return addGroup(ctx, projectId, SPECIALTY_NAMES[specialty], specialty, leader, members);
  });
}

function addGroup(
  ctx: PlanContext,
  projectId: string,
  groupName: string,
  specialty: GroupSpecialty | null,
  leader: Staff,
  members: Staff[],
): PlannedGroup {
  const { plan, setupAt } = ctx;
  const groupId = ctx.id(setupAt);
  plan.workingGroups.push({
    id: groupId,
    projectId,
    kind: specialty ? "SPECIAL" : "SIGNING",
    specialty,
    name: groupName,
    // A millisecond apart, so lists in creation order show 签约一组, 二组, … in that order.
    createdAt: new Date(setupAt + plan.workingGroups.length),
  });
  plan.workingGroupMembers.push({
    id: ctx.id(setupAt),
    groupId,
    userId: leader.id,
    role: "LEADER",
    unitId: leader.unitId,
    createdAt: new Date(setupAt),
  });
  for (const m of members)
    plan.workingGroupMembers.push({
      id: ctx.id(setupAt),
      groupId,
      userId: m.id,
      role: "MEMBER",
      unitId: m.unitId,
      createdAt: new Date(setupAt),
    });
  return { id: groupId, name: groupName, specialty, leaderId: leader.id, memberIds: members.map((m) => m.id), partyGroupId: null };
}

/** The branch (its id returned), every Party-member staff in it, and the Party groups (set on their working groups). */
export function planPartyBranch(ctx: PlanContext, roster: StaffRoster, projectId: string, secretary: Staff, groups: WorkingGroups): string {
  const { options, plan, cal, setupAt } = ctx;
  const { branchEstablished } = ctx.schedule;
  const branchId = ctx.id(setupAt);
  const branchKind: PartyBranchKind = options.branchKind ?? (ctx.kind === "VILLAGE" ? "JOINT" : "TEMPORARY");
  plan.partyBranches.push({
    id: branchId,
    projectId,
    name: options.branchName ?? `${ctx.name}${branchKind === "JOINT" ? "联合党支部" : "临时党支部"}`,
    kind: branchKind,
    secretaryId: secretary.id,
    establishedAt: cal.date(branchEstablished),
    createdAt: new Date(setupAt),
  });
  for (const staff of roster.byId.values()) {
    if (!staff.isPartyMember) continue;
    plan.partyBranchMembers.push({
      id: ctx.id(setupAt),
      branchId,
      userId: staff.id,
      unitId: staff.unitId,
      joinedAt: cal.at(branchEstablished, 10),
    });
  }
  // Signing groups always have a Party group; special groups only when asked (Shenzhen style, the shantytown default).
  const withPartyGroups = [
    ...groups.signingGroups,
    ...((options.partyGroupsInSpecialGroups ?? ctx.kind === "SHANTYTOWN") ? groups.specialGroups : []),
  ];
  for (const group of withPartyGroups) {
    const candidates = [group.leaderId, ...group.memberIds].filter((uid) => roster.byId.get(uid)?.isPartyMember);
    const partyGroupId = ctx.id(setupAt);
    group.partyGroupId = partyGroupId;
    plan.partyGroups.push({
      id: partyGroupId,
      branchId,
      workingGroupId: group.id,
      name: `${group.name}党小组`,
      leaderId: candidates[0] ?? null,
      createdAt: new Date(setupAt),
    });
  }
  return branchId;
}
