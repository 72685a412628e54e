// Every use case of the households area × every role (tests/support/authorization-world.ts):
// allowed, NOT_FOUND outside the actor's scope, FORBIDDEN for a role that may never do it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { assignHouseholds } from "@/lib/server/households/assign-households";
import { exportHouseholds } from "@/lib/server/households/export-households";
import { getHousehold } from "@/lib/server/households/get-household";
import { getHouseholdListOptions } from "@/lib/server/households/get-household-list-options";
import { listHouseholds } from "@/lib/server/households/list-households";
import { updateHousehold } from "@/lib/server/households/update-household";
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
  // memberA1's own task: the household of group A1 (members read the households of their tasks).
  await db().task.create({
    data: {
      projectId: world.projectA.project.id,
      householdId: world.householdA1.id,
      assigneeId: world.actors.memberA1.userId,
      kind: "HOME_VISIT",
      dueDate: new Date(),
    },
  });
});

/** The edit form as rendered now, with one change. */
async function editOf(householdId: string, projectId: string) {
  const h = await db().household.findUniqueOrThrow({ where: { id: householdId } });
  return {
    projectId,
    householdId,
    version: h.version,
    building: h.building,
    address: h.address,
    headName: `${h.headName.slice(0, 10)}改`,
    registeredPopulation: h.registeredPopulation,
    residentCount: h.residentCount,
    floorArea: h.floorArea.toFixed(2),
    tenure: h.tenure,
    ownerLocation: h.ownerLocation,
  };
}

const A = () => world.projectA.project.id;
const B = () => world.projectB.project.id;

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "list households of project A": (actor) => listHouseholds(actor, { projectId: A() }),
  "list filter options of project A": (actor) => getHouseholdListOptions(actor, { projectId: A() }),
  "household page, group A1 household": (actor) => getHousehold(actor, { projectId: A(), householdId: world.householdA1.id }),
  "household page, group A2 household": (actor) => getHousehold(actor, { projectId: A(), householdId: world.householdA2.id }),
  "household page, project B household": (actor) => getHousehold(actor, { projectId: B(), householdId: world.householdB.id }),
  "household page, A1 household under project B's id": (actor) =>
    getHousehold(actor, { projectId: B(), householdId: world.householdA1.id }),
  "edit group A1 household": async (actor) => updateHousehold(actor, await editOf(world.householdA1.id, A())),
  "edit group A2 household": async (actor) => updateHousehold(actor, await editOf(world.householdA2.id, A())),
  "export project A": (actor) => exportHouseholds(actor, { projectId: A() }).then((file) => file.stream.cancel()),
  "export project B": (actor) => exportHouseholds(actor, { projectId: B() }).then((file) => file.stream.cancel()),
  // Into the group it is in already: allowed or not, the world stays the same for the rows after.
  "assign group A2 household to group A2": (actor) =>
    assignHouseholds(actor, {
      projectId: A(),
      groupId: world.projectA.signingGroups[1]!.id,
      mode: "selection",
      householdIds: [world.householdA2.id],
    }),
  "assign project A building to group A1": (actor) =>
    db()
      .household.findUniqueOrThrow({ where: { id: world.householdA1.id }, select: { building: true } })
      .then(({ building }) =>
        assignHouseholds(actor, { projectId: A(), groupId: world.projectA.signingGroups[0]!.id, mode: "building", building }),
      ),
};

const matrix: Record<string, Record<RoleName, Outcome>> = {
  "list households of project A": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "ok",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "list filter options of project A": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "ok",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "household page, group A1 household": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "ok",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "household page, group A2 household": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "household page, project B household": {
    districtOfficial: "ok",
    secretaryA: "NOT_FOUND",
    secretaryB: "ok",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "household page, A1 household under project B's id": {
    districtOfficial: "NOT_FOUND",
    secretaryA: "NOT_FOUND",
    secretaryB: "NOT_FOUND",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "edit group A1 household": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
  "edit group A2 household": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "NOT_FOUND",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
  "export project A": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
  "export project B": {
    districtOfficial: "ok",
    secretaryA: "NOT_FOUND",
    secretaryB: "ok",
    leaderA1: "NOT_FOUND",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
  "assign group A2 household to group A2": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "FORBIDDEN",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
  "assign project A building to group A1": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "FORBIDDEN",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
};

describe("authorisation matrix: households", () => {
  for (const [useCase, row] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(row)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        expect(await outcomeOf(() => useCases[useCase]!(world.actors[role as RoleName]))).toBe(expected);
      });
    }
  }

  it("lists, per role, exactly the households in scope", async () => {
    const codes = async (role: RoleName) =>
      (await listHouseholds(world.actors[role], { projectId: A(), size: "100" })).items.map((i) => i.code).sort();
    const all = (await db().household.findMany({ where: { projectId: A() }, select: { code: true } })).map((h) => h.code).sort();
    // A leader is a member too: the own group's households and those of own tasks.
    const groupA1 = (
      await db().household.findMany({
        where: {
          OR: [{ signingGroupId: world.projectA.signingGroups[0]!.id }, { tasks: { some: { assigneeId: world.actors.leaderA1.userId } } }],
        },
        select: { code: true },
      })
    )
      .map((h) => h.code)
      .sort();
    const tasks = (
      await db().household.findMany({ where: { tasks: { some: { assigneeId: world.actors.memberA1.userId } } }, select: { code: true } })
    )
      .map((h) => h.code)
      .sort();
    expect(await codes("districtOfficial")).toEqual(all);
    expect(await codes("secretaryA")).toEqual(all);
    expect(await codes("leaderA1")).toEqual(groupA1);
    expect(await codes("memberA1")).toEqual(tasks);
    expect(tasks).toContain(world.householdA1.code);
  });
});
