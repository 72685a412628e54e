// Every use case of the tasks area × every role (tests/support/authorization-world.ts): allowed,
// NOT_FOUND outside the actor's scope (a leader: only their group; a secretary: only their
// project), FORBIDDEN for a role that may never do it (members do not assign, residents see no
// tasks). Writes undo themselves so each row meets the same world.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addDays } from "@/lib/domain/progress";
import { bulkCreateTasks, previewBulkTasks } from "@/lib/server/tasks/bulk-create-tasks";
import { cancelTask } from "@/lib/server/tasks/cancel-task";
import { createTask } from "@/lib/server/tasks/create-task";
import { exportTasks } from "@/lib/server/tasks/export-tasks";
import { getCaseload } from "@/lib/server/tasks/get-caseload";
import { getTask } from "@/lib/server/tasks/get-task";
import { listProjectTasks } from "@/lib/server/tasks/list-project-tasks";
import { listTaskAssignees } from "@/lib/server/tasks/list-task-assignees";
import { reassignTasks } from "@/lib/server/tasks/reassign-tasks";
import { taskToday } from "@/lib/server/tasks/task-input";
import {
  createAuthorizationWorld,
  outcomeOf,
  ROLES,
  type AuthorizationWorld,
  type Outcome,
  type RoleName,
} from "../../support/authorization-world.ts";

let world: AuthorizationWorld;
let tomorrow: string;
let taskA1: string;
let taskA2: string;
let memberA2: string;
let memberB: string;
const KIND = "ASSISTANCE";

beforeAll(async () => {
  world = await createAuthorizationWorld();
  tomorrow = addDays(taskToday(), 1);
  memberA2 = world.projectA.signingGroups[1]!.memberIds[0]!;
  memberB = world.projectB.signingGroups[0]!.memberIds[0]!;
  // The kind the writing rows use has no open task anywhere in the world.
  await db().task.deleteMany({ where: { kind: KIND } });
  const seeded = (householdId: string, projectId: string, assigneeId: string) =>
    db().task.create({ data: { projectId, householdId, assigneeId, kind: "HOME_VISIT", dueDate: new Date(`${tomorrow}T00:00:00Z`) } });
  taskA1 = (await seeded(world.householdA1.id, world.projectA.project.id, world.actors.memberA1.userId)).id;
  taskA2 = (await seeded(world.householdA2.id, world.projectA.project.id, memberA2)).id;
});

const A = () => world.projectA.project.id;
const B = () => world.projectB.project.id;

/** A throwaway open task of KIND for the writing rows; removed again afterwards. */
async function withTask(householdId: string, projectId: string, assigneeId: string, work: (taskId: string) => Promise<unknown>) {
  const task = await db().task.create({
    data: { projectId, householdId, assigneeId, kind: KIND, dueDate: new Date(`${tomorrow}T00:00:00Z`) },
  });
  try {
    return await work(task.id);
  } finally {
    await db().task.deleteMany({ where: { id: task.id } });
  }
}

/** Runs a creating use case and removes what it created, whatever the outcome. */
async function andRemove(work: Promise<unknown>) {
  try {
    return await work;
  } finally {
    await db().task.deleteMany({ where: { kind: KIND } });
  }
}

const draft = (projectId: string, householdId: string, assigneeId: string) => ({
  projectId,
  householdId,
  assigneeId,
  kind: KIND,
  dueDate: tomorrow,
  priority: "NORMAL",
});

const bulk = (projectId: string, householdIds: string[], assigneeId: string) => ({
  projectId,
  mode: "selection",
  householdIds,
  kind: KIND,
  dueDate: tomorrow,
  spread: "one",
  assigneeId,
});

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "create task, group A1 household": (actor) =>
    andRemove(createTask(actor, draft(A(), world.householdA1.id, world.actors.memberA1.userId))),
  "create task, group A2 household": (actor) => andRemove(createTask(actor, draft(A(), world.householdA2.id, memberA2))),
  "create task, project B household": (actor) => andRemove(createTask(actor, draft(B(), world.householdB.id, memberB))),
  "preview bulk tasks, group A1 household": (actor) =>
    previewBulkTasks(actor, bulk(A(), [world.householdA1.id], world.actors.memberA1.userId)),
  "bulk tasks, group A1 household": (actor) =>
    andRemove(bulkCreateTasks(actor, bulk(A(), [world.householdA1.id], world.actors.memberA1.userId))),
  "bulk tasks, group A2 household": (actor) => andRemove(bulkCreateTasks(actor, bulk(A(), [world.householdA2.id], memberA2))),
  "bulk tasks by filter, project B": (actor) =>
    andRemove(bulkCreateTasks(actor, { ...bulk(B(), [], memberB), mode: "filter", filter: "" })),
  "reassign task, group A1 household": (actor) =>
    withTask(world.householdA1.id, A(), world.actors.memberA1.userId, (id) =>
      reassignTasks(actor, { projectId: A(), mode: "tasks", tasks: `${id}:1`, toUserId: world.actors.leaderA1.userId }),
    ),
  "reassign task, group A2 household": (actor) =>
    withTask(world.householdA2.id, A(), memberA2, (id) =>
      reassignTasks(actor, { projectId: A(), mode: "tasks", tasks: `${id}:1`, toUserId: world.projectA.signingGroups[1]!.leaderId }),
    ),
  "reassign all of memberA1": (actor) =>
    withTask(world.householdA1.id, A(), world.actors.memberA1.userId, () =>
      reassignTasks(actor, {
        projectId: A(),
        mode: "person",
        fromUserId: world.actors.memberA1.userId,
        toUserId: world.actors.leaderA1.userId,
      }).finally(() => db().task.updateMany({ where: { id: taskA1 }, data: { assigneeId: world.actors.memberA1.userId } })),
    ),
  "cancel task, group A1 household": (actor) =>
    withTask(world.householdA1.id, A(), world.actors.memberA1.userId, (id) =>
      cancelTask(actor, { projectId: A(), taskId: id, version: 1, reason: "测试" }),
    ),
  "cancel task, group A2 household": (actor) =>
    withTask(world.householdA2.id, A(), memberA2, (id) => cancelTask(actor, { projectId: A(), taskId: id, version: 1, reason: "测试" })),
  "list tasks of project A": (actor) => listProjectTasks(actor, { projectId: A() }),
  "list tasks of project B": (actor) => listProjectTasks(actor, { projectId: B() }),
  "task of memberA1 (group A1)": (actor) => getTask(actor, { projectId: A(), taskId: taskA1 }),
  "task in group A2": (actor) => getTask(actor, { projectId: A(), taskId: taskA2 }),
  "task A1 under project B's id": (actor) => getTask(actor, { projectId: B(), taskId: taskA1 }),
  "caseload of project A": (actor) => getCaseload(actor, { projectId: A() }),
  "caseload of project B": (actor) => getCaseload(actor, { projectId: B() }),
  "export tasks of project A": (actor) => exportTasks(actor, { projectId: A() }),
  "export tasks of project B": (actor) => exportTasks(actor, { projectId: B() }),
  "assignees of project A": (actor) => listTaskAssignees(actor, { projectId: A() }),
};

/** Shorthand: the outcome of each role in ROLES order. */
function row(...outcomes: Outcome[]): Record<RoleName, Outcome> {
  return Object.fromEntries(ROLES.map((role, i) => [role, outcomes[i]!])) as Record<RoleName, Outcome>;
}
const F = "FORBIDDEN";
const N = "NOT_FOUND";

// districtOfficial, secretaryA, secretaryB, leaderA1, memberA1, staffWithoutRole, residentA1
const matrix: Record<string, Record<RoleName, Outcome>> = {
  "create task, group A1 household": row(F, "ok", N, "ok", F, F, F),
  "create task, group A2 household": row(F, "ok", N, N, F, F, F),
  "create task, project B household": row(F, N, "ok", N, F, F, F),
  "preview bulk tasks, group A1 household": row(F, "ok", N, "ok", F, F, F),
  "bulk tasks, group A1 household": row(F, "ok", N, "ok", F, F, F),
  "bulk tasks, group A2 household": row(F, "ok", N, N, F, F, F),
  "bulk tasks by filter, project B": row(F, N, "ok", N, F, F, F),
  "reassign task, group A1 household": row(F, "ok", N, "ok", F, F, F),
  "reassign task, group A2 household": row(F, "ok", N, N, F, F, F),
  "reassign all of memberA1": row(F, "ok", N, "ok", F, F, F),
  "cancel task, group A1 household": row(F, "ok", N, "ok", F, F, F),
  "cancel task, group A2 household": row(F, "ok", N, N, F, F, F),
  "list tasks of project A": row("ok", "ok", N, "ok", "ok", N, F),
  "list tasks of project B": row("ok", N, "ok", N, N, N, F),
  "task of memberA1 (group A1)": row("ok", "ok", N, "ok", "ok", N, F),
  "task in group A2": row("ok", "ok", N, N, N, N, F),
  "task A1 under project B's id": row(N, N, N, N, N, N, F),
  "caseload of project A": row("ok", "ok", N, "ok", F, F, F),
  "caseload of project B": row("ok", N, "ok", N, F, F, F),
  "export tasks of project A": row("ok", "ok", N, "ok", F, F, F),
  "export tasks of project B": row("ok", N, "ok", N, F, F, F),
  "assignees of project A": row(F, "ok", N, "ok", F, F, F),
};

describe("authorisation matrix: tasks", () => {
  for (const [useCase, expectations] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(expectations)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        expect(await outcomeOf(() => useCases[useCase]!(world.actors[role as RoleName]))).toBe(expected);
      });
    }
  }

  it("a member sees only their own tasks in the list", async () => {
    const list = await listProjectTasks(world.actors.memberA1, { projectId: A() });
    expect(list.rows.length).toBeGreaterThan(0);
    expect(list.rows.every((r) => r.assignee.id === world.actors.memberA1.userId)).toBe(true);
  });
});
