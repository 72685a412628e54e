// Every use case of the demands area (诉求) × every role (tests/support/authorization-world.ts),
// and the special group's leader: allowed, NOT_FOUND outside the actor's scope (a special group's
// leader: only the demands routed to the group; a signing group's leader: reads and raises for
// the group's households, works only what is routed to a group they lead; a member: their own
// tasks' households; a resident: raises and reads their own household's), FORBIDDEN for a role
// that may never do it (officials do not raise or work demands; members and residents do not work
// or export them). Writes undo themselves.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { escalateDemand } from "@/lib/server/demands/escalate-demand";
import { exportDemands } from "@/lib/server/demands/export-demands";
import { getDemand } from "@/lib/server/demands/get-demand";
import { listDemands } from "@/lib/server/demands/list-demands";
import { raiseDemand } from "@/lib/server/demands/raise-demand";
import { rerouteDemand } from "@/lib/server/demands/reroute-demand";
import { resolveDemand } from "@/lib/server/demands/resolve-demand";
import { startDemand } from "@/lib/server/demands/start-demand";
import {
  createAuthorizationWorld,
  outcomeOf,
  ROLES,
  type AuthorizationWorld,
  type Outcome,
  type RoleName,
} from "../../support/authorization-world.ts";

let world: AuthorizationWorld;
/** Routed to the special group, of a group A1 household (memberA1 has a task there). */
let demandA1: string;
/** Not routed, of a group A2 household. */
let demandA2: string;
let demandB: string;
/** A second special group of project A, without a leader: where re-routing rows send demands. */
let otherSpecialGroup: string;
const RAISED = "授权测试：新登记的诉求";

const A = () => world.projectA.project.id;
const B = () => world.projectB.project.id;

async function seedDemand(projectId: string, householdId: string, routedGroupId: string | null, description = "授权测试的诉求") {
  const demand = await db().demand.create({
    data: { projectId, householdId, routedGroupId, category: "COMPENSATION", description },
    select: { id: true },
  });
  return demand.id;
}

beforeAll(async () => {
  world = await createAuthorizationWorld();
  await db().demand.deleteMany({ where: { projectId: { in: [A(), B()] } } });
  await db().task.create({
    data: {
      projectId: A(),
      householdId: world.householdA1.id,
      assigneeId: world.actors.memberA1.userId,
      kind: "HOME_VISIT",
      dueDate: new Date(),
    },
  });
  otherSpecialGroup = (
    await db().workingGroup.create({
      data: { projectId: A(), kind: "SPECIAL", specialty: "POLICY_LAW", name: "政策法规组（授权测试）" },
    })
  ).id;
  demandA1 = await seedDemand(A(), world.householdA1.id, world.specialGroupA.id);
  demandA2 = await seedDemand(A(), world.householdA2.id, null);
  demandB = await seedDemand(B(), world.householdB.id, null);
});

/** A throwaway demand for a writing row, removed again afterwards. */
async function withDemand(householdId: string, routedGroupId: string | null, work: (demandId: string) => Promise<unknown>) {
  const projectId = householdId === world.householdB.id ? B() : A();
  const id = await seedDemand(projectId, householdId, routedGroupId);
  try {
    return await work(id);
  } finally {
    await db().demand.deleteMany({ where: { id } });
  }
}

async function andRemove(work: Promise<unknown>) {
  try {
    return await work;
  } finally {
    await db().demand.deleteMany({ where: { description: RAISED } });
  }
}

const raise = (actor: Actor, projectId: string, householdId: string) =>
  andRemove(raiseDemand(actor, { projectId, householdId, category: "COMPENSATION", description: RAISED }));
const move = (demandId: string, projectId = A()) => ({ projectId, demandId, version: 1 });

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "raise demand, group A1 household": (actor) => raise(actor, A(), world.householdA1.id),
  "raise demand, group A2 household": (actor) => raise(actor, A(), world.householdA2.id),
  "raise demand, project B household": (actor) => raise(actor, B(), world.householdB.id),
  "list demands of project A": (actor) => listDemands(actor, { projectId: A() }),
  "list demands of project B": (actor) => listDemands(actor, { projectId: B() }),
  "demand routed to the special group (group A1 household)": (actor) => getDemand(actor, { projectId: A(), demandId: demandA1 }),
  "demand of a group A2 household, not routed": (actor) => getDemand(actor, { projectId: A(), demandId: demandA2 }),
  "demand of project B": (actor) => getDemand(actor, { projectId: B(), demandId: demandB }),
  "demand A1 under project B's id": (actor) => getDemand(actor, { projectId: B(), demandId: demandA1 }),
  "start routed demand": (actor) => withDemand(world.householdA1.id, world.specialGroupA.id, (id) => startDemand(actor, move(id))),
  "escalate routed demand": (actor) => withDemand(world.householdA1.id, world.specialGroupA.id, (id) => escalateDemand(actor, move(id))),
  "resolve routed demand": (actor) =>
    withDemand(world.householdA1.id, world.specialGroupA.id, (id) => resolveDemand(actor, { ...move(id), resolution: "已答复" })),
  "re-route routed demand": (actor) =>
    withDemand(world.householdA1.id, world.specialGroupA.id, (id) =>
      rerouteDemand(actor, { ...move(id), routedGroupId: otherSpecialGroup }),
    ),
  "resolve unrouted demand, group A1 household": (actor) =>
    withDemand(world.householdA1.id, null, (id) => resolveDemand(actor, { ...move(id), resolution: "已答复" })),
  "resolve demand of project B": (actor) =>
    withDemand(world.householdB.id, null, (id) => resolveDemand(actor, { ...move(id, B()), resolution: "已答复" })),
  "export demands of project A": (actor) => exportDemands(actor, { projectId: A() }),
  "export demands of project B": (actor) => exportDemands(actor, { projectId: B() }),
};

function row(...outcomes: Outcome[]): Record<RoleName, Outcome> {
  return Object.fromEntries(ROLES.map((role, i) => [role, outcomes[i]!])) as Record<RoleName, Outcome>;
}
const F = "FORBIDDEN";
const N = "NOT_FOUND";

// districtOfficial, secretaryA, secretaryB, leaderA1, memberA1, staffWithoutRole, residentA1 | special group's leader
const matrix: Record<string, [Record<RoleName, Outcome>, Outcome]> = {
  "raise demand, group A1 household": [row(F, "ok", N, "ok", "ok", N, "ok"), N],
  "raise demand, group A2 household": [row(F, "ok", N, N, N, N, N), N],
  "raise demand, project B household": [row(F, N, "ok", N, N, N, N), N],
  "list demands of project A": [row("ok", "ok", N, "ok", "ok", N, "ok"), "ok"],
  "list demands of project B": [row("ok", N, "ok", N, N, N, N), N],
  "demand routed to the special group (group A1 household)": [row("ok", "ok", N, "ok", "ok", N, "ok"), "ok"],
  "demand of a group A2 household, not routed": [row("ok", "ok", N, N, N, N, N), N],
  "demand of project B": [row("ok", N, "ok", N, N, N, N), N],
  "demand A1 under project B's id": [row(N, N, N, N, N, N, N), N],
  "start routed demand": [row(F, "ok", N, N, F, F, F), "ok"],
  "escalate routed demand": [row(F, "ok", N, N, F, F, F), "ok"],
  "resolve routed demand": [row(F, "ok", N, N, F, F, F), "ok"],
  "re-route routed demand": [row(F, "ok", N, N, F, F, F), "ok"],
  "resolve unrouted demand, group A1 household": [row(F, "ok", N, N, F, F, F), N],
  "resolve demand of project B": [row(F, N, "ok", N, F, F, F), N],
  "export demands of project A": [row("ok", "ok", N, "ok", F, F, F), "ok"],
  "export demands of project B": [row("ok", N, "ok", N, F, F, F), N],
};

describe("authorisation matrix: demands", () => {
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

  it("each list holds only what the reader may see", async () => {
    const ids = async (actor: Actor) => (await listDemands(actor, { projectId: A() })).items.map((d) => d.id).sort();
    expect(await ids(world.specialLeaderA)).toEqual([demandA1]);
    expect(await ids(world.actors.leaderA1)).toEqual([demandA1]);
    expect(await ids(world.actors.memberA1)).toEqual([demandA1]);
    expect(await ids(world.actors.secretaryA)).toEqual([demandA1, demandA2].sort());
    // Only the special group's leader (and the secretary) may work it.
    const forSpecial = await listDemands(world.specialLeaderA, { projectId: A() });
    expect(forSpecial.items.every((d) => d.mayManage)).toBe(true);
    const forLeader = await listDemands(world.actors.leaderA1, { projectId: A() });
    expect(forLeader.items.every((d) => !d.mayManage)).toBe(true);
    const file = await exportDemands(world.actors.leaderA1, { projectId: A() });
    expect(file.count).toBe(1);
  });
});
