// The coverage view (五必访) against real rows: the "older than its rule" boundary on calendar days
// of the deployment's zone, the stricter rule winning, which households no rule covers, the
// buckets of how long overdue, and that the view's due count and its unassigned queue equal the
// household list's drill-downs (coverage=due, openTask=no) — for the project and for each group.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { calendarDayOf, instantFromWallClock } from "@/lib/domain/calendar-day";
import { addDays } from "@/lib/domain/progress";
import { AppError } from "@/lib/errors";
import { getCoverage } from "@/lib/server/coverage/get-coverage";
import { updateCoverageRules } from "@/lib/server/coverage/update-coverage-rules";
import { exportHouseholds } from "@/lib/server/households/export-households";
import { listHouseholds } from "@/lib/server/households/list-households";
import { seedProject, type SeededProject } from "../../prisma/seed/factories.ts";

const ZONE = "Asia/Shanghai";
let project: SeededProject;
let secretary: Actor;
let leader1: Actor;
let today: string;
/** Named households of the scenario, all of signing group 1. */
const h: Record<string, string> = {};

/** The instant of a wall-clock time `daysAgo` calendar days before today in the zone. */
function at(daysAgo: number, time = "12:00"): Date {
  return instantFromWallClock(`${addDays(today, -daysAgo)}T${time}`, ZONE)!;
}

async function visit(householdId: string, visitedAt: Date, attitude: "SUPPORTIVE" | "HESITANT" | "OPPOSED" | null = null) {
  await db().visitLog.create({
    data: { projectId: project.project.id, householdId, visitedAt, channel: "DOOR", summary: "走访", attitude },
  });
}

async function listCount(actor: Actor, query: Record<string, string>): Promise<number> {
  return (await listHouseholds(actor, { projectId: project.project.id, ...query })).total;
}

beforeAll(async () => {
  project = await seedProject(db(), {
    households: 40,
    signingGroups: 2,
    signedShare: 0.4,
    excludedHouseholds: 0,
    activity: { visitsPerHousehold: 0, receptionVisits: 0, openTaskShare: 0, demandShare: 0 },
  });
  const projectId = project.project.id;
  secretary = (await loadActor(db(), project.secretaryId))!;
  leader1 = (await loadActor(db(), project.signingGroups[0]!.leaderId))!;
  today = calendarDayOf(new Date(), ZONE);

  // A known start: no flags, nobody excluded, no visits, no tasks; every household in a group.
  await db().visitLog.deleteMany({ where: { projectId } });
  await db().task.deleteMany({ where: { projectId } });
  await db().household.updateMany({
    where: { projectId },
    data: { isHardship: false, isElderlySickDisabled: false, hasFamilyDispute: false, isExcluded: false },
  });
  const [g1, g2] = project.signingGroups;
  const all = await db().household.findMany({
    where: { projectId },
    select: { id: true, signing: { select: { id: true } } },
    orderBy: { code: "asc" },
  });
  for (const [i, row] of all.entries()) {
    await db().household.update({ where: { id: row.id }, data: { signingGroupId: i % 2 === 0 ? g1!.id : g2!.id } });
  }
  const group1 = all.filter((_, i) => i % 2 === 0);
  const unsigned = group1.filter((r) => !r.signing).map((r) => r.id);
  const signed = group1.filter((r) => r.signing).map((r) => r.id);
  expect(unsigned.length).toBeGreaterThanOrEqual(8);
  expect(signed.length).toBeGreaterThanOrEqual(2);
  // Everyone else was visited yesterday: within any rule.
  for (const row of all) await visit(row.id, at(1));

  Object.assign(h, {
    // Unsigned, 14-day rule: the day boundary in the zone.
    u0: unsigned[0], // first thing on the day 14 days ago: within
    u1: unsigned[1], // last minute of the day 15 days ago: due, 1 day over
    u2: unsigned[2], // never visited: due
    u3: unsigned[3], // unsigned hardship (7 days wins): 10 days ago, due 3 days over
    u4: unsigned[4], // unsigned hardship: 7 days ago, within
    u5: unsigned[5], // unsigned: 24 days ago, due 10 days over
    s0: signed[0], // signed, elderly/sick/disabled: 8 days ago, due 1 day over
    s1: signed[1], // signed, no flag: never visited, under no rule
    e0: unsigned[6], // excluded, no flag: never visited, under no rule
    e1: unsigned[7], // excluded with a family dispute: 30 days ago, due 23 days over
  });
  const only = async (id: string, when: Date | null) => {
    await db().visitLog.deleteMany({ where: { householdId: id } });
    if (when) await visit(id, when);
  };
  await only(h.u0!, at(14, "00:00"));
  await only(h.u1!, at(15, "23:59"));
  await only(h.u2!, null);
  await only(h.u3!, at(10));
  await only(h.u4!, at(7));
  await only(h.u5!, at(24));
  await only(h.s0!, at(8));
  await only(h.s1!, null);
  await only(h.e0!, null);
  await only(h.e1!, at(30));
  await db().household.updateMany({ where: { id: { in: [h.u3!, h.u4!] } }, data: { isHardship: true } });
  await db().household.update({ where: { id: h.s0! }, data: { isElderlySickDisabled: true } });
  await db().household.update({ where: { id: h.e0! }, data: { isExcluded: true } });
  await db().household.update({ where: { id: h.e1! }, data: { isExcluded: true, hasFamilyDispute: true } });
});

describe("coverage view", () => {
  it("counts due by 'older than its rule' on calendar days, the stricter rule winning, with the buckets", async () => {
    const view = await getCoverage(secretary, { projectId: project.project.id });
    const signedTotal = await db().household.count({ where: { projectId: project.project.id, signing: { isNot: null } } });
    const households = await db().household.count({ where: { projectId: project.project.id } });
    // Under no rule: the signed households without a flag (all but s0) and e0.
    expect(view.total.underRule).toBe(households - (signedTotal - 1) - 1);
    expect(view.total.due).toBe(6);
    expect(view.total.within).toBe(view.total.underRule - 6);
    expect(view.total.dueBy).toEqual({ never: 1, days1to7: 3, days8to14: 1, over14: 1 });
    expect(view.rules).toEqual({ hardshipDays: 7, unsignedDays: 14 });
    expect(view.total.coverage).toBe(((100 * view.total.within) / view.total.underRule).toFixed(2));

    const group1 = view.groups.find((g) => g.groupId === project.signingGroups[0]!.id)!;
    const group2 = view.groups.find((g) => g.groupId === project.signingGroups[1]!.id)!;
    expect(group1.due).toBe(6);
    expect(group2.due).toBe(0);
    expect(view.groups.some((g) => g.groupId === null)).toBe(false);
  });

  it("the due count equals the household list filtered by coverage=due, for the project and each group; within likewise", async () => {
    const view = await getCoverage(secretary, { projectId: project.project.id });
    expect(await listCount(secretary, Object.fromEntries(new URLSearchParams(view.total.dueQuery)))).toBe(view.total.due);
    expect(await listCount(secretary, { coverage: "within" })).toBe(view.total.within);
    for (const group of view.groups) {
      expect(await listCount(secretary, Object.fromEntries(new URLSearchParams(group.dueQuery)))).toBe(group.due);
    }
    const due = await listHouseholds(secretary, { projectId: project.project.id, coverage: "due", size: "100" });
    expect(new Set(due.items.map((i) => i.id))).toEqual(new Set([h.u1, h.u2, h.u3, h.u5, h.s0, h.e1]));
    // The export reads the same filter.
    const file = await exportHouseholds(secretary, { projectId: project.project.id, coverage: "due" });
    await file.stream.cancel();
    expect(file.count).toBe(6);
  });

  it("a leader's view holds their group only, and its drill-down their list", async () => {
    const view = await getCoverage(leader1, { projectId: project.project.id });
    expect(view.reach).toBe("group");
    expect(view.groups.map((g) => g.groupId)).toEqual([project.signingGroups[0]!.id]);
    expect(view.total.due).toBe(6);
    expect(await listCount(leader1, Object.fromEntries(new URLSearchParams(view.total.dueQuery)))).toBe(6);
    await expect(getCoverage(leader1, { projectId: project.project.id, groupId: project.signingGroups[1]!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("the unassigned queue leaves out due households with an open task, and equals coverage=due&openTask=no", async () => {
    const task = await db().task.create({
      data: { projectId: project.project.id, householdId: h.u1!, assigneeId: leader1.userId, kind: "HOME_VISIT", dueDate: new Date() },
    });
    // A done or cancelled task does not take a household off the queue.
    await db().task.create({
      data: {
        projectId: project.project.id,
        householdId: h.u2!,
        assigneeId: leader1.userId,
        kind: "HOME_VISIT",
        dueDate: new Date(),
        status: "CANCELLED",
        cancelReason: "测试",
      },
    });
    try {
      const view = await getCoverage(secretary, { projectId: project.project.id });
      expect(view.total.due).toBe(6);
      expect(view.total.dueWithoutTask).toBe(5);
      expect(await listCount(secretary, Object.fromEntries(new URLSearchParams(view.total.queueQuery)))).toBe(5);
      const queue = await listHouseholds(secretary, { projectId: project.project.id, coverage: "due", openTask: "no", size: "100" });
      expect(queue.items.map((i) => i.id)).not.toContain(h.u1);
      await db().task.update({ where: { id: task.id }, data: { status: "IN_PROGRESS" } });
      expect((await getCoverage(secretary, { projectId: project.project.id })).total.dueWithoutTask).toBe(5);
    } finally {
      await db().task.deleteMany({ where: { projectId: project.project.id } });
    }
  });

  it("filters by the attitude of the last visit, not an earlier one", async () => {
    const extra = h.u4!;
    await visit(extra, at(20), "OPPOSED");
    await visit(extra, at(6), "SUPPORTIVE");
    await visit(h.u5!, at(25), "SUPPORTIVE");
    try {
      const supportive = await listHouseholds(secretary, { projectId: project.project.id, attitude: "SUPPORTIVE", size: "100" });
      expect(supportive.items.map((i) => i.id)).toEqual([extra]);
      expect(await listCount(secretary, { attitude: "OPPOSED" })).toBe(0);
      // Everyone else: last visit without an attitude, or never visited.
      const households = await db().household.count({ where: { projectId: project.project.id } });
      expect(await listCount(secretary, { attitude: "none" })).toBe(households - 1);
    } finally {
      await db().visitLog.deleteMany({ where: { householdId: { in: [extra, h.u5!] }, attitude: { not: null } } });
    }
  });
});

describe("coverage rules", () => {
  async function refusal(work: Promise<unknown>): Promise<AppError> {
    const error = await work.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }

  it("a secretary edits the days (1–365), version-checked, audited; the view and the list follow at once", async () => {
    const projectId = project.project.id;
    const { version } = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { version: true } });
    for (const days of ["0", "366", "2.5", ""]) {
      const error = await refusal(updateCoverageRules(secretary, { projectId, hardshipDays: days, unsignedDays: "14", version }));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors?.hardshipDays).toEqual(["coverage.errors.ruleDays"]);
    }
    await expect(updateCoverageRules(leader1, { projectId, hardshipDays: "3", unsignedDays: "14", version })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });

    // The unsigned rule stricter than the hardship one: it wins for u4 (unsigned hardship, 7 days ago).
    const saved = await updateCoverageRules(secretary, { projectId, hardshipDays: "365", unsignedDays: "6", version });
    expect(saved).toMatchObject({ hardshipDays: 365, unsignedDays: 6, version: version + 1, changed: true });
    try {
      const view = await getCoverage(secretary, { projectId });
      expect(view.rules).toEqual({ hardshipDays: 365, unsignedDays: 6 });
      // Due now: u0 (14 d), u1, u2, u3 (10 d), u4 (7 d), u5 — and neither s0 (signed: 365) nor e1 (excluded: 365).
      expect(view.total.due).toBe(6);
      const due = await listHouseholds(secretary, { projectId, coverage: "due", size: "100" });
      expect(new Set(due.items.map((i) => i.id))).toEqual(new Set([h.u0, h.u1, h.u2, h.u3, h.u4, h.u5]));

      const audit = await db().auditEvent.findFirstOrThrow({ where: { action: "update:coverage", entityId: projectId } });
      expect(audit.before).toEqual({ hardshipDays: 7, unsignedDays: 14 });
      expect(audit.after).toEqual({ hardshipDays: 365, unsignedDays: 6 });

      // A form rendered before that save is refused, not merged.
      const stale = await refusal(updateCoverageRules(secretary, { projectId, hardshipDays: "5", unsignedDays: "5", version }));
      expect(stale.code).toBe("CONFLICT");
      expect((await db().project.findUniqueOrThrow({ where: { id: projectId } })).coverageHardshipDays).toBe(365);
    } finally {
      await db().project.update({ where: { id: projectId }, data: { coverageHardshipDays: 7, coverageUnsignedDays: 14 } });
    }
  });
});
