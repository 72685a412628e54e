// Every use case of the visits area × every role (tests/support/authorization-world.ts): allowed,
// NOT_FOUND outside the actor's scope, FORBIDDEN for a role that may never do it. A member logs
// visits only to the households of their own tasks, a leader only to their group's; only the
// assignee of an open task sees the full phone number.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { wallClockOf } from "@/lib/domain/calendar-day";
import { exportVisits } from "@/lib/server/visits/export-visits";
import { getVisitForm } from "@/lib/server/visits/get-visit-form";
import { listMyTasks } from "@/lib/server/visits/list-my-tasks";
import { listVisits } from "@/lib/server/visits/list-visits";
import { logVisit } from "@/lib/server/visits/log-visit";
import { revealPhone } from "@/lib/server/visits/reveal-phone";
import {
  createAuthorizationWorld,
  outcomeOf,
  type AuthorizationWorld,
  type Outcome,
  type RoleName,
} from "../../support/authorization-world.ts";

let world: AuthorizationWorld;

const A = () => world.projectA.project.id;
const B = () => world.projectB.project.id;

beforeAll(async () => {
  world = await createAuthorizationWorld();
  // memberA1's own open task: the household of group A1.
  await db().task.create({
    data: {
      projectId: A(),
      householdId: world.householdA1.id,
      assigneeId: world.actors.memberA1.userId,
      kind: "HOME_VISIT",
      dueDate: new Date(),
    },
  });
});

function visit(projectId: string, householdId: string, extra: object = {}) {
  return {
    projectId,
    householdId,
    clientKey: randomUUID(),
    visitedAt: wallClockOf(new Date(Date.now() - 60_000), "Asia/Shanghai"),
    channel: "DOOR",
    summary: "例行走访",
    ...extra,
  };
}

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "my tasks": (actor) => listMyTasks(actor),
  "log a visit, group A1 household": (actor) => logVisit(actor, visit(A(), world.householdA1.id)),
  "log a visit, group A2 household": (actor) => logVisit(actor, visit(A(), world.householdA2.id)),
  "log a visit, project B household": (actor) => logVisit(actor, visit(B(), world.householdB.id)),
  "log a visit, A1 household under project B's id": (actor) => logVisit(actor, visit(B(), world.householdA1.id)),
  // A task of memberA1's made for each row, so every row closes a task of its own.
  "log a visit closing memberA1's task": async (actor) => {
    const task = await db().task.create({
      data: {
        projectId: A(),
        householdId: world.householdA1.id,
        assigneeId: world.actors.memberA1.userId,
        kind: "PHONE_CALL",
        dueDate: new Date(),
      },
    });
    return logVisit(actor, visit(A(), world.householdA1.id, { taskId: task.id, taskVersion: task.version }));
  },
  "visit form, group A1 household": (actor) => getVisitForm(actor, { projectId: A(), householdId: world.householdA1.id }),
  "visit form, group A2 household": (actor) => getVisitForm(actor, { projectId: A(), householdId: world.householdA2.id }),
  "reveal the phone, group A1 household": (actor) => revealPhone(actor, { projectId: A(), householdId: world.householdA1.id }),
  "visit register of project A": (actor) => listVisits(actor, { projectId: A() }),
  "visit register of project B": (actor) => listVisits(actor, { projectId: B() }),
  "export visits of project A": (actor) => exportVisits(actor, { projectId: A() }).then((file) => file.stream.cancel()),
  "export visits of project B": (actor) => exportVisits(actor, { projectId: B() }).then((file) => file.stream.cancel()),
};

const matrix: Record<string, Record<RoleName, Outcome>> = {
  "my tasks": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "ok",
    leaderA1: "ok",
    memberA1: "ok",
    staffWithoutRole: "ok",
    residentA1: "FORBIDDEN",
  },
  "log a visit, group A1 household": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "ok",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "log a visit, group A2 household": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "log a visit, project B household": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "NOT_FOUND",
    secretaryB: "ok",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "log a visit, A1 household under project B's id": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "NOT_FOUND",
    secretaryB: "NOT_FOUND",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "log a visit closing memberA1's task": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "ok",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "visit form, group A1 household": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "ok",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "visit form, group A2 household": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "reveal the phone, group A1 household": {
    districtOfficial: "FORBIDDEN",
    secretaryA: "NOT_FOUND",
    secretaryB: "NOT_FOUND",
    leaderA1: "NOT_FOUND",
    memberA1: "ok",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "visit register of project A": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "ok",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "visit register of project B": {
    districtOfficial: "ok",
    secretaryA: "NOT_FOUND",
    secretaryB: "ok",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "FORBIDDEN",
  },
  "export visits of project A": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
  "export visits of project B": {
    districtOfficial: "ok",
    secretaryA: "NOT_FOUND",
    secretaryB: "ok",
    leaderA1: "NOT_FOUND",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
};

describe("authorisation matrix: visits", () => {
  for (const [useCase, row] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(row)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        expect(await outcomeOf(() => useCases[useCase]!(world.actors[role as RoleName]))).toBe(expected);
      });
    }
  }

  it("shows each reader of the register only the visits in their scope", async () => {
    const households = async (role: RoleName) =>
      new Set((await listVisits(world.actors[role], { projectId: A() })).rows.map((r) => r.household.id));
    expect(await households("memberA1")).toEqual(new Set([world.householdA1.id]));
    const groupA1 = world.projectA.signingGroups[0]!.id;
    const leaderRows = (await listVisits(world.actors.leaderA1, { projectId: A() })).rows.map((r) => r.household.id);
    const inGroup = await db().household.count({ where: { id: { in: leaderRows }, signingGroupId: { not: groupA1 } } });
    expect(inGroup).toBe(0);
    expect((await households("secretaryA")).has(world.householdA2.id)).toBe(true);
  });

  it("lists in My tasks only the actor's own tasks", async () => {
    const mine = await listMyTasks(world.actors.memberA1);
    expect(mine.tasks.length).toBeGreaterThan(0);
    const assignees = await db().task.findMany({ where: { id: { in: mine.tasks.map((t) => t.id) } }, select: { assigneeId: true } });
    expect(new Set(assignees.map((a) => a.assigneeId))).toEqual(new Set([world.actors.memberA1.userId]));
    expect((await listMyTasks(world.actors.districtOfficial)).tasks).toEqual([]);
  });
});
