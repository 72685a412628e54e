// Every use case of the coverage area (五必访) × every role (tests/support/authorization-world.ts),
// and the special group's leader: allowed, NOT_FOUND outside the actor's scope (a leader: only
// their group; a secretary: only their project), FORBIDDEN for a role that may never do it
// (members and residents see no coverage; only secretaries edit the rules). Writes undo
// themselves so each row meets the same world.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { getCoverage } from "@/lib/server/coverage/get-coverage";
import { updateCoverageRules } from "@/lib/server/coverage/update-coverage-rules";
import { listHouseholds } from "@/lib/server/households/list-households";
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

const A = () => world.projectA.project.id;
const B = () => world.projectB.project.id;

/** Sets other days than the project has, then puts the project back as it was. */
async function editRules(actor: Actor, projectId: string) {
  const before = await db().project.findUniqueOrThrow({ where: { id: projectId } });
  try {
    return await updateCoverageRules(actor, {
      projectId,
      hardshipDays: String(before.coverageHardshipDays + 1),
      unsignedDays: String(before.coverageUnsignedDays),
      version: String(before.version),
    });
  } finally {
    await db().project.update({
      where: { id: projectId },
      data: { coverageHardshipDays: before.coverageHardshipDays, coverageUnsignedDays: before.coverageUnsignedDays },
    });
  }
}

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "coverage of project A": (actor) => getCoverage(actor, { projectId: A() }),
  "coverage of project B": (actor) => getCoverage(actor, { projectId: B() }),
  "coverage of group A1": (actor) => getCoverage(actor, { projectId: A(), groupId: world.projectA.signingGroups[0]!.id }),
  "coverage of group A2": (actor) => getCoverage(actor, { projectId: A(), groupId: world.projectA.signingGroups[1]!.id }),
  "coverage of project A's households in no group": (actor) => getCoverage(actor, { projectId: A(), groupId: "none" }),
  "coverage rules of project A": (actor) => editRules(actor, A()),
  "coverage rules of project B": (actor) => editRules(actor, B()),
  "household list of project A, due and no open task": (actor) =>
    listHouseholds(actor, { projectId: A(), coverage: "due", openTask: "no", attitude: "none" }),
};

function row(...outcomes: Outcome[]): Record<RoleName, Outcome> {
  return Object.fromEntries(ROLES.map((role, i) => [role, outcomes[i]!])) as Record<RoleName, Outcome>;
}
const F = "FORBIDDEN";
const N = "NOT_FOUND";

// districtOfficial, secretaryA, secretaryB, leaderA1, memberA1, staffWithoutRole, residentA1 | special group's leader
const matrix: Record<string, [Record<RoleName, Outcome>, Outcome]> = {
  "coverage of project A": [row("ok", "ok", N, "ok", F, F, F), "ok"],
  "coverage of project B": [row("ok", N, "ok", N, F, F, F), N],
  "coverage of group A1": [row("ok", "ok", N, "ok", F, F, F), N],
  "coverage of group A2": [row("ok", "ok", N, N, F, F, F), N],
  "coverage of project A's households in no group": [row("ok", "ok", N, N, F, F, F), N],
  "coverage rules of project A": [row(F, "ok", N, F, F, F, F), F],
  "coverage rules of project B": [row(F, N, "ok", F, F, F, F), F],
  "household list of project A, due and no open task": [row("ok", "ok", N, "ok", "ok", N, F), "ok"],
};

describe("authorisation matrix: coverage", () => {
  for (const [useCase, [expectations, special]] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(expectations)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        expect(await outcomeOf(() => useCases[useCase]!(world.actors[role as RoleName]))).toBe(expected);
      });
    }
    it(`${useCase} as the special group's leader: ${special}`, async () => {
      expect(await outcomeOf(() => useCases[useCase]!(world.specialLeaderA))).toBe(special);
    });
  }

  it("a leader's view holds only their own group; the special group's leader's holds none", async () => {
    const view = await getCoverage(world.actors.leaderA1, { projectId: A() });
    expect(view.reach).toBe("group");
    expect(view.groups.map((g) => g.groupId)).toEqual([world.projectA.signingGroups[0]!.id]);
    const households = await db().household.findMany({
      where: { signingGroupId: world.projectA.signingGroups[0]!.id },
      select: { id: true },
    });
    expect(view.total.underRule).toBeLessThanOrEqual(households.length);
    const special = await getCoverage(world.specialLeaderA, { projectId: A() });
    expect(special.groups).toEqual([]);
    expect(special.total.underRule).toBe(0);
    expect(special.mayEditRules).toBe(false);
    expect((await getCoverage(world.actors.secretaryA, { projectId: A() })).mayEditRules).toBe(true);
  });
});
