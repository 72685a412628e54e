// The dashboard's figures on the demo, checked two ways: scripts/lib/recompute-figures.ts
// recomputes every figure of every project with plain COUNTs (states with householdState()) and
// must find no mismatch; and every drill-down link's filter gives a household list of exactly the
// counted households.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { getDistrictOverview } from "@/lib/server/dashboard/get-district-overview";
import { getProjectDashboard, type ProjectDashboard } from "@/lib/server/dashboard/get-project-dashboard";
import { listHouseholds } from "@/lib/server/households/list-households";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo-accounts";
import { DEMO_DESIGN, seedDemo } from "@/prisma/seed/demo";
import { recomputeFigures } from "../../scripts/lib/recompute-figures.ts";
import { drillDown } from "@/components/dashboard/drill-down";

process.env.LIANXIN_DATA_KEY ??= "3c1d5e7f9a0b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e0f2a4b6c8d";

const ANCHOR = "2025-03-14";
// Noon in Shanghai on the anchor day.
const NOW = new Date("2025-03-14T04:00:00Z");
let official: Actor;
let dashboard: ProjectDashboard;

beforeAll(async () => {
  await seedDemo(db(), { anchor: ANCHOR });
  const user = await db().user.findUniqueOrThrow({ where: { phone: DEMO_ACCOUNTS.districtOfficial.phone }, select: { id: true } });
  official = (await loadActor(db(), user.id))!;
  const hp = await db().project.findUniqueOrThrow({ where: { code: "HP-BXL" }, select: { id: true } });
  dashboard = await getProjectDashboard(official, { projectId: hp.id }, NOW);
}, 300_000);

describe("dashboard figures on the demo", () => {
  it("HP-BXL shows the demo's designed figures", () => {
    const design = DEMO_DESIGN["HP-BXL"];
    expect(dashboard.figures.eligible).toBe(design.eligible);
    expect(dashboard.figures.signed).toBe(design.signed);
    expect(dashboard.figures.firstDaySigned).toBe(design.firstDaySigned);
    expect(dashboard.figures.agreed).toBe(design.agree);
    expect(dashboard.figures.partyEligible).toBe(design.partyMemberHouseholds);
    expect(dashboard.figures.signingRate).toBe("70.03");
    expect(dashboard.figures.requiredForThreshold).toBe(1802);
    expect(dashboard.figures.gapToThreshold).toBe(1802 - design.signed);
    expect(dashboard.states.reduce((sum, s) => sum + s.count, 0)).toBe(design.households);
  });

  it("recomputing every project's figures with plain SQL finds no mismatch", async () => {
    const result = await recomputeFigures(db(), official, NOW);
    expect(result.projects).toBe(3);
    expect(result.checkedFigures).toBeGreaterThan(100);
    expect(result.mismatches).toEqual([]);
  }, 120_000);

  it("the overview lists the three demo projects with the dashboard's figures", async () => {
    const overview = await getDistrictOverview(official, { sort: "rate", dir: "desc" }, NOW);
    expect(overview.projects.map((p) => p.code)).toHaveLength(3);
    const hp = overview.projects.find((p) => p.code === "HP-BXL")!;
    expect(hp.figures.signingRate).toBe(dashboard.figures.signingRate);
    expect(hp.figures.firstDayRate).toBe(dashboard.figures.firstDayRate);
    const rates = overview.projects.map((p) => Number(p.figures.signingRate ?? -1));
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    const filtered = await getDistrictOverview(official, { kind: "SHANTYTOWN" }, NOW);
    expect(filtered.projects.every((p) => p.kind === "SHANTYTOWN")).toBe(true);
    expect(filtered.projects.length).toBeGreaterThan(0);
    expect(filtered.projects.length).toBeLessThan(3);
  });

  it("the demo shows the refined figures' cases: 宝兴里 at risk of not all signing, 清水河 without a pace yet, 花墙 ended", async () => {
    const f = dashboard.figures;
    expect(f.pace).not.toBeNull();
    expect(f.forecastThreshold.kind).toBe("on");
    expect(f.forecastFull.kind === "on" && f.forecastFull.day > dashboard.project.signingEnd!).toBe(true);
    expect(f.risk).toBe("full");
    const overview = await getDistrictOverview(official, { sort: "risk", dir: "desc" }, NOW);
    expect(overview.projects[0]!.code).toBe("HP-BXL");
    expect(overview.projects[0]!.figures.risk).toBe("full");
    const qsh = overview.projects.find((p) => p.code === "LH-QSH")!.figures;
    expect([qsh.pace, qsh.forecastFull, qsh.risk]).toEqual([null, { kind: "noPace" }, null]);
    const hq = overview.projects.find((p) => p.code === "PD-HQ")!.figures;
    expect([hq.periodEnded, hq.daysLeft, hq.agreementStatus, hq.risk]).toEqual([true, 0, "effective", null]);
  });

  it("every drill-down link lists exactly the counted households", async () => {
    const f = dashboard.figures;
    const links = drillDown(dashboard.project.id);
    const cases: [string, number][] = [
      [links.eligible(), f.eligible],
      [links.signed(), f.signed],
      [links.unsigned(), f.eligible - f.signed],
      [links.firstDay(dashboard.project.signingStart!), f.firstDaySigned],
      [links.agreed(), f.agreed],
      [links.movedOut(), f.movedOut],
      [links.partyEligible(), f.partyEligible],
      [links.partySigned(), f.partySigned],
      ...dashboard.states.map((s) => [links.state(s.state), s.count] as [string, number]),
      ...dashboard.league.flatMap((g) => [
        [links.group(g.groupId), g.households] as [string, number],
        [links.groupSigned(g.groupId), g.signed] as [string, number],
      ]),
    ];
    for (const [href, expected] of cases) {
      const params = Object.fromEntries(new URL(href, "http://x").searchParams.entries());
      const page = await listHouseholds(official, { ...params, projectId: dashboard.project.id });
      expect({ href, total: page.total }).toEqual({ href, total: expected });
    }
  }, 120_000);
});
