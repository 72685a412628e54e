// Daily reports (每日一汇报 / 每日一总结) × every role: leaders write their own group's report,
// secretaries and officials read; out of scope is not found, never allowed is forbidden.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { calendarDayOf } from "@/lib/domain/calendar-day";
import { getDailyReport } from "@/lib/server/reports/get-daily-report";
import { getDaySummary } from "@/lib/server/reports/get-day-summary";
import { saveDailyReport } from "@/lib/server/reports/save-daily-report";
import { submitDailyReport } from "@/lib/server/reports/submit-daily-report";
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
});

const projectA = () => world.projectA.project.id;
const groupA1 = () => world.projectA.signingGroups[0]!.id;
const groupA2 = () => world.projectA.signingGroups[1]!.id;
const today = () => calendarDayOf(new Date(), "Asia/Shanghai");

/** The version a form for the group's day would write now (so an allowed actor passes the version check). */
async function nextVersion(groupId: string): Promise<number> {
  const latest = await db().dailyReport.findFirst({
    where: { groupId, reportDate: new Date(`${today()}T00:00:00Z`) },
    orderBy: { version: "desc" },
  });
  return latest === null ? 1 : latest.status === "SUBMITTED" ? latest.version + 1 : latest.version;
}

const form = async (groupId: string) => ({
  projectId: projectA(),
  groupId,
  reportDate: today(),
  version: await nextVersion(groupId),
  problems: "无",
  nextPlan: "继续上门",
});

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "report of A1": (actor) => getDailyReport(actor, { projectId: projectA(), groupId: groupA1() }),
  "report of A2": (actor) => getDailyReport(actor, { projectId: projectA(), groupId: groupA2() }),
  "day summary of A": (actor) => getDaySummary(actor, { projectId: projectA() }),
  "save report of A1": async (actor) => saveDailyReport(actor, await form(groupA1())),
  "submit report of A1": async (actor) => submitDailyReport(actor, await form(groupA1())),
  "submit report of A2": async (actor) => submitDailyReport(actor, await form(groupA2())),
};

const ALL = (outcome: Outcome): Record<RoleName, Outcome> => ({
  districtOfficial: outcome,
  secretaryA: outcome,
  secretaryB: outcome,
  leaderA1: outcome,
  memberA1: outcome,
  staffWithoutRole: outcome,
  residentA1: outcome,
});
const READERS: Record<RoleName, Outcome> = { ...ALL("FORBIDDEN"), districtOfficial: "ok", secretaryA: "ok", secretaryB: "NOT_FOUND" };

const matrix: Record<string, Record<RoleName, Outcome>> = {
  "report of A1": { ...READERS, leaderA1: "ok" },
  "report of A2": { ...READERS, leaderA1: "NOT_FOUND" },
  // A leader's summary holds only the groups they lead.
  "day summary of A": { ...READERS, leaderA1: "ok" },
  "save report of A1": { ...ALL("FORBIDDEN"), leaderA1: "ok" },
  "submit report of A1": { ...ALL("FORBIDDEN"), leaderA1: "ok" },
  "submit report of A2": { ...ALL("FORBIDDEN"), leaderA1: "NOT_FOUND" },
};

describe("authorisation matrix: daily reports", () => {
  for (const [useCase, row] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(row)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        const actor = world.actors[role as RoleName];
        expect(await outcomeOf(() => useCases[useCase]!(actor))).toBe(expected);
      });
    }
  }

  it("a special group's leader reads no report and writes none: reports are the signing groups'", async () => {
    const actor = world.specialLeaderA;
    const view = await getDailyReport(actor, { projectId: projectA() });
    expect(view.group).toBeNull();
    expect(await outcomeOf(() => getDailyReport(actor, { projectId: projectA(), groupId: groupA1() }))).toBe("NOT_FOUND");
    expect((await getDaySummary(actor, { projectId: projectA() })).rows).toEqual([]);
    expect(await outcomeOf(async () => submitDailyReport(actor, await form(groupA1())))).toBe("NOT_FOUND");
    expect(await outcomeOf(async () => submitDailyReport(actor, await form(world.specialGroupA.id)))).toBe("NOT_FOUND");
  });

  it("the leader's summary of A holds only group A1", async () => {
    const summary = await getDaySummary(world.actors.leaderA1, { projectId: projectA() });
    expect(summary.rows.map((r) => r.group.id)).toEqual([groupA1()]);
  });
});
