// Authorisation matrix of the live and display use cases: every use case × every role.
// Display sessions belong to the project's secretary; the live stream of a project is open to
// its staff readers (not residents), the district overview stream to district officials only.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createDisplaySession } from "@/lib/server/display/create-display-session";
import { listDisplaySessions } from "@/lib/server/display/list-display-sessions";
import { revokeDisplaySession } from "@/lib/server/display/revoke-display-session";
import { authorizeProgressStream } from "@/lib/server/live/authorize-progress-stream";
import {
  createAuthorizationWorld,
  outcomeOf,
  ROLES,
  type AuthorizationWorld,
  type Outcome,
  type RoleName,
} from "../../support/authorization-world.ts";

let world: AuthorizationWorld;

beforeAll(async () => {
  world = await createAuthorizationWorld();
});

type Case = { name: string; expected: Record<RoleName, Outcome>; run: (role: RoleName) => Promise<unknown> };

const SECRETARY_A_ONLY: Record<RoleName, Outcome> = {
  districtOfficial: "FORBIDDEN",
  secretaryA: "ok",
  secretaryB: "NOT_FOUND",
  leaderA1: "FORBIDDEN",
  memberA1: "FORBIDDEN",
  staffWithoutRole: "FORBIDDEN",
  residentA1: "FORBIDDEN",
};

async function freshDisplayOfA(): Promise<string> {
  const secretary = world.actors.secretaryA;
  const created = await createDisplaySession(secretary, { projectId: world.projectA.project.id, label: "matrix" });
  return created.id;
}

const cases: Case[] = [
  {
    name: "createDisplaySession (project A)",
    expected: SECRETARY_A_ONLY,
    run: (role) => createDisplaySession(world.actors[role], { projectId: world.projectA.project.id, label: `by ${role}` }),
  },
  {
    name: "listDisplaySessions (project A)",
    expected: SECRETARY_A_ONLY,
    run: (role) => listDisplaySessions(world.actors[role], { projectId: world.projectA.project.id }),
  },
  {
    name: "revokeDisplaySession (a display of project A)",
    expected: SECRETARY_A_ONLY,
    run: async (role) =>
      revokeDisplaySession(world.actors[role], { projectId: world.projectA.project.id, displaySessionId: await freshDisplayOfA() }),
  },
  {
    name: "authorizeProgressStream (project A)",
    expected: {
      districtOfficial: "ok",
      secretaryA: "ok",
      secretaryB: "NOT_FOUND",
      leaderA1: "ok",
      memberA1: "ok",
      staffWithoutRole: "NOT_FOUND",
      residentA1: "FORBIDDEN",
    },
    run: (role) => authorizeProgressStream(world.actors[role], { projectId: world.projectA.project.id }),
  },
  {
    name: "authorizeProgressStream (district overview)",
    expected: {
      districtOfficial: "ok",
      secretaryA: "FORBIDDEN",
      secretaryB: "FORBIDDEN",
      leaderA1: "FORBIDDEN",
      memberA1: "FORBIDDEN",
      staffWithoutRole: "FORBIDDEN",
      residentA1: "FORBIDDEN",
    },
    run: (role) => authorizeProgressStream(world.actors[role], {}),
  },
];

describe("live and display authorisation matrix", () => {
  for (const c of cases) {
    it(c.name, async () => {
      const actual = {} as Record<RoleName, Outcome>;
      for (const role of ROLES) actual[role] = await outcomeOf(() => c.run(role));
      expect(actual).toEqual(c.expected);
    });
  }

  it("a refused revoke leaves the display on", async () => {
    const id = await freshDisplayOfA();
    await outcomeOf(() => revokeDisplaySession(world.actors.secretaryB, { projectId: world.projectA.project.id, displaySessionId: id }));
    await outcomeOf(() => revokeDisplaySession(world.actors.leaderA1, { projectId: world.projectA.project.id, displaySessionId: id }));
    expect((await db().displaySession.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });
});
