// Logging a visit (一本日志): the task it answers closes at the form's version, a follow-up task
// and the demands raised come in the same transaction, a resend with the same form key (one after
// the other, or both at once) writes one visit, and a failing part leaves nothing written.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { calendarDayOf, wallClockOf } from "@/lib/domain/calendar-day";
import { AppError } from "@/lib/errors";
import { logVisit } from "@/lib/server/visits/log-visit";
import { seedProject, seedUser, type SeededProject } from "../../prisma/seed/factories.ts";

const ZONE = "Asia/Shanghai";
let project: SeededProject;
let member: Actor;
let otherMember: Actor;
let leader: Actor;
let households: { id: string; code: string }[];
let nextHousehold = 0;

beforeAll(async () => {
  project = await seedProject(db(), {
    households: 24,
    signingGroups: 2,
    signedShare: 0,
    excludedHouseholds: 0,
    specialGroups: ["POLICY_CONSULTATION", "PAIRING_ASSISTANCE"],
    activity: { visitsPerHousehold: 0, openTaskShare: 0, demandShare: 0 },
  });
  const group = project.signingGroups[0]!;
  households = await db().household.findMany({
    where: { signingGroupId: group.id, movedOutAt: null, isExcluded: false },
    select: { id: true, code: true },
    orderBy: { code: "asc" },
  });
  member = (await loadActor(db(), group.memberIds[0]!))!;
  otherMember = (await loadActor(db(), group.memberIds[1]!))!;
  leader = (await loadActor(db(), group.leaderId))!;
});

/** A household of group 1 no other test has used. */
function freshHousehold(): { id: string; code: string } {
  const h = households[nextHousehold++];
  if (!h) throw new Error("out of test households");
  return h;
}

async function openTask(householdId: string, assigneeId: string) {
  return db().task.create({
    data: { projectId: project.project.id, householdId, assigneeId, kind: "HOME_VISIT", dueDate: new Date() },
    select: { id: true, version: true },
  });
}

function now(offsetMinutes = 0): string {
  return wallClockOf(new Date(Date.now() + offsetMinutes * 60_000), ZONE);
}

function tomorrow(): string {
  return calendarDayOf(new Date(Date.now() + 24 * 60 * 60 * 1000), ZONE);
}

function form(householdId: string, extra: Record<string, unknown> = {}) {
  return {
    projectId: project.project.id,
    householdId,
    clientKey: randomUUID(),
    visitedAt: now(-30),
    channel: "DOOR",
    summary: "  居民关心安置房源的楼层和交付时间。 ",
    attitude: "HESITANT",
    nextStep: "下周带房源图再去一次",
    ...extra,
  };
}

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function visitsOf(householdId: string) {
  return db().visitLog.findMany({ where: { householdId }, select: { id: true, taskId: true } });
}

describe("logVisit", () => {
  it("writes the visit with its companions, closes the task, adds the follow-up task and the demands, each audited", async () => {
    const h = freshHousehold();
    const task = await openTask(h.id, member.userId);
    const result = await logVisit(member, {
      ...form(h.id),
      taskId: task.id,
      taskVersion: String(task.version),
      participantIds: [otherMember.userId],
      followUpKind: "POLICY_BRIEFING",
      followUpDueDate: tomorrow(),
      followUpNote: "带上补偿方案",
      // As the form posts them: repeated fields, an empty row left out.
      demandCategory: ["HARDSHIP", ""],
      demandDescription: ["老人行动不便，希望安排低楼层", ""],
      demandGroupId: ["", ""],
    });
    expect(result).toMatchObject({ householdId: h.id, code: h.code, closedTaskId: task.id, alreadyRecorded: false });

    const visit = await db().visitLog.findUniqueOrThrow({
      where: { id: result.visitId },
      include: { participants: true, demands: true },
    });
    expect(visit).toMatchObject({
      authorId: member.userId,
      taskId: task.id,
      channel: "DOOR",
      summary: "居民关心安置房源的楼层和交付时间。",
      attitude: "HESITANT",
      nextStep: "下周带房源图再去一次",
    });
    expect(visit.participants.map((p) => p.userId)).toEqual([otherMember.userId]);

    const closed = await db().task.findUniqueOrThrow({ where: { id: task.id } });
    expect(closed.status).toBe("DONE");
    expect(closed.completedAt).not.toBeNull();
    expect(closed.version).toBe(task.version + 1);

    const followUp = await db().task.findUniqueOrThrow({ where: { id: result.followUpTaskId! } });
    expect(followUp).toMatchObject({
      householdId: h.id,
      assigneeId: member.userId,
      assignedById: member.userId,
      kind: "POLICY_BRIEFING",
      status: "OPEN",
      note: "带上补偿方案",
    });
    expect(followUp.dueDate.toISOString().slice(0, 10)).toBe(tomorrow());

    expect(visit.demands).toHaveLength(1);
    const pairing = project.specialGroups.find((g) => g.specialty === "PAIRING_ASSISTANCE")!;
    expect(visit.demands[0]).toMatchObject({
      id: result.demandIds[0],
      category: "HARDSHIP",
      householdId: h.id,
      routedGroupId: pairing.id,
      raisedById: member.userId,
      status: "OPEN",
    });

    const events = await db().auditEvent.findMany({
      where: { entityId: { in: [visit.id, task.id, followUp.id, visit.demands[0]!.id] } },
      select: { action: true, entityId: true },
    });
    expect(events.map((e) => e.action).sort()).toEqual(["complete:task", "create:task", "raise:demand", "record:visit"]);
  });

  it("logs a visit on its own, without a task, and leaves the household's tasks as they were", async () => {
    const h = freshHousehold();
    const task = await openTask(h.id, member.userId);
    const result = await logVisit(member, form(h.id, { channel: "PHONE", attitude: "" }));
    expect(result.closedTaskId).toBeNull();
    expect(result.followUpTaskId).toBeNull();
    expect(result.demandIds).toEqual([]);
    const visit = await db().visitLog.findUniqueOrThrow({ where: { id: result.visitId } });
    expect(visit).toMatchObject({ taskId: null, channel: "PHONE", attitude: null });
    expect((await db().task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("OPEN");
  });

  it("refuses a visit in the future or more than 30 days back, and a summary that is missing or too long", async () => {
    const h = freshHousehold();
    await openTask(h.id, member.userId);
    const future = await refusal(logVisit(member, form(h.id, { visitedAt: now(60) })));
    expect(future.code).toBe("VALIDATION");
    expect(future.fieldErrors).toEqual({ visitedAt: ["visits.errors.inFuture"] });

    const old = await refusal(logVisit(member, form(h.id, { visitedAt: now(-31 * 24 * 60) })));
    expect(old.fieldErrors).toEqual({ visitedAt: ["visits.errors.tooOld"] });

    const empty = await refusal(logVisit(member, form(h.id, { summary: "   " })));
    expect(empty.fieldErrors?.summary).toEqual(["validation.required"]);
    const long = await refusal(logVisit(member, form(h.id, { summary: "访".repeat(2001), nextStep: "步".repeat(501) })));
    expect(long.fieldErrors?.summary).toEqual(["validation.tooLong"]);
    expect(long.fieldErrors?.nextStep).toEqual(["validation.tooLong"]);

    const noChannel = await refusal(logVisit(member, form(h.id, { channel: "" })));
    expect(noChannel.fieldErrors?.channel).toEqual(["visits.errors.chooseChannel"]);
    expect(await visitsOf(h.id)).toEqual([]);
  });

  it("refuses a follow-up due before today or without its kind", async () => {
    const h = freshHousehold();
    await openTask(h.id, member.userId);
    const yesterday = calendarDayOf(new Date(Date.now() - 24 * 60 * 60 * 1000), ZONE);
    const past = await refusal(logVisit(member, form(h.id, { followUpKind: "HOME_VISIT", followUpDueDate: yesterday })));
    expect(past.fieldErrors?.followUpDueDate).toEqual(["tasks.errors.dueInPast"]);
    const noKind = await refusal(logVisit(member, form(h.id, { followUpDueDate: tomorrow() })));
    expect(noKind.fieldErrors?.followUpKind).toEqual(["visits.errors.followUpDue"]);
    expect(await visitsOf(h.id)).toEqual([]);
  });

  it("refuses companions who are not staff of the project", async () => {
    const h = freshHousehold();
    await openTask(h.id, member.userId);
    const stranger = await seedUser(db(), { role: "STAFF" });
    const error = await refusal(logVisit(member, form(h.id, { participantIds: [otherMember.userId, stranger.id] })));
    expect(error.fieldErrors).toEqual({ participantIds: ["visits.errors.participant"] });
    expect(await visitsOf(h.id)).toEqual([]);
  });

  it("is CONFLICT, writing nothing, when the task was reassigned (its version moved) or cancelled meanwhile", async () => {
    const h = freshHousehold();
    const task = await openTask(h.id, member.userId);
    // What a reassignment does to the row while the member's form is open.
    await db().task.update({ where: { id: task.id }, data: { version: { increment: 1 } } });
    const stale = await refusal(logVisit(member, { ...form(h.id), taskId: task.id, taskVersion: task.version }));
    expect(stale.code).toBe("CONFLICT");
    expect(stale.fieldErrors).toEqual({ _form: ["visits.errors.taskChanged"] });

    await db().task.update({ where: { id: task.id }, data: { status: "CANCELLED", cancelReason: "户主住院", version: { increment: 1 } } });
    const cancelled = await refusal(logVisit(member, { ...form(h.id), taskId: task.id, taskVersion: task.version + 2 }));
    expect(cancelled.code).toBe("CONFLICT");

    expect(await visitsOf(h.id)).toEqual([]);
    expect(await db().auditEvent.count({ where: { entity: "task", entityId: task.id } })).toBe(0);
  });

  it("does not let a member close another member's task: NOT_FOUND; the leader may close it", async () => {
    const h = freshHousehold();
    await openTask(h.id, member.userId);
    const theirs = await openTask(h.id, otherMember.userId);
    const error = await refusal(logVisit(member, { ...form(h.id), taskId: theirs.id, taskVersion: theirs.version }));
    expect(error.code).toBe("NOT_FOUND");
    const result = await logVisit(leader, { ...form(h.id), taskId: theirs.id, taskVersion: theirs.version });
    expect(result.closedTaskId).toBe(theirs.id);
  });

  it("returns the visit already written when the same form is sent again: one visit, one task close", async () => {
    const h = freshHousehold();
    const task = await openTask(h.id, member.userId);
    const sent = {
      ...form(h.id),
      taskId: task.id,
      taskVersion: task.version,
      demandCategory: "POLICY_QUESTION",
      demandDescription: "过渡费怎么算",
    };
    const first = await logVisit(member, sent);
    const again = await logVisit(member, sent);
    expect(again).toEqual({ ...first, alreadyRecorded: true });
    expect(await visitsOf(h.id)).toHaveLength(1);
    expect(await db().demand.count({ where: { householdId: h.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entity: "task", entityId: task.id, action: "complete:task" } })).toBe(1);
  });

  it("writes one visit when the same form arrives twice at once", async () => {
    const h = freshHousehold();
    const task = await openTask(h.id, member.userId);
    const sent = { ...form(h.id), taskId: task.id, taskVersion: task.version, followUpKind: "HOME_VISIT", followUpDueDate: tomorrow() };
    const [a, b] = await Promise.all([logVisit(member, sent), logVisit(member, sent)]);
    expect(a.visitId).toBe(b.visitId);
    expect([a.alreadyRecorded, b.alreadyRecorded].sort()).toEqual([false, true]);
    expect(await visitsOf(h.id)).toHaveLength(1);
    expect(await db().task.count({ where: { householdId: h.id, status: "OPEN" } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entity: "task", entityId: task.id, action: "complete:task" } })).toBe(1);
  });

  it("lets only one of two different forms close the same task at once; the other is CONFLICT", async () => {
    const h = freshHousehold();
    const task = await openTask(h.id, member.userId);
    const outcomes = await Promise.allSettled([
      logVisit(member, { ...form(h.id), taskId: task.id, taskVersion: task.version }),
      logVisit(leader, { ...form(h.id), taskId: task.id, taskVersion: task.version }),
    ]);
    const fulfilled = outcomes.filter((o) => o.status === "fulfilled");
    const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0]!.reason as AppError).code).toBe("CONFLICT");
    expect(await visitsOf(h.id)).toHaveLength(1);
  });

  it("leaves nothing half-written when a demand is refused: no visit, no task closed, no follow-up, no event", async () => {
    const h = freshHousehold();
    const task = await openTask(h.id, member.userId);
    const eventsBefore = await db().auditEvent.count();
    // A signing group is no special group: insertDemands refuses it after the visit, the task
    // close and the follow-up were written inside the transaction.
    const error = await refusal(
      logVisit(member, {
        ...form(h.id),
        taskId: task.id,
        taskVersion: task.version,
        followUpKind: "HOME_VISIT",
        followUpDueDate: tomorrow(),
        demands: [{ category: "OTHER", description: "楼道灯坏了", routedGroupId: project.signingGroups[1]!.id }],
      }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ routedGroupId: ["demands.errors.groupOutside"] });
    expect(await visitsOf(h.id)).toEqual([]);
    expect(await db().task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "OPEN", version: task.version });
    expect(await db().task.count({ where: { householdId: h.id } })).toBe(1);
    expect(await db().demand.count({ where: { householdId: h.id } })).toBe(0);
    expect(await db().auditEvent.count()).toBe(eventsBefore);
  });

  it("refuses a follow-up task for a household that moved out, with the reason", async () => {
    const h = freshHousehold();
    await openTask(h.id, member.userId);
    await db().household.update({ where: { id: h.id }, data: { movedOutAt: new Date() } });
    const error = await refusal(logVisit(member, form(h.id, { followUpKind: "HOME_VISIT", followUpDueDate: tomorrow() })));
    expect(error.fieldErrors).toEqual({ householdId: ["tasks.errors.householdMovedOut"] });
    expect(await visitsOf(h.id)).toEqual([]);
  });
});
