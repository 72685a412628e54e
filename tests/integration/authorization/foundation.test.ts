// Every use case × every role: allowed, or refused the way the rules say (NOT_FOUND for a record
// outside the actor's scope, FORBIDDEN for a role that may never do it). One file per area in
// this folder, all on the same world (tests/support/authorization-world.ts).
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { getOwnHousehold } from "@/lib/server/households/get-own-household";
import { findReadableProject } from "@/lib/server/projects/find-readable-project";
import { getProjectSummary } from "@/lib/server/projects/get-project-summary";
import { listProjects } from "@/lib/server/projects/list-projects";
import { issueResidentAccessCode } from "@/lib/server/residents/issue-resident-access-code";
import {
  createAuthorizationWorld,
  outcomeOf,
  type AuthorizationWorld,
  type Outcome,
  type RoleName,
} from "../../support/authorization-world.ts";

let world: AuthorizationWorld;
let projectA: AuthorizationWorld["projectA"];
let projectB: AuthorizationWorld["projectB"];
let householdA1: AuthorizationWorld["householdA1"];
let householdA2: AuthorizationWorld["householdA2"];
let actors: AuthorizationWorld["actors"];

beforeAll(async () => {
  world = await createAuthorizationWorld();
  ({ projectA, projectB, householdA1, householdA2, actors } = world);
});

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "list projects": (actor) => listProjects(actor),
  "project A summary": (actor) => getProjectSummary(actor, { projectId: projectA.project.id }),
  "project A pages (layout check)": (actor) => findReadableProject(actor, { projectId: projectA.project.id }),
  "project B pages (layout check)": (actor) => findReadableProject(actor, { projectId: projectB.project.id }),
  "own household": (actor) => getOwnHousehold(actor),
  "issue access code, group A1 household": (actor) =>
    issueResidentAccessCode(actor, { projectId: projectA.project.id, householdCode: householdA1.code }),
  "issue access code, group A2 household": (actor) =>
    issueResidentAccessCode(actor, { projectId: projectA.project.id, householdCode: householdA2.code }),
};

const matrix: Record<string, Record<RoleName, Outcome>> = {
  "list projects": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "ok",
    leaderA1: "ok",
    memberA1: "ok",
    staffWithoutRole: "ok",
    residentA1: "ok",
  },
  "project A summary": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "ok",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "ok",
  },
  "project A pages (layout check)": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "ok",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "ok",
  },
  "project B pages (layout check)": {
    districtOfficial: "ok",
    secretaryA: "NOT_FOUND",
    secretaryB: "ok",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "NOT_FOUND",
  },
  "own household": {
    districtOfficial: "NOT_FOUND",
    secretaryA: "NOT_FOUND",
    secretaryB: "NOT_FOUND",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "ok",
  },
  "issue access code, group A1 household": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
  "issue access code, group A2 household": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "NOT_FOUND",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
};

describe("authorisation matrix: foundation", () => {
  for (const [useCase, row] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(row)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        expect(await outcomeOf(() => useCases[useCase]!(actors[role as RoleName]))).toBe(expected);
      });
    }
  }

  it("lists exactly the projects in scope", async () => {
    const codes = async (role: RoleName) => (await listProjects(actors[role])).map((p) => p.code).sort();
    const a = projectA.project.code;
    const b = projectB.project.code;
    expect(await codes("districtOfficial")).toEqual([a, b].sort());
    expect(await codes("secretaryA")).toEqual([a]);
    expect(await codes("secretaryB")).toEqual([b]);
    expect(await codes("leaderA1")).toEqual([a]);
    expect(await codes("memberA1")).toEqual([a]);
    expect(await codes("staffWithoutRole")).toEqual([]);
    expect(await codes("residentA1")).toEqual([a]);
  });

  it("gives the resident their own household and nothing else", async () => {
    const own = await getOwnHousehold(actors.residentA1);
    expect(own.code).toBe(householdA1.code);
  });

  it("stops a disabled user at once", async () => {
    await db().user.update({ where: { id: actors.memberA1.userId }, data: { disabledAt: new Date() } });
    expect(await loadActor(db(), actors.memberA1.userId)).toBeNull();
    await db().user.update({ where: { id: actors.memberA1.userId }, data: { disabledAt: null } });
  });
});
