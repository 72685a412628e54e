// Project set-up, working groups and the battle map × every role.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addGroupMember } from "@/lib/server/groups/add-group-member";
import { createWorkingGroup } from "@/lib/server/groups/create-working-group";
import { listWorkingGroups } from "@/lib/server/groups/list-working-groups";
import { removeGroupMember } from "@/lib/server/groups/remove-group-member";
import { removeWorkingGroup } from "@/lib/server/groups/remove-working-group";
import { renameWorkingGroup } from "@/lib/server/groups/rename-working-group";
import { setGroupMemberRole } from "@/lib/server/groups/set-group-member-role";
import { getBattleMap } from "@/lib/server/map/get-battle-map";
import { changeProjectPhase } from "@/lib/server/projects/change-project-phase";
import { createProject } from "@/lib/server/projects/create-project";
import { getProjectSettings } from "@/lib/server/projects/get-project-settings";
import { updateProject } from "@/lib/server/projects/update-project";
import {
  createAuthorizationWorld,
  outcomeOf,
  type AuthorizationWorld,
  type Outcome,
  type RoleName,
} from "../../support/authorization-world.ts";

let world: AuthorizationWorld;
let counter = 0;

beforeAll(async () => {
  world = await createAuthorizationWorld();
});

const projectA = () => world.projectA.project.id;
const groupA1 = () => world.projectA.signingGroups[0]!.id;

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "create project": async (actor) =>
    createProject(actor, {
      code: `AUTH-${++counter}`,
      secretaryPhone: (await db().user.findUniqueOrThrow({ where: { id: world.actors.secretaryB.userId } })).phone,
      name: "授权测试",
      kind: "VILLAGE",
      district: "浦东新区",
      street: "康桥镇",
      countingUnit: "HOUSEHOLD",
      firstRoundThreshold: "90",
      signingThreshold: "85",
    }),
  "project A settings": (actor) => getProjectSettings(actor, { projectId: projectA() }),
  // An edit that changes nothing still proves the door: scope and version are checked.
  "update project A": async (actor) => {
    const p = await db().project.findUniqueOrThrow({ where: { id: projectA() } });
    return updateProject(actor, {
      projectId: p.id,
      version: p.version,
      name: p.name,
      kind: p.kind,
      district: p.district,
      street: p.street,
      countingUnit: p.countingUnit,
      firstRoundThreshold: String(Number(p.firstRoundThreshold) * 100),
      signingThreshold: String(Number(p.signingThreshold) * 100),
      signingStart: p.signingStart?.toISOString().slice(0, 10) ?? "",
      signingEnd: p.signingEnd?.toISOString().slice(0, 10) ?? "",
      noticeStart: p.noticeStart?.toISOString().slice(0, 10) ?? "",
      noticeEnd: p.noticeEnd?.toISOString().slice(0, 10) ?? "",
      consultationStart: p.consultationStart?.toISOString().slice(0, 10) ?? "",
      consultationEnd: p.consultationEnd?.toISOString().slice(0, 10) ?? "",
      isPublished: p.isPublished ? "on" : "",
    });
  },
  // PREPARATION is never the next phase, so an allowed actor gets a refusal *after* the guards.
  "change phase of A": (actor) =>
    changeProjectPhase(actor, { projectId: projectA(), toPhase: "PREPARATION", version: 1 }).catch((error) => {
      if (error?.code === "VALIDATION") return "refused by the rules";
      throw error;
    }),
  "list groups of A": (actor) => listWorkingGroups(actor, { projectId: projectA() }),
  "create group in A": (actor) => createWorkingGroup(actor, { projectId: projectA(), name: `授权小组${++counter}`, kind: "SIGNING" }),
  "add member to A1": (actor) =>
    addGroupMember(actor, { groupId: groupA1(), phone: `1370000${String(++counter).padStart(4, "0")}`, name: "新成员" }),
  "set role in A1": async (actor) => {
    const member = await db().workingGroupMember.findFirstOrThrow({ where: { groupId: groupA1(), role: "MEMBER" } });
    return setGroupMemberRole(actor, { groupId: groupA1(), memberId: member.id, role: "MEMBER" });
  },
  "remove member from A1": async (actor) => {
    const member = await db().workingGroupMember.findFirst({ where: { groupId: groupA1(), user: { name: "新成员" } } });
    // Nobody added one (every add was refused): remove a made-up id — an allowed actor gets NOT_FOUND from the row, not the door.
    return removeGroupMember(actor, { groupId: groupA1(), memberId: member?.id ?? "00000000-0000-7000-8000-000000000000" });
  },
  // A group of its own for each call (the world's groups are others' rows): renamed, then removed.
  "rename group in A": async (actor) => {
    const group = await db().workingGroup.create({ data: { projectId: projectA(), kind: "SIGNING", name: `改名小组${++counter}` } });
    return renameWorkingGroup(actor, { groupId: group.id, name: `${group.name}新`, version: group.version });
  },
  "remove group in A": async (actor) => {
    const group = await db().workingGroup.create({ data: { projectId: projectA(), kind: "SIGNING", name: `删除小组${++counter}` } });
    return removeWorkingGroup(actor, { groupId: group.id, version: group.version });
  },
  "battle map of A": (actor) => getBattleMap(actor, { projectId: projectA() }),
};

const ALL = (outcome: Outcome): Record<RoleName, Outcome> => ({
  districtOfficial: outcome,
  secretaryA: outcome,
  secretaryB: outcome,
  leaderA1: outcome,
  memberA1: outcome,
  staffWithoutRole: outcome,
  residentA1: outcome,
});
const SECRETARY_A_ONLY: Record<RoleName, Outcome> = {
  ...ALL("FORBIDDEN"),
  secretaryA: "ok",
  secretaryB: "NOT_FOUND",
};

const matrix: Record<string, Record<RoleName, Outcome>> = {
  "create project": { ...ALL("FORBIDDEN"), districtOfficial: "ok" },
  "project A settings": { ...SECRETARY_A_ONLY, districtOfficial: "ok" },
  "update project A": { ...SECRETARY_A_ONLY, districtOfficial: "ok" },
  "change phase of A": { ...SECRETARY_A_ONLY, districtOfficial: "ok" },
  "list groups of A": SECRETARY_A_ONLY,
  "create group in A": SECRETARY_A_ONLY,
  "add member to A1": SECRETARY_A_ONLY,
  "set role in A1": SECRETARY_A_ONLY,
  "remove member from A1": SECRETARY_A_ONLY,
  "rename group in A": SECRETARY_A_ONLY,
  "remove group in A": SECRETARY_A_ONLY,
  "battle map of A": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "ok",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "ok",
  },
};

describe("authorisation matrix: project set-up and battle map", () => {
  for (const [useCase, row] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(row)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        const actor = world.actors[role as RoleName];
        expect(await outcomeOf(() => useCases[useCase]!(actor))).toBe(expected);
      });
    }
  }
});
