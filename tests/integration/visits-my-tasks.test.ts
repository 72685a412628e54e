// A member's task list (我的任务): only their own open tasks, overdue first, then due today, then
// upcoming, the most urgent first within a day; and the household page's timeline telling the
// tasks and demands of the household next to its visits.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { calendarDayOf, wallClockOf } from "@/lib/domain/calendar-day";
import { getHousehold } from "@/lib/server/households/get-household";
import { hasOpenTasks } from "@/lib/server/visits/has-open-tasks";
import { listMyTasks } from "@/lib/server/visits/list-my-tasks";
import { AppError } from "@/lib/errors";
import { cancelTask } from "@/lib/server/tasks/cancel-task";
import { reassignTasks } from "@/lib/server/tasks/reassign-tasks";
import { logVisit } from "@/lib/server/visits/log-visit";
import { seedProject, type SeededProject } from "../../prisma/seed/factories.ts";

const ZONE = "Asia/Shanghai";
const DAY = 24 * 60 * 60 * 1000;
let project: SeededProject;
let member: Actor;
let otherMember: Actor;
let leader: Actor;
let households: { id: string; code: string; headName: string; address: string }[];

/** A calendar day `offset` days from today (Shanghai), as a @db.Date value. */
function day(offset: number): Date {
  return new Date(`${calendarDayOf(new Date(Date.now() + offset * DAY), ZONE)}T00:00:00Z`);
}

beforeAll(async () => {
  project = await seedProject(db(), {
    households: 10,
    signingGroups: 1,
    signedShare: 0,
    specialGroups: ["POLICY_CONSULTATION"],
    activity: { visitsPerHousehold: 0, openTaskShare: 0, demandShare: 0 },
  });
  const group = project.signingGroups[0]!;
  households = await db().household.findMany({
    where: { signingGroupId: group.id },
    select: { id: true, code: true, headName: true, address: true },
    orderBy: { code: "asc" },
  });
  member = (await loadActor(db(), group.memberIds[0]!))!;
  otherMember = (await loadActor(db(), group.memberIds[1]!))!;
  leader = (await loadActor(db(), group.leaderId))!;
  const task = (householdIndex: number, assigneeId: string, dueOffset: number, extra: object = {}) => ({
    projectId: project.project.id,
    householdId: households[householdIndex]!.id,
    assigneeId,
    kind: "HOME_VISIT" as const,
    dueDate: day(dueOffset),
    ...extra,
  });
  await db().task.createMany({
    data: [
      task(0, member.userId, 3, { note: "upcoming" }),
      task(1, member.userId, 0, { note: "today normal" }),
      task(2, member.userId, -2, { note: "overdue 2", status: "IN_PROGRESS" }),
      task(3, member.userId, 0, { note: "today urgent", priority: "URGENT" }),
      task(4, member.userId, -5, { note: "done", status: "DONE", completedAt: new Date() }),
      task(5, member.userId, -1, { note: "cancelled", status: "CANCELLED", cancelReason: "户主外出", cancelledAt: new Date() }),
      task(6, otherMember.userId, -3, { note: "someone else's" }),
    ],
  });
});

describe("listMyTasks", () => {
  it("lists only the actor's open tasks: overdue first, then today (urgent first), then upcoming", async () => {
    const mine = await listMyTasks(member);
    expect(mine.tasks.map((t) => t.note)).toEqual(["overdue 2", "today urgent", "today normal", "upcoming"]);
    expect(mine.tasks.map((t) => t.bucket)).toEqual(["overdue", "today", "today", "upcoming"]);
    expect(mine.counts).toEqual({ overdue: 1, today: 2, upcoming: 1 });
    expect(mine.tasks[0]).toMatchObject({
      overdueDays: 2,
      status: "IN_PROGRESS",
      household: households[2],
      project: { id: project.project.id },
    });
    expect(mine.tasks[1]!.priority).toBe("URGENT");
  });

  it("is empty for someone with no open task, who then does not land on it", async () => {
    expect((await listMyTasks(leader)).tasks).toEqual([]);
    expect(await hasOpenTasks(leader)).toBe(false);
    expect(await hasOpenTasks(member)).toBe(true);
  });

  it("drops a task once a visit closes it", async () => {
    const today = (await listMyTasks(otherMember)).tasks[0]!;
    await logVisit(otherMember, {
      projectId: project.project.id,
      householdId: today.household.id,
      clientKey: randomUUID(),
      taskId: today.id,
      taskVersion: today.version,
      visitedAt: wallClockOf(new Date(Date.now() - 10 * 60_000), ZONE),
      channel: "DOOR",
      summary: "户主同意下周来签约",
      attitude: "SUPPORTIVE",
    });
    expect((await listMyTasks(otherMember)).tasks).toEqual([]);
  });
});

describe("the household's timeline", () => {
  it("tells the task assigned, the visit that closed it (with who went along), the demand raised, the follow-up task", async () => {
    const h = households[8]!;
    const task = await db().task.create({
      data: { projectId: project.project.id, householdId: h.id, assigneeId: member.userId, kind: "MEDIATION", dueDate: day(1) },
    });
    const result = await logVisit(member, {
      projectId: project.project.id,
      householdId: h.id,
      clientKey: randomUUID(),
      taskId: task.id,
      taskVersion: task.version,
      visitedAt: wallClockOf(new Date(Date.now() - 5 * 60_000), ZONE),
      channel: "DOOR",
      summary: "兄妹对分配有分歧",
      attitude: "OPPOSED",
      participantIds: [otherMember.userId],
      followUpKind: "POLICY_BRIEFING",
      followUpDueDate: calendarDayOf(new Date(Date.now() + 2 * DAY), ZONE),
      demands: [{ category: "POLICY_QUESTION", description: "想了解公房承租人的补偿比例" }],
    });
    const detail = await getHousehold(leader, { projectId: project.project.id, householdId: h.id });
    const audit = detail.timeline.filter((e) => e.kind === "audit");
    expect(audit.map((e) => e.action).sort()).toEqual(["complete:task", "create:task", "raise:demand"]);
    const followUp = audit.find((e) => e.action === "create:task")!;
    expect(followUp).toMatchObject({ entity: "task", actorName: member.name });
    expect(followUp.names).toEqual({ [member.userId]: member.name });
    const demand = audit.find((e) => e.action === "raise:demand")!;
    expect(demand.after).toMatchObject({
      category: "POLICY_QUESTION",
      groupName: project.specialGroups[0]!.name,
      visitLogId: result.visitId,
    });

    const visit = detail.timeline.find((e) => e.kind === "visit")!;
    expect(visit).toMatchObject({
      attitude: "OPPOSED",
      participantNames: [otherMember.name],
      taskKind: "MEDIATION",
      actorName: member.name,
    });
  });
});

describe("a task reassigned or cancelled while the member's form is open", () => {
  it("refuses the member's visit against it (CONFLICT), and the timeline tells both, with names and the reason", async () => {
    const h = households[9]!;
    const task = await db().task.create({
      data: { projectId: project.project.id, householdId: h.id, assigneeId: member.userId, kind: "HOME_VISIT", dueDate: day(0) },
    });
    const staleForm = {
      projectId: project.project.id,
      householdId: h.id,
      clientKey: randomUUID(),
      taskId: task.id,
      taskVersion: task.version,
      visitedAt: wallClockOf(new Date(Date.now() - 60_000), ZONE),
      channel: "DOOR",
      summary: "上门未遇",
    };
    await reassignTasks(leader, {
      projectId: project.project.id,
      mode: "tasks",
      tasks: `${task.id}:${task.version}`,
      toUserId: otherMember.userId,
      reason: "组员请假",
    });
    // The household left the member's scope with the task; they still hear that the task changed.
    const refused = await logVisit(member, staleForm).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe("CONFLICT");
    await cancelTask(leader, { projectId: project.project.id, taskId: task.id, version: task.version + 1, reason: "户主住院" });
    expect(await db().visitLog.count({ where: { householdId: h.id } })).toBe(0);

    const audit = (await getHousehold(leader, { projectId: project.project.id, householdId: h.id })).timeline.filter(
      (e) => e.kind === "audit",
    );
    const reassigned = audit.find((e) => e.action === "reassign:task")!;
    expect(reassigned.names).toEqual({ [member.userId]: member.name, [otherMember.userId]: otherMember.name });
    expect(reassigned.after).toMatchObject({ reason: "组员请假" });
    expect(audit.find((e) => e.action === "cancel:task")!.after).toMatchObject({ status: "CANCELLED", reason: "户主住院" });
  });
});
