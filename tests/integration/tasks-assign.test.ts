// Visit tasks: creating one (assignee inside the group, due date, excluded and moved-out
// households, one unfinished task per kind), bulk creation by filter or selection (preview and
// skip counts, the round-robin spread, the 5,000 limit, all or nothing), reassigning with
// history and against a completion that got there first, cancelling, the caseload and the list.
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { addDays } from "@/lib/domain/progress";
import { AppError } from "@/lib/errors";
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
import { seedProject, seedUser, type SeededProject } from "../../prisma/seed/factories.ts";

let project: SeededProject;
let other: SeededProject;
let pid: string;
let secretary: Actor;
let leader1: Actor;
let group1: SeededProject["signingGroups"][number];
let group2: SeededProject["signingGroups"][number];
let g1Households: { id: string; code: string }[];
let g2Households: { id: string; code: string }[];
let specialMemberId: string;
let outsiderId: string;
let today: string;
let tomorrow: string;

beforeAll(async () => {
  project = await seedProject(db(), {
    households: 30,
    signingGroups: 2,
    signedShare: 0,
    excludedHouseholds: 0,
    specialGroups: ["POLICY_CONSULTATION"],
    activity: { visitsPerHousehold: 0, openTaskShare: 0, demandShare: 0 },
  });
  other = await seedProject(db(), {
    households: 4,
    signingGroups: 1,
    activity: { visitsPerHousehold: 0, openTaskShare: 0, demandShare: 0 },
  });
  pid = project.project.id;
  [group1, group2] = project.signingGroups as [typeof group1, typeof group2];
  secretary = (await loadActor(db(), project.secretaryId))!;
  leader1 = (await loadActor(db(), group1.leaderId))!;
  // Households split between the two groups: the first 20 by code to group 1, the rest to group 2.
  const all = await db().household.findMany({ where: { projectId: pid }, select: { id: true, code: true }, orderBy: { code: "asc" } });
  await db().household.updateMany({ where: { id: { in: all.slice(0, 20).map((h) => h.id) } }, data: { signingGroupId: group1.id } });
  await db().household.updateMany({ where: { id: { in: all.slice(20).map((h) => h.id) } }, data: { signingGroupId: group2.id } });
  g1Households = all.slice(0, 20);
  g2Households = all.slice(20);
  specialMemberId = project.specialGroups[0]!.leaderId;
  outsiderId = other.signingGroups[0]!.memberIds[0]!;
  today = taskToday();
  tomorrow = addDays(today, 1);
});

beforeEach(async () => {
  await db().task.deleteMany({ where: { projectId: pid } });
  await db().household.updateMany({ where: { projectId: pid }, data: { isExcluded: false, exclusionReason: null, movedOutAt: null } });
});

async function refusal(work: Promise<unknown>): Promise<{ code: string; fieldErrors?: Record<string, string[]> }> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AppError) return { code: error.code, fieldErrors: error.fieldErrors };
    throw error;
  }
  throw new Error("expected a refusal");
}

const one = (overrides: Record<string, unknown> = {}) => ({
  projectId: pid,
  householdId: g1Households[0]!.id,
  assigneeId: group1.memberIds[0]!,
  kind: "HOME_VISIT",
  dueDate: tomorrow,
  priority: "HIGH",
  note: "问一下老人的安置意向",
  ...overrides,
});

describe("createTask", () => {
  it("creates the task with its audit event; a second open task of the same kind is refused", async () => {
    const { id } = await createTask(secretary, one());
    const task = await db().task.findUniqueOrThrow({ where: { id } });
    expect(task).toMatchObject({
      householdId: g1Households[0]!.id,
      assigneeId: group1.memberIds[0],
      assignedById: secretary.userId,
      kind: "HOME_VISIT",
      priority: "HIGH",
      status: "OPEN",
      version: 1,
      note: "问一下老人的安置意向",
    });
    expect(task.dueDate.toISOString().slice(0, 10)).toBe(tomorrow);
    const events = await db().auditEvent.findMany({ where: { action: "create:task", entityId: id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: secretary.userId, entity: "task", projectId: pid });

    expect(await refusal(createTask(secretary, one()))).toEqual({
      code: "VALIDATION",
      fieldErrors: { kind: ["tasks.errors.alreadyOpen"] },
    });
    // Another kind is fine; so is the same kind once the first is done.
    await createTask(secretary, one({ kind: "PHONE_CALL" }));
    await db().task.update({ where: { id }, data: { status: "DONE", completedAt: new Date(), version: { increment: 1 } } });
    await createTask(secretary, one());
    expect(await db().task.count({ where: { householdId: g1Households[0]!.id } })).toBe(3);
  });

  it("a double submit of one form creates one task", async () => {
    const results = await Promise.allSettled([createTask(secretary, one()), createTask(secretary, one())]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).fieldErrors).toEqual({ kind: ["tasks.errors.alreadyOpen"] });
    expect(await db().task.count({ where: { householdId: g1Households[0]!.id } })).toBe(1);
  });

  it("refuses a due date before today, accepts today", async () => {
    expect(await refusal(createTask(secretary, one({ dueDate: addDays(today, -1) })))).toEqual({
      code: "VALIDATION",
      fieldErrors: { dueDate: ["tasks.errors.dueInPast"] },
    });
    await createTask(secretary, one({ dueDate: today }));
  });

  it("refuses excluded and moved-out households with the reason", async () => {
    await db().household.update({ where: { id: g1Households[1]!.id }, data: { isExcluded: true, exclusionReason: "公房代管" } });
    await db().household.update({ where: { id: g1Households[2]!.id }, data: { movedOutAt: new Date() } });
    expect(await refusal(createTask(secretary, one({ householdId: g1Households[1]!.id })))).toEqual({
      code: "VALIDATION",
      fieldErrors: { householdId: ["tasks.errors.householdExcluded"] },
    });
    expect(await refusal(createTask(secretary, one({ householdId: g1Households[2]!.id })))).toEqual({
      code: "VALIDATION",
      fieldErrors: { householdId: ["tasks.errors.householdMovedOut"] },
    });
    expect(await db().task.count({ where: { projectId: pid } })).toBe(0);
  });

  it("secretary: anyone in the project's groups (special groups too), nobody outside", async () => {
    await createTask(secretary, one({ assigneeId: specialMemberId }));
    await createTask(secretary, one({ householdId: g2Households[0]!.id, assigneeId: group2.leaderId }));
    expect(await refusal(createTask(secretary, one({ householdId: g1Households[3]!.id, assigneeId: outsiderId })))).toEqual({
      code: "VALIDATION",
      fieldErrors: { assigneeId: ["tasks.errors.assigneeOutside"] },
    });
    const loose = await seedUser(db(), { role: "STAFF" });
    expect((await refusal(createTask(secretary, one({ householdId: g1Households[3]!.id, assigneeId: loose.id })))).fieldErrors).toEqual({
      assigneeId: ["tasks.errors.assigneeOutside"],
    });
  });

  it("leader: only their group's households, only their group's people", async () => {
    await createTask(leader1, one({ assigneeId: group1.leaderId }));
    expect(await refusal(createTask(leader1, one({ householdId: g1Households[1]!.id, assigneeId: group2.memberIds[0]! })))).toEqual({
      code: "VALIDATION",
      fieldErrors: { assigneeId: ["tasks.errors.assigneeOutside"] },
    });
    expect(await refusal(createTask(leader1, one({ householdId: g2Households[0]!.id, assigneeId: group1.memberIds[0]! })))).toEqual({
      code: "NOT_FOUND",
      fieldErrors: undefined,
    });
  });

  it("offers as assignees exactly those the use cases accept", async () => {
    const forSecretary = (await listTaskAssignees(secretary, { projectId: pid })).assignees.map((a) => a.id);
    expect(forSecretary).toEqual(expect.arrayContaining([group1.leaderId, ...group1.memberIds, group2.leaderId, specialMemberId]));
    expect(forSecretary).not.toContain(outsiderId);
    const forLeader = (await listTaskAssignees(leader1, { projectId: pid })).assignees.map((a) => a.id);
    expect(forLeader.sort()).toEqual([group1.leaderId, ...group1.memberIds].sort());
  });

  it("refuses a note over 500 characters", async () => {
    expect(await refusal(createTask(secretary, one({ note: "字".repeat(501) })))).toEqual({
      code: "VALIDATION",
      fieldErrors: { note: ["validation.tooLong"] },
    });
  });
});

describe("bulkCreateTasks", () => {
  const bulk = (overrides: Record<string, unknown> = {}) => ({
    projectId: pid,
    mode: "filter",
    filter: `group=${group1.id}`,
    kind: "HOME_VISIT",
    dueDate: tomorrow,
    priority: "NORMAL",
    spread: "one",
    assigneeId: group1.memberIds[0]!,
    ...overrides,
  });

  it("previews and creates one task per household of the filter, skipping and counting open and ineligible ones", async () => {
    await createTask(secretary, one({ householdId: g1Households[0]!.id }));
    await createTask(secretary, one({ householdId: g1Households[1]!.id, kind: "PHONE_CALL" })); // another kind: not skipped
    await db().household.update({ where: { id: g1Households[2]!.id }, data: { isExcluded: true } });
    await db().household.update({ where: { id: g1Households[3]!.id }, data: { movedOutAt: new Date() } });

    const preview = await previewBulkTasks(secretary, bulk());
    expect(preview).toEqual({ willCreate: 17, skippedOpen: 1, skippedIneligible: 2 });
    expect(await db().task.count({ where: { projectId: pid } })).toBe(2);

    const result = await bulkCreateTasks(secretary, bulk());
    expect(result).toMatchObject({ created: 17, willCreate: 17, skippedOpen: 1, skippedIneligible: 2 });
    const created = await db().task.findMany({ where: { projectId: pid, kind: "HOME_VISIT", assignedById: secretary.userId } });
    expect(created).toHaveLength(18); // 17 + the one created before
    expect(new Set(created.map((t) => t.householdId)).size).toBe(18);
    expect(created.every((t) => g1Households.some((h) => h.id === t.householdId))).toBe(true);
    expect(await db().auditEvent.count({ where: { action: "create:task", entityId: { in: created.map((t) => t.id) } } })).toBe(18);
    // Run again: everything is skipped now, and nothing is written.
    expect(await previewBulkTasks(secretary, bulk())).toEqual({ willCreate: 0, skippedOpen: 18, skippedIneligible: 2 });
    expect(await refusal(bulkCreateTasks(secretary, bulk()))).toEqual({
      code: "VALIDATION",
      fieldErrors: { _form: ["tasks.errors.nothingToCreate"] },
    });
  });

  it("spreads round-robin over the chosen members, seeded with their open tasks (fewest first)", async () => {
    const [a, b] = group1.memberIds as [string, string];
    const c = group1.leaderId;
    // a has 2 open tasks in the project, b 1, c none.
    await createTask(secretary, one({ householdId: g2Households[0]!.id, assigneeId: a }));
    await createTask(secretary, one({ householdId: g2Households[1]!.id, assigneeId: a }));
    await createTask(secretary, one({ householdId: g2Households[2]!.id, assigneeId: b }));
    const result = await bulkCreateTasks(secretary, bulk({ spread: "spread", memberIds: [a, b, c], assigneeId: "" }));
    expect(result.created).toBe(20);
    // 20 new + 3 existing = 23 → loads 8/8/7 in the order a, b, c: a gets 6, b 7, c 7.
    expect(result.perAssignee.map((p) => [p.assigneeId, p.count])).toEqual([
      [a, 6],
      [b, 7],
      [c, 7],
    ]);
    // Households in code order: the first goes to c (0 open), the second to b (1 vs c's 1: b listed first).
    const firstTwo = await db().task.findMany({
      where: { householdId: { in: [g1Households[0]!.id, g1Households[1]!.id] } },
      select: { householdId: true, assigneeId: true },
    });
    expect(firstTwo.find((t) => t.householdId === g1Households[0]!.id)!.assigneeId).toBe(c);
    expect(firstTwo.find((t) => t.householdId === g1Households[1]!.id)!.assigneeId).toBe(b);
  });

  it("by selection: the ticked households only; one outside the scope is not found", async () => {
    const ticked = g1Households.slice(0, 3).map((h) => h.id);
    expect(await bulkCreateTasks(leader1, bulk({ mode: "selection", householdIds: ticked, filter: "" }))).toMatchObject({ created: 3 });
    expect(
      (await refusal(bulkCreateTasks(leader1, bulk({ mode: "selection", householdIds: [g1Households[5]!.id, g2Households[0]!.id] })))).code,
    ).toBe("NOT_FOUND");
    expect(await db().task.count({ where: { projectId: pid } })).toBe(3);
  });

  it("a leader's filter reaches only their group's households, and only their group's people", async () => {
    expect(await previewBulkTasks(leader1, bulk({ filter: "" }))).toEqual({ willCreate: 20, skippedOpen: 0, skippedIneligible: 0 });
    expect(await refusal(bulkCreateTasks(leader1, bulk({ filter: "", assigneeId: group2.memberIds[0]! })))).toEqual({
      code: "VALIDATION",
      fieldErrors: { assigneeId: ["tasks.errors.assigneeOutside"] },
    });
    expect(
      await refusal(bulkCreateTasks(leader1, bulk({ filter: "", spread: "spread", memberIds: [group1.memberIds[0]!, specialMemberId] }))),
    ).toEqual({ code: "VALIDATION", fieldErrors: { memberIds: ["tasks.errors.assigneeOutside"] } });
    expect(await db().task.count({ where: { projectId: pid } })).toBe(0);
  });

  it("refuses a past due date and an empty selection, writing nothing", async () => {
    expect((await refusal(bulkCreateTasks(secretary, bulk({ dueDate: addDays(today, -3) })))).fieldErrors).toEqual({
      dueDate: ["tasks.errors.dueInPast"],
    });
    expect((await refusal(bulkCreateTasks(secretary, bulk({ mode: "selection", householdIds: [] })))).fieldErrors).toEqual({
      householdIds: ["tasks.errors.selectHouseholds"],
    });
    expect(await db().task.count({ where: { projectId: pid } })).toBe(0);
  });
});

describe("bulk over 5,000 households", () => {
  it("is refused as a whole", async () => {
    const big = await seedProject(db(), {
      households: 5001,
      signingGroups: 1,
      signedShare: 0,
      excludedHouseholds: 0,
      activity: { visitsPerHousehold: 0, openTaskShare: 0, demandShare: 0 },
    });
    const bigSecretary = (await loadActor(db(), big.secretaryId))!;
    const input = {
      projectId: big.project.id,
      mode: "filter",
      filter: "",
      kind: "HOME_VISIT",
      dueDate: tomorrow,
      spread: "one",
      assigneeId: big.signingGroups[0]!.memberIds[0]!,
    };
    expect(await refusal(previewBulkTasks(bigSecretary, input))).toEqual({
      code: "VALIDATION",
      fieldErrors: { _form: ["tasks.errors.tooMany"] },
    });
    expect(await refusal(bulkCreateTasks(bigSecretary, input))).toEqual({
      code: "VALIDATION",
      fieldErrors: { _form: ["tasks.errors.tooMany"] },
    });
    expect(await db().task.count({ where: { projectId: big.project.id } })).toBe(0);
  }, 120_000);
});

describe("reassignTasks and cancelTask", () => {
  it("reassigns one task at the version read, keeping from, to, by and why; shown on the task", async () => {
    const { id } = await createTask(leader1, one());
    const result = await reassignTasks(leader1, {
      projectId: pid,
      mode: "tasks",
      tasks: `${id}:1`,
      toUserId: group1.memberIds[1]!,
      reason: "原执行人请假",
    });
    expect(result.reassigned).toBe(1);
    const task = await db().task.findUniqueOrThrow({ where: { id } });
    expect(task).toMatchObject({ assigneeId: group1.memberIds[1], version: 2 });
    const detail = await getTask(leader1, { projectId: pid, taskId: id });
    expect(detail.history).toHaveLength(1);
    expect(detail.history[0]).toMatchObject({ reason: "原执行人请假", by: leader1.name });
    const rows = await db().taskReassignment.findMany({ where: { taskId: id } });
    expect(rows).toEqual([
      expect.objectContaining({
        fromUserId: group1.memberIds[0],
        toUserId: group1.memberIds[1],
        byUserId: leader1.userId,
        reason: "原执行人请假",
      }),
    ]);
    expect(await db().auditEvent.count({ where: { action: "reassign:task", entityId: id } })).toBe(1);
    // The same form sent again carries the old version: a conflict, nothing written.
    expect(await refusal(reassignTasks(leader1, { projectId: pid, mode: "tasks", tasks: `${id}:1`, toUserId: group1.leaderId }))).toEqual({
      code: "CONFLICT",
      fieldErrors: { _form: ["tasks.errors.changedMeanwhile"] },
    });
    expect((await db().task.findUniqueOrThrow({ where: { id } })).assigneeId).toBe(group1.memberIds[1]);
  });

  it("reassigns all open tasks of a person in scope; done tasks and other people's stay", async () => {
    const [a, b] = group1.memberIds as [string, string];
    const t1 = await createTask(secretary, one({ householdId: g1Households[0]!.id, assigneeId: a }));
    const t2 = await createTask(secretary, one({ householdId: g1Households[1]!.id, assigneeId: a }));
    const done = await createTask(secretary, one({ householdId: g1Households[2]!.id, assigneeId: a }));
    await db().task.update({ where: { id: done.id }, data: { status: "DONE", completedAt: new Date(), version: { increment: 1 } } });
    const outOfLeaderScope = await createTask(secretary, one({ householdId: g2Households[0]!.id, assigneeId: a }));
    const kept = await createTask(secretary, one({ householdId: g1Households[3]!.id, assigneeId: b }));

    const result = await reassignTasks(leader1, { projectId: pid, mode: "person", fromUserId: a, toUserId: group1.leaderId, reason: "" });
    expect(result.reassigned).toBe(2);
    const now = await db().task.findMany({ where: { projectId: pid }, select: { id: true, assigneeId: true } });
    const assigneeOf = (id: string) => now.find((t) => t.id === id)!.assigneeId;
    expect(assigneeOf(t1.id)).toBe(group1.leaderId);
    expect(assigneeOf(t2.id)).toBe(group1.leaderId);
    expect(assigneeOf(done.id)).toBe(a);
    expect(assigneeOf(outOfLeaderScope.id)).toBe(a);
    expect(assigneeOf(kept.id)).toBe(b);
    expect(await db().taskReassignment.count({ where: { taskId: { in: [t1.id, t2.id] }, reason: null } })).toBe(2);
  });

  it("a task completed meanwhile makes the whole reassignment a conflict, nothing written", async () => {
    const t1 = await createTask(secretary, one({ householdId: g1Households[0]!.id }));
    const t2 = await createTask(secretary, one({ householdId: g1Households[1]!.id }));
    // The visit that completes t2 lands between the list being shown and the reassignment.
    await db().task.update({ where: { id: t2.id }, data: { status: "DONE", completedAt: new Date(), version: { increment: 1 } } });
    expect(
      await refusal(
        reassignTasks(secretary, { projectId: pid, mode: "tasks", tasks: [`${t1.id}:1`, `${t2.id}:1`], toUserId: group1.memberIds[1]! }),
      ),
    ).toEqual({ code: "CONFLICT", fieldErrors: { _form: ["tasks.errors.changedMeanwhile"] } });
    expect((await db().task.findUniqueOrThrow({ where: { id: t1.id } })).assigneeId).toBe(group1.memberIds[0]);
    expect(await db().taskReassignment.count({ where: { taskId: { in: [t1.id, t2.id] } } })).toBe(0);
  });

  it("reassign and complete at the same moment: exactly one wins", async () => {
    const t = await createTask(secretary, one());
    const complete = db().$executeRaw`
      UPDATE "Task" SET status = 'DONE', "completedAt" = now(), version = version + 1 WHERE id = ${t.id}::uuid AND version = 1`;
    const reassign = reassignTasks(secretary, { projectId: pid, mode: "tasks", tasks: `${t.id}:1`, toUserId: group1.memberIds[1]! });
    const [completed, reassigned] = await Promise.allSettled([complete, reassign]);
    const completedWon = completed.status === "fulfilled" && completed.value === 1;
    const reassignWon = reassigned.status === "fulfilled";
    expect(completedWon !== reassignWon).toBe(true);
    const task = await db().task.findUniqueOrThrow({ where: { id: t.id } });
    expect(task.version).toBe(2);
    if (reassignWon) expect(task).toMatchObject({ status: "OPEN", assigneeId: group1.memberIds[1] });
    else {
      expect(task).toMatchObject({ status: "DONE", assigneeId: group1.memberIds[0] });
      expect(((reassigned as PromiseRejectedResult).reason as AppError).code).toBe("CONFLICT");
    }
  });

  it("refuses an assignee outside the group and the same assignee", async () => {
    const t = await createTask(leader1, one());
    expect(
      await refusal(reassignTasks(leader1, { projectId: pid, mode: "tasks", tasks: `${t.id}:1`, toUserId: group2.memberIds[0]! })),
    ).toEqual({ code: "VALIDATION", fieldErrors: { toUserId: ["tasks.errors.assigneeOutside"] } });
    expect(
      await refusal(reassignTasks(leader1, { projectId: pid, mode: "tasks", tasks: `${t.id}:1`, toUserId: group1.memberIds[0]! })),
    ).toEqual({ code: "VALIDATION", fieldErrors: { toUserId: ["tasks.errors.sameAssignee"] } });
  });

  it("cancels with a reason at the version read; without a reason or after a change it is refused", async () => {
    const t = await createTask(secretary, one());
    expect(await refusal(cancelTask(secretary, { projectId: pid, taskId: t.id, version: 1, reason: "  " }))).toEqual({
      code: "VALIDATION",
      fieldErrors: { reason: ["tasks.errors.reasonRequired"] },
    });
    await cancelTask(secretary, { projectId: pid, taskId: t.id, version: 1, reason: "该户已由专项小组对接" });
    const task = await db().task.findUniqueOrThrow({ where: { id: t.id } });
    expect(task).toMatchObject({ status: "CANCELLED", cancelReason: "该户已由专项小组对接", version: 2 });
    expect(task.cancelledAt).not.toBeNull();
    expect(await db().auditEvent.count({ where: { action: "cancel:task", entityId: t.id } })).toBe(1);
    expect((await refusal(cancelTask(secretary, { projectId: pid, taskId: t.id, version: 2, reason: "再取消" }))).code).toBe("CONFLICT");
  });
});

describe("caseload, list and export", () => {
  it("counts open, due today, overdue and done in 7 days per member; a leader sees only their group", async () => {
    const [a, b] = group1.memberIds as [string, string];
    await createTask(secretary, one({ householdId: g1Households[0]!.id, assigneeId: a, dueDate: today }));
    const late = await createTask(secretary, one({ householdId: g1Households[1]!.id, assigneeId: a }));
    await db().task.update({ where: { id: late.id }, data: { dueDate: new Date(`${addDays(today, -2)}T00:00:00Z`) } });
    await createTask(secretary, one({ householdId: g1Households[2]!.id, assigneeId: a }));
    const done = await createTask(secretary, one({ householdId: g1Households[3]!.id, assigneeId: b }));
    await db().task.update({ where: { id: done.id }, data: { status: "DONE", completedAt: new Date(), version: 2 } });
    const longAgo = await createTask(secretary, one({ householdId: g1Households[4]!.id, assigneeId: b }));
    await db().task.update({ where: { id: longAgo.id }, data: { status: "DONE", completedAt: new Date(Date.now() - 8 * 86_400_000) } });
    await createTask(secretary, one({ householdId: g2Households[0]!.id, assigneeId: a }));

    const project = await getCaseload(secretary, { projectId: pid });
    expect(project.scope).toBe("project");
    expect(project.rows.find((r) => r.userId === a)).toMatchObject({ open: 4, dueToday: 1, overdue: 1, doneLast7Days: 0 });
    expect(project.rows.find((r) => r.userId === b)).toMatchObject({ open: 0, dueToday: 0, overdue: 0, doneLast7Days: 1 });
    expect(project.rows.some((r) => r.userId === specialMemberId)).toBe(true);
    expect(project.rows[0]!.userId).toBe(a); // most overdue first

    const group = await getCaseload(leader1, { projectId: pid });
    expect(group.scope).toBe("group");
    expect(group.rows.map((r) => r.userId).sort()).toEqual([group1.leaderId, ...group1.memberIds].sort());
    // The task on group 2's household is outside the leader's view.
    expect(group.rows.find((r) => r.userId === a)).toMatchObject({ open: 3, overdue: 1 });
  });

  it("lists overdue first, filters, and exports the same tasks", async () => {
    const [a, b] = group1.memberIds as [string, string];
    const soon = await createTask(secretary, one({ householdId: g1Households[0]!.id, assigneeId: a, dueDate: today }));
    const late = await createTask(secretary, one({ householdId: g1Households[1]!.id, assigneeId: b, kind: "MEDIATION" }));
    await db().task.update({ where: { id: late.id }, data: { dueDate: new Date(`${addDays(today, -1)}T00:00:00Z`) } });
    await createTask(secretary, one({ householdId: g2Households[0]!.id, assigneeId: a }));

    const list = await listProjectTasks(secretary, { projectId: pid });
    expect(list.total).toBe(3);
    expect(list.rows[0]).toMatchObject({ id: late.id, overdue: true });
    expect(list.rows[1]).toMatchObject({ id: soon.id, overdue: false });
    expect((await listProjectTasks(secretary, { projectId: pid, overdue: "1" })).rows.map((r) => r.id)).toEqual([late.id]);
    expect((await listProjectTasks(secretary, { projectId: pid, assignee: a })).total).toBe(2);
    expect((await listProjectTasks(secretary, { projectId: pid, kind: "MEDIATION" })).total).toBe(1);
    expect((await listProjectTasks(secretary, { projectId: pid, group: group2.id })).total).toBe(1);
    expect((await listProjectTasks(leader1, { projectId: pid })).total).toBe(2);

    const file = await exportTasks(secretary, { projectId: pid, assignee: a, language: "zh" });
    expect(file.count).toBe(2);
    expect(file.body.byteLength).toBeGreaterThan(0);
  });
});
