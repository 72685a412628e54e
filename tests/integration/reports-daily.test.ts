// Daily reports (每日一汇报 / 每日一总结): the draft's figures against an independent SQL count, the
// figures of the moment of submitting, read-only once submitted, corrections as new versions,
// the leader's own group only, days in the future, double submits, and the secretary's summary.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { calendarDayOf, instantFromWallClock } from "@/lib/domain/calendar-day";
import { addDays } from "@/lib/domain/progress";
import { AppError } from "@/lib/errors";
import { getDailyReport } from "@/lib/server/reports/get-daily-report";
import { getDaySummary } from "@/lib/server/reports/get-day-summary";
import { saveDailyReport } from "@/lib/server/reports/save-daily-report";
import { submitDailyReport } from "@/lib/server/reports/submit-daily-report";
import { seedProject, type SeededProject } from "../../prisma/seed/factories.ts";

const ZONE = "Asia/Shanghai";
const today = () => calendarDayOf(new Date(), ZONE);

let project: SeededProject;
let pid: string;
let leader1: Actor;
let secretary: Actor;
let g1: SeededProject["signingGroups"][number];
let g2: SeededProject["signingGroups"][number];

beforeAll(async () => {
  project = await seedProject(db(), { households: 90, signingGroups: 2, signedShare: 0.4, schedule: { signingStart: -10 } });
  pid = project.project.id;
  [g1, g2] = project.signingGroups as [typeof g1, typeof g2];
  leader1 = (await loadActor(db(), g1.leaderId))!;
  secretary = (await loadActor(db(), project.secretaryId))!;
  // The tests write today's and yesterday's reports themselves.
  await db().dailyReport.deleteMany({ where: { projectId: pid, reportDate: { gte: new Date(`${addDays(today(), -1)}T00:00:00Z`) } } });
});

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The six figures of a group's day counted in plain SQL, independently of the use case. */
async function countInSql(groupId: string, day: string) {
  const [row] = await db().$queryRaw<Record<string, number>[]>`
    WITH hh AS (SELECT id, "isExcluded" FROM "Household" WHERE "signingGroupId" = ${groupId}::uuid)
    SELECT
      (SELECT count(*)::int FROM "Signing" s JOIN hh ON hh.id = s."householdId"
        WHERE NOT hh."isExcluded" AND ((s."signedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${ZONE})::date = ${day}::date) AS "signedCount",
      (SELECT count(*)::int FROM "VisitLog" v JOIN hh ON hh.id = v."householdId"
        WHERE ((v."visitedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${ZONE})::date = ${day}::date) AS "visitCount",
      (SELECT count(DISTINCT v."householdId")::int FROM "VisitLog" v JOIN hh ON hh.id = v."householdId"
        WHERE ((v."visitedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${ZONE})::date = ${day}::date) AS "householdsVisited",
      (SELECT count(*)::int FROM "Demand" d JOIN hh ON hh.id = d."householdId"
        WHERE ((d."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${ZONE})::date = ${day}::date) AS "newDemands",
      (SELECT count(*)::int FROM "Demand" d JOIN hh ON hh.id = d."householdId"
        WHERE ((d."resolvedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${ZONE})::date = ${day}::date) AS "demandsResolved",
      (SELECT count(*)::int FROM "Task" t JOIN hh ON hh.id = t."householdId"
        WHERE t."dueDate" <= ${day}::date
          AND ((t."createdAt" AT TIME ZONE 'UTC') AT TIME ZONE ${ZONE})::date <= ${day}::date
          AND (t.status IN ('OPEN', 'IN_PROGRESS')
            OR (t.status = 'DONE' AND ((t."completedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${ZONE})::date > ${day}::date)
            OR (t.status = 'CANCELLED' AND ((t."cancelledAt" AT TIME ZONE 'UTC') AT TIME ZONE ${ZONE})::date > ${day}::date))) AS "overdueTasks"`;
  return row!;
}

const form = (overrides: Record<string, unknown> = {}) => ({
  projectId: pid,
  groupId: g1.id,
  reportDate: today(),
  version: 1,
  problems: "两户对面积认定有异议",
  nextPlan: "上门答疑，约签约时间",
  ...overrides,
});

describe("the draft", () => {
  it("has the figures an independent count gives, for a busy past day and for today", async () => {
    // A day of the group with visits, plus rows that fall on its edges: a demand raised and one
    // resolved that day, a task done after it (still open that evening) and one cancelled that day.
    const [busy] = await db().$queryRaw<{ day: string }[]>`
      SELECT to_char(((v."visitedAt" AT TIME ZONE 'UTC') AT TIME ZONE ${ZONE})::date, 'YYYY-MM-DD') AS day
        FROM "VisitLog" v JOIN "Household" h ON h.id = v."householdId"
       WHERE h."signingGroupId" = ${g1.id}::uuid GROUP BY 1 ORDER BY count(*) DESC, 1 DESC LIMIT 1`;
    const day = busy!.day;
    const household = await db().household.findFirstOrThrow({ where: { signingGroupId: g1.id }, orderBy: { code: "asc" } });
    const noon = instantFromWallClock(`${day}T12:00`, ZONE)!;
    const lateEvening = instantFromWallClock(`${day}T23:50`, ZONE)!;
    const nextMorning = instantFromWallClock(`${addDays(day, 1)}T08:00`, ZONE)!;
    await db().demand.createMany({
      data: [
        { projectId: pid, householdId: household.id, category: "OTHER", description: "当天提出", createdAt: noon },
        {
          projectId: pid,
          householdId: household.id,
          category: "OTHER",
          description: "当天办结",
          createdAt: new Date(noon.getTime() - 3 * 86_400_000),
          resolvedAt: lateEvening,
          status: "RESOLVED",
        },
      ],
    });
    await db().task.createMany({
      data: [
        {
          projectId: pid,
          householdId: household.id,
          assigneeId: g1.leaderId,
          kind: "HOME_VISIT",
          dueDate: new Date(`${day}T00:00:00Z`),
          status: "DONE",
          completedAt: nextMorning,
          createdAt: new Date(noon.getTime() - 86_400_000),
        },
        {
          projectId: pid,
          householdId: household.id,
          assigneeId: g1.leaderId,
          kind: "HOME_VISIT",
          dueDate: new Date(`${addDays(day, -2)}T00:00:00Z`),
          status: "CANCELLED",
          cancelledAt: lateEvening,
          cancelReason: "已搬离",
          createdAt: new Date(noon.getTime() - 5 * 86_400_000),
        },
      ],
    });

    const past = await getDailyReport(leader1, { projectId: pid, groupId: g1.id, day });
    const expected = await countInSql(g1.id, day);
    expect(past.group!.draft).toEqual(expected);
    expect(past.group!.draft.visitCount).toBeGreaterThan(0);
    expect(past.group!.draft.newDemands).toBeGreaterThanOrEqual(1);
    expect(past.group!.draft.demandsResolved).toBeGreaterThanOrEqual(1);
    expect(past.group!.draft.overdueTasks).toBeGreaterThanOrEqual(1);

    const now = await getDailyReport(leader1, { projectId: pid });
    expect(now.day).toBe(today());
    expect(now.group!.id).toBe(g1.id);
    expect(now.group!.draft).toEqual(await countInSql(g1.id, today()));
    // Nothing is stored by reading the draft.
    expect(await db().dailyReport.count({ where: { groupId: g1.id, reportDate: new Date(`${today()}T00:00:00Z`) } })).toBe(0);
  });

  it("refuses a day after today", async () => {
    const tomorrow = addDays(today(), 1);
    const read = await refusal(getDailyReport(leader1, { projectId: pid, day: tomorrow }));
    expect(read.code).toBe("VALIDATION");
    const write = await refusal(submitDailyReport(leader1, form({ reportDate: tomorrow })));
    expect(write.code).toBe("VALIDATION");
    expect(write.fieldErrors).toEqual({ reportDate: ["reports.errors.futureDay"] });
    expect(await db().dailyReport.count({ where: { groupId: g1.id, reportDate: new Date(`${tomorrow}T00:00:00Z`) } })).toBe(0);
  });

  it("keeps a leader to the groups they lead", async () => {
    expect((await refusal(getDailyReport(leader1, { projectId: pid, groupId: g2.id }))).code).toBe("NOT_FOUND");
    expect((await refusal(submitDailyReport(leader1, form({ groupId: g2.id })))).code).toBe("NOT_FOUND");
    expect((await refusal(saveDailyReport(leader1, form({ groupId: g2.id })))).code).toBe("NOT_FOUND");
    const view = await getDailyReport(leader1, { projectId: pid });
    expect(view.groups.map((g) => g.id)).toEqual([g1.id]);
    // The secretary reads any group's report but does not write it.
    const read = await getDailyReport(secretary, { projectId: pid, groupId: g2.id });
    expect(read.group!.canRecord).toBe(false);
    expect((await refusal(submitDailyReport(secretary, form({ groupId: g2.id })))).code).toBe("FORBIDDEN");
    expect(await db().dailyReport.count({ where: { groupId: g2.id, reportDate: new Date(`${today()}T00:00:00Z`) } })).toBe(0);
  });

  it("gives a special group's leader no report to write: reports are the signing groups'", async () => {
    const withSpecial = await seedProject(db(), { households: 20, signingGroups: 1, specialGroups: ["POLICY_CONSULTATION"] });
    const special = withSpecial.specialGroups[0]!;
    const specialLeader = (await loadActor(db(), special.leaderId))!;
    const view = await getDailyReport(specialLeader, { projectId: withSpecial.project.id });
    expect(view.groups).toEqual([]);
    expect(view.group).toBeNull();
    const refused = await refusal(submitDailyReport(specialLeader, form({ projectId: withSpecial.project.id, groupId: special.id })));
    expect(refused.code).toBe("NOT_FOUND");
    expect(await db().dailyReport.count({ where: { groupId: special.id } })).toBe(0);
  });

  it("checks the texts: the plan is required to submit, each text at most 2,000 characters", async () => {
    const noPlan = await refusal(submitDailyReport(leader1, form({ nextPlan: "  " })));
    expect(noPlan.fieldErrors).toEqual({ nextPlan: ["reports.errors.planRequired"] });
    const long = await refusal(submitDailyReport(leader1, form({ problems: "问".repeat(2001) })));
    expect(long.fieldErrors).toEqual({ problems: ["reports.errors.tooLong"] });
    expect(await db().dailyReport.count({ where: { groupId: g1.id, reportDate: new Date(`${today()}T00:00:00Z`) } })).toBe(0);
  });
});

describe("saving, submitting and correcting", () => {
  it("saves the text as a draft, then submits that row with the figures of the moment", async () => {
    const saved = await saveDailyReport(leader1, form({ problems: "草稿问题", nextPlan: "" }));
    expect(saved).toMatchObject({ version: 1, status: "DRAFT" });
    const afterSave = await getDailyReport(leader1, { projectId: pid });
    expect(afterSave.group!.savedDraft).toMatchObject({ problems: "草稿问题", nextPlan: null });
    expect(afterSave.group!.submitted).toEqual([]);

    const submitted = await submitDailyReport(leader1, form());
    expect(submitted).toMatchObject({ id: saved.id, version: 1, status: "SUBMITTED" });
    const row = await db().dailyReport.findUniqueOrThrow({ where: { id: saved.id } });
    const figuresAtSubmit = await countInSql(g1.id, today());
    expect(row).toMatchObject({
      status: "SUBMITTED",
      version: 1,
      authorId: g1.leaderId,
      problems: "两户对面积认定有异议",
      ...figuresAtSubmit,
    });
    expect(row.submittedAt).not.toBeNull();
    const events = await db().auditEvent.findMany({ where: { entityId: saved.id }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["save:daily-report", "submit:daily-report"]);

    // A visit logged afterwards moves the draft, not the submitted report.
    const household = await db().household.findFirstOrThrow({ where: { signingGroupId: g1.id } });
    await db().visitLog.create({
      data: { projectId: pid, householdId: household.id, visitedAt: new Date(), channel: "DOOR", summary: "补充走访" },
    });
    const view = await getDailyReport(leader1, { projectId: pid });
    expect(view.group!.draft.visitCount).toBe(figuresAtSubmit.visitCount! + 1);
    expect(view.group!.submitted[0]!.figures.visitCount).toBe(figuresAtSubmit.visitCount);
    expect(view.group!.nextVersion).toBe(2);
  });

  it("is read-only once submitted: saving or submitting version 1 again is refused", async () => {
    const before = await db().dailyReport.findFirstOrThrow({
      where: { groupId: g1.id, reportDate: new Date(`${today()}T00:00:00Z`), version: 1 },
    });
    expect((await refusal(saveDailyReport(leader1, form({ problems: "改写" })))).code).toBe("CONFLICT");
    expect((await refusal(submitDailyReport(leader1, form({ problems: "再次提交" })))).code).toBe("CONFLICT");
    const after = await db().dailyReport.findUniqueOrThrow({ where: { id: before.id } });
    expect(after).toEqual(before);
    expect(await db().dailyReport.count({ where: { groupId: g1.id, reportDate: new Date(`${today()}T00:00:00Z`) } })).toBe(1);
  });

  it("corrects as version 2, keeping version 1 and showing it superseded", async () => {
    const corrected = await submitDailyReport(leader1, form({ version: 2, problems: "更正：三户有异议" }));
    expect(corrected).toMatchObject({ version: 2, status: "SUBMITTED" });
    const view = await getDailyReport(leader1, { projectId: pid });
    expect(view.group!.submitted.map((v) => [v.version, v.supersededBy])).toEqual([
      [2, null],
      [1, 2],
    ]);
    expect(view.group!.submitted[0]!.problems).toBe("更正：三户有异议");
    expect(view.group!.submitted[1]!.problems).toBe("两户对面积认定有异议");
    // The correction counted afresh: it includes the visit logged after version 1.
    expect(view.group!.submitted[0]!.figures.visitCount).toBe(view.group!.submitted[1]!.figures.visitCount + 1);
    const event = await db().auditEvent.findFirstOrThrow({ where: { entityId: corrected.id } });
    expect(event).toMatchObject({ action: "correct:daily-report", actorId: g1.leaderId, projectId: pid });
    expect(event.before).toMatchObject({ version: 1, problems: "两户对面积认定有异议" });
  });

  it("refuses the second of two submits at once: never two rows of one version", async () => {
    const day = addDays(today(), -1);
    const results = await Promise.allSettled([
      submitDailyReport(leader1, form({ reportDate: day, nextPlan: "甲" })),
      submitDailyReport(leader1, form({ reportDate: day, nextPlan: "乙" })),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r) => r.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await db().dailyReport.count({ where: { groupId: g1.id, reportDate: new Date(`${day}T00:00:00Z`) } })).toBe(1);
  });
});

describe("the day summary", () => {
  it("puts every signing group's latest report side by side, lists who has not submitted, and sums the submitted", async () => {
    const summary = await getDaySummary(secretary, { projectId: pid });
    expect(summary.day).toBe(today());
    expect(summary.rows.map((r) => r.group.id)).toEqual([g1.id, g2.id]);
    const [first, second] = summary.rows;
    expect(first!.report).toMatchObject({ version: 2, problems: "更正：三户有异议" });
    expect(second!.report).toBeNull();
    expect(summary.submitted).toBe(1);
    expect(summary.missing.map((g) => g.id)).toEqual([g2.id]);
    expect(summary.totals).toEqual(first!.report!.figures);
    // Special groups never report.
    expect(summary.rows.every((r) => project.signingGroups.some((g) => g.id === r.group.id))).toBe(true);
  });

  it("shows a leader only their own groups, and refuses a day after today", async () => {
    const summary = await getDaySummary(leader1, { projectId: pid });
    expect(summary.rows.map((r) => r.group.id)).toEqual([g1.id]);
    expect((await refusal(getDaySummary(secretary, { projectId: pid, day: addDays(today(), 1) }))).code).toBe("VALIDATION");
  });
});
