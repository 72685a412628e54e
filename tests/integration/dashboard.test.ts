// The dashboard's figures on a small project whose every row is set by hand, so each figure is
// computed here on paper: day boundaries in Asia/Shanghai (signings at 00:30 and 23:59 local time
// count on that local day), an excluded household that signed and voted counts nowhere, the pace
// window (the completed days after the start date) and the league's 7-day visits start at local
// midnight, a task due today is not overdue.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { getDistrictOverview } from "@/lib/server/dashboard/get-district-overview";
import { getProjectDashboard, type ProjectDashboard } from "@/lib/server/dashboard/get-project-dashboard";
import { listHouseholds } from "@/lib/server/households/list-households";
import { drillDown } from "@/components/dashboard/drill-down";
import { seedProject, seedUser, type SeededProject } from "@/prisma/seed/factories";

const NOW = new Date("2025-03-14T04:00:00Z"); // 12:00 on 14 March in Shanghai
let project: SeededProject;
let official: Actor;
let dashboard: ProjectDashboard;
let ids: string[];

beforeAll(async () => {
  const prisma = db();
  project = await seedProject(prisma, {
    anchor: "2025-03-14",
    households: 10,
    signingGroups: 2,
    signed: 0,
    excludedHouseholds: 0,
    partyMemberHouseholds: 0,
    firstRound: { agree: 0, disagree: 0 },
    activity: { visitsPerHousehold: 0, receptionVisits: 0, openTaskShare: 0 },
  });
  const projectId = project.project.id;
  await prisma.visitLog.deleteMany({ where: { projectId } });
  await prisma.task.deleteMany({ where: { projectId } });
  await prisma.signing.deleteMany({ where: { projectId } });
  await prisma.project.update({
    where: { id: projectId },
    data: {
      signingStart: new Date("2025-03-10T00:00:00Z"),
      signingEnd: new Date("2025-03-20T00:00:00Z"),
      signingThreshold: "0.6",
      firstRoundThreshold: "0.9",
      agreementsEffectiveAt: null,
      signingFailedAt: null,
    },
  });
  const households = await prisma.household.findMany({ where: { projectId }, select: { id: true }, orderBy: { code: "asc" } });
  ids = households.map((h) => h.id);
  const [groupA, groupB] = project.signingGroups;
  const h = (n: number) => ids[n - 1]!;
  await prisma.household.updateMany({
    where: { projectId },
    data: {
      isExcluded: false,
      isPartyMemberHousehold: false,
      firstRoundVote: null,
      movedOutAt: null,
      handedOverAt: null,
      signingGroupId: groupA!.id,
    },
  });
  await prisma.household.updateMany({ where: { id: { in: [h(7), h(8), h(9), h(10)] } }, data: { signingGroupId: groupB!.id } });
  await prisma.household.updateMany({ where: { id: { in: [h(1), h(2), h(7)] } }, data: { isPartyMemberHousehold: true } });
  await prisma.household.updateMany({ where: { id: { in: [1, 2, 3, 4, 5, 6, 7, 10].map(h) } }, data: { firstRoundVote: "AGREE" } });
  await prisma.household.update({ where: { id: h(8) }, data: { firstRoundVote: "DISAGREE" } });
  await prisma.household.update({ where: { id: h(10) }, data: { isExcluded: true, exclusionReason: "test" } });
  await prisma.household.update({ where: { id: h(1) }, data: { movedOutAt: new Date("2025-03-13T02:00:00Z") } });
  const signings: [number, string][] = [
    [1, "2025-03-10T02:00:00Z"],
    [2, "2025-03-09T16:30:00Z"], // 00:30 on 10 March in Shanghai: the first day
    [3, "2025-03-10T15:59:00Z"], // 23:59 on 10 March
    [4, "2025-03-10T16:00:00Z"], // 00:00 on 11 March
    [7, "2025-03-12T03:00:00Z"],
    [10, "2025-03-10T03:00:00Z"], // excluded: counts nowhere
  ];
  for (const [n, at] of signings) {
    await prisma.signing.create({
      data: { projectId, householdId: h(n), agreementNumber: `T-${n}`, channel: "ON_SITE", signedAt: new Date(at) },
    });
  }
  const visits: [number, string][] = [
    [5, "2025-03-13T02:00:00Z"],
    [8, "2025-03-01T02:00:00Z"], // before the 7-day window
    [6, "2025-03-07T15:59:00Z"], // 23:59 on 7 March: just before the window
    [9, "2025-03-07T16:00:00Z"], // 00:00 on 8 March: the window's first minute
  ];
  for (const [n, at] of visits) {
    await prisma.visitLog.create({ data: { projectId, householdId: h(n), visitedAt: new Date(at), channel: "DOOR", summary: "visit" } });
  }
  const tasks: [number, "OPEN" | "IN_PROGRESS" | "DONE", string][] = [
    [5, "OPEN", "2025-03-13"], // overdue
    [6, "IN_PROGRESS", "2025-03-14"], // due today: not overdue
    [8, "DONE", "2025-03-01"], // done
    [9, "OPEN", "2025-03-10"], // overdue
  ];
  for (const [n, status, due] of tasks) {
    await prisma.task.create({
      data: {
        projectId,
        householdId: h(n),
        assigneeId: project.secretaryId,
        kind: "HOME_VISIT",
        status,
        dueDate: new Date(`${due}T00:00:00Z`),
      },
    });
  }
  const user = await seedUser(prisma, { role: "DISTRICT_OFFICIAL" });
  official = (await loadActor(prisma, user.id))!;
  dashboard = await getProjectDashboard(official, { projectId }, NOW);
}, 120_000);

describe("getProjectDashboard on a project computed by hand", () => {
  it("counts eligible, signed and the rates", () => {
    const f = dashboard.figures;
    expect(f.eligible).toBe(9);
    expect(f.signed).toBe(5);
    expect(f.signingRate).toBe("55.56");
    expect(f.signingThreshold).toBe("60.00");
    expect(f.requiredForThreshold).toBe(6);
    expect(f.gapToThreshold).toBe(1);
    expect(f.hasReachedThreshold).toBe(false);
    expect(f.firstDaySigned).toBe(3);
    expect(f.firstDayRate).toBe("33.33");
    expect(f.agreed).toBe(7);
    expect(f.firstRoundApproval).toBe("77.78");
    expect(f.movedOut).toBe(1);
    expect(f.relocationRate).toBe("11.11");
    expect(f.isCleared).toBe(false);
    expect(f.agreementStatus).toBe("pending");
  });

  it("Party lead, pace, forecasts and days left", () => {
    const f = dashboard.figures;
    // Party members 1, 2 (10 March, day 0) and 7 (12 March, day 2).
    expect(f.partyEligible).toBe(3);
    expect(f.partySigned).toBe(3);
    expect(f.partyRate).toBe("100.00");
    expect(f.partyFirstDayRate).toBe("66.67");
    expect(f.partyMeanDays).toBe("0.7");
    // The others: 3, 4, 5, 6, 8, 9; 3 signed on day 0 (23:59 local), 4 on day 1 (00:00 local).
    expect([f.otherEligible, f.otherSigned, f.otherRate, f.otherFirstDayRate]).toEqual([6, 2, "33.33", "16.67"]);
    expect(f.otherMeanDays).toBe("0.5");
    expect(f.partyMedianDays).toBe(0);
    expect(f.otherMedianDays).toBe(0.5);
    // The pace: 11–13 March, the completed days after launch day (the 10th) — 2 signings in 3
    // days; today's (14 March) day is not complete. 1 more for the threshold → ⌈1.5⌉ = 2 days,
    // 4 for 100% → 6 days: the 20th, the signing end date itself.
    expect(f.pace).toEqual({ signings: 2, days: 3, perDay: "0.7" });
    expect(f.forecastThreshold).toEqual({ kind: "on", day: "2025-03-16" });
    expect(f.forecastFull).toEqual({ kind: "on", day: "2025-03-20" });
    expect(f.risk).toBeNull();
    expect(f.daysLeft).toBe(6);
    expect(f.periodEnded).toBe(false);
  });

  it("one day earlier there is no pace yet: 2 completed days after launch", async () => {
    const earlier = await getProjectDashboard(official, { projectId: project.project.id }, new Date("2025-03-13T04:00:00Z"));
    expect(earlier.figures.pace).toBeNull();
    expect(earlier.figures.forecastThreshold).toEqual({ kind: "noPace" });
    expect(earlier.figures.forecastFull).toEqual({ kind: "noPace" });
    expect(earlier.figures.risk).toBeNull();
  });

  it("marks the reader's own groups in the league", async () => {
    const [groupA] = project.signingGroups;
    const leader = (await loadActor(db(), groupA!.leaderId))!;
    const own = await getProjectDashboard(leader, { projectId: project.project.id }, NOW);
    expect(own.viewerGroupIds).toEqual([groupA!.id]);
    expect(dashboard.viewerGroupIds).toEqual([]);
  });

  it("the series, states and league", () => {
    expect(dashboard.series).toEqual([
      { day: "2025-03-10", signed: 3, cumulative: 3, rate: "33.33" },
      { day: "2025-03-11", signed: 1, cumulative: 4, rate: "44.44" },
      { day: "2025-03-12", signed: 1, cumulative: 5, rate: "55.56" },
      { day: "2025-03-13", signed: 0, cumulative: 5, rate: "55.56" },
      { day: "2025-03-14", signed: 0, cumulative: 5, rate: "55.56" },
    ]);
    expect(Object.fromEntries(dashboard.states.map((s) => [s.state, s.count]))).toEqual({
      NOT_CONTACTED: 0,
      VISITED: 2,
      AGREED: 2,
      SIGNED: 4,
      MOVED_OUT: 1,
      HANDED_OVER: 0,
      EXCLUDED: 1,
    });
    const [groupA, groupB] = project.signingGroups;
    expect(dashboard.league).toEqual([
      { groupId: groupA!.id, name: groupA!.name, households: 6, signed: 4, rate: "66.67", visitsLast7Days: 1, overdueTasks: 1, rank: 1 },
      { groupId: groupB!.id, name: groupB!.name, households: 3, signed: 1, rate: "33.33", visitsLast7Days: 1, overdueTasks: 1, rank: 2 },
    ]);
    expect(dashboard.unassigned).toBe(0);
    expect(JSON.parse(JSON.stringify(dashboard))).toEqual(dashboard);
  });

  it("drill-down links list exactly the counted households", async () => {
    const links = drillDown(project.project.id);
    const codesOf = async (href: string) => {
      const params = Object.fromEntries(new URL(href, "http://x").searchParams.entries());
      const page = await listHouseholds(official, { ...params, projectId: project.project.id, size: "100" });
      return page.items.map((item) => ids.indexOf(item.id) + 1).sort((a, b) => a - b);
    };
    expect(await codesOf(links.eligible())).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(await codesOf(links.signed())).toEqual([1, 2, 3, 4, 7]);
    expect(await codesOf(links.unsigned())).toEqual([5, 6, 8, 9]);
    expect(await codesOf(links.firstDay("2025-03-10"))).toEqual([1, 2, 3]);
    expect(await codesOf(links.signedOn("2025-03-11"))).toEqual([4]);
    expect(await codesOf(links.agreed())).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(await codesOf(links.movedOut())).toEqual([1]);
    expect(await codesOf(links.partySigned())).toEqual([1, 2, 7]);
    expect(await codesOf(links.group(project.signingGroups[1]!.id))).toEqual([7, 8, 9]);
    expect(await codesOf(links.state("VISITED"))).toEqual([8, 9]);
  });

  it("the overview shows the same figures and marks a project at risk", async () => {
    const overview = await getDistrictOverview(official, {}, NOW);
    const row = overview.projects.find((p) => p.id === project.project.id)!;
    expect(row.figures.signingRate).toBe("55.56");
    expect(row.figures.firstDayRate).toBe("33.33");
    expect(row.figures.pace).toEqual(dashboard.figures.pace);
    expect(row.figures.forecastFull).toEqual(dashboard.figures.forecastFull);
    expect(row.figures.isAtRisk).toBe(false);
    expect(overview.signedThisYear).toBe(5);
    const endOn = (day: string) =>
      db().project.update({ where: { id: project.project.id }, data: { signingEnd: new Date(`${day}T00:00:00Z`) } });
    try {
      // The end before the 100% date but after the threshold's: not everyone in the period.
      await endOn("2025-03-18");
      const full = await getDistrictOverview(official, { sort: "risk", dir: "desc" }, NOW);
      expect(full.projects[0]!.id).toBe(project.project.id);
      expect(full.projects[0]!.figures.risk).toBe("full");
      // The risk filter: only the projects with that risk, totals over them.
      const onlyFull = await getDistrictOverview(official, { risk: "full" }, NOW);
      expect(onlyFull.projects.map((p) => p.id)).toContain(project.project.id);
      expect(onlyFull.projects.every((p) => p.figures.risk === "full")).toBe(true);
      expect(onlyFull.totals.projects).toBe(onlyFull.projects.length);
      const anyRisk = await getDistrictOverview(official, { risk: "any" }, NOW);
      expect(anyRisk.projects.every((p) => p.figures.isAtRisk)).toBe(true);
      const onTrack = await getDistrictOverview(official, { risk: "none" }, NOW);
      expect(onTrack.projects.map((p) => p.id)).not.toContain(project.project.id);
      expect(onTrack.projects.every((p) => p.figures.risk === null)).toBe(true);
      expect((await getProjectDashboard(official, { projectId: project.project.id }, NOW)).figures.risk).toBe("full");
      // The end before the threshold's date: it would miss the threshold; today is the last day.
      await endOn("2025-03-14");
      const later = await getDistrictOverview(official, { sort: "risk", dir: "desc" }, NOW);
      expect(later.projects[0]!.id).toBe(project.project.id);
      expect(later.projects[0]!.figures.risk).toBe("threshold");
      expect(later.projects[0]!.figures.isAtRisk).toBe(true);
      expect([later.projects[0]!.figures.daysLeft, later.projects[0]!.figures.periodEnded]).toEqual([0, false]);
      // Ended yesterday: 0 days left, and the period has ended.
      await endOn("2025-03-13");
      const ended = await getProjectDashboard(official, { projectId: project.project.id }, NOW);
      expect([ended.figures.daysLeft, ended.figures.periodEnded, ended.figures.agreementStatus]).toEqual([0, true, "pending"]);
    } finally {
      await endOn("2025-03-20");
    }
  });
});
