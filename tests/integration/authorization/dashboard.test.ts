// Authorisation matrix of the dashboard area: every use case × every role (see foundation.test.ts).
// The project dashboard is for whoever may read the project, residents excepted; the district
// overview for district officials only. The exports call these same use cases.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { getDistrictOverview } from "@/lib/server/dashboard/get-district-overview";
import { getProjectDashboard } from "@/lib/server/dashboard/get-project-dashboard";
import {
  createAuthorizationWorld,
  outcomeOf,
  type AuthorizationWorld,
  type Outcome,
  type RoleName,
} from "../../support/authorization-world.ts";

let world: AuthorizationWorld;

beforeAll(async () => {
  world = await createAuthorizationWorld();
});

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "project A dashboard": (actor) => getProjectDashboard(actor, { projectId: world.projectA.project.id }),
  "project B dashboard": (actor) => getProjectDashboard(actor, { projectId: world.projectB.project.id }),
  "district overview": (actor) => getDistrictOverview(actor, {}),
};

const matrix: Record<string, Record<RoleName, Outcome>> = {
  "project A dashboard": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "ok",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "project B dashboard": {
    districtOfficial: "ok",
    secretaryA: "NOT_FOUND",
    secretaryB: "ok",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "district overview": {
    districtOfficial: "ok",
    secretaryA: "FORBIDDEN",
    secretaryB: "FORBIDDEN",
    leaderA1: "FORBIDDEN",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
};

describe("authorisation matrix: dashboard", () => {
  for (const [useCase, row] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(row)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        expect(await outcomeOf(() => useCases[useCase]!(world.actors[role as RoleName]))).toBe(expected);
      });
    }
  }

  it("a member sees the whole project's figures, not only their own tasks' households", async () => {
    const asMember = await getProjectDashboard(world.actors.memberA1, { projectId: world.projectA.project.id });
    const asSecretary = await getProjectDashboard(world.actors.secretaryA, { projectId: world.projectA.project.id });
    expect(asMember.figures).toEqual(asSecretary.figures);
    expect(asMember.figures.eligible).toBe(12);
  });

  it("a malformed project id is a validation error, not a crash", async () => {
    await expect(getProjectDashboard(world.actors.districtOfficial, { projectId: "nope" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
