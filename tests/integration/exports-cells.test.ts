// The exports say what the pages say, in cells Excel can work with: read back with exceljs, a
// rate is a number with the 0.00% format (not the text "70.03"), a time is a date-time cell in
// the deployment's zone (not a UTC ISO string), a day is a date; the overview's risk column and
// the dashboard's cleared row are never blank; the overview's totals carry the relocation rate.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { wallClockOf } from "@/lib/domain/calendar-day";
import { createTranslator } from "@/lib/i18n/translate";
import { districtOverviewWorkbook, projectDashboardWorkbook } from "@/lib/server/dashboard/dashboard-workbook";
import { getDistrictOverview } from "@/lib/server/dashboard/get-district-overview";
import { getProjectDashboard } from "@/lib/server/dashboard/get-project-dashboard";
import { exportDemands } from "@/lib/server/demands/export-demands";
import { exportTasks } from "@/lib/server/tasks/export-tasks";
import { exportVisits } from "@/lib/server/visits/export-visits";
import { seedProject, seedUser, type SeededProject } from "@/prisma/seed/factories";

const ZONE = "Asia/Shanghai";
// 00:30 in Shanghai is still the day before in UTC: a UTC time would show the wrong day.
const NOW = new Date("2026-11-30T16:30:00Z");
const zh = createTranslator("zh-CN");
const en = createTranslator("en");
let project: SeededProject;
let official: Actor;
let secretary: Actor;

async function load(bytes: Uint8Array | ReadableStream<Uint8Array>): Promise<ExcelJS.Workbook> {
  const buffer = bytes instanceof Uint8Array ? Buffer.from(bytes) : Buffer.from(await new Response(bytes).arrayBuffer());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

/** The value cell of a figures row, by its label in column A. */
function valueOf(sheet: ExcelJS.Worksheet, label: string): ExcelJS.Cell {
  let found: ExcelJS.Cell | undefined;
  sheet.eachRow((row) => {
    if (row.getCell(1).value === label) found = row.getCell(2);
  });
  if (!found) throw new Error(`no row ${label}`);
  return found;
}

function expectRate(cell: ExcelJS.Cell, text: string | null): void {
  expect(cell.numFmt).toBe("0.00%");
  if (text === null) {
    expect(cell.value).toBeNull();
    return;
  }
  expect(cell.type).toBe(ExcelJS.ValueType.Number);
  expect(cell.value).toBe(Math.round(Number(text) * 100) / 10000);
}

/** A date-time cell holding the zone's wall clock of `instant`. */
function expectLocalTime(cell: ExcelJS.Cell, instant: Date): void {
  expect(cell.type).toBe(ExcelJS.ValueType.Date);
  expect(cell.numFmt).toBe("yyyy-mm-dd hh:mm");
  expect((cell.value as Date).toISOString().slice(0, 16)).toBe(wallClockOf(instant, ZONE));
}

beforeAll(async () => {
  project = await seedProject(db(), { anchor: "2026-12-01", households: 60, signingGroups: 2 });
  official = (await loadActor(db(), (await seedUser(db(), { role: "DISTRICT_OFFICIAL" })).id))!;
  secretary = (await loadActor(db(), project.secretaryId))!;
});

describe("the dashboard export", () => {
  it("writes rates as percentages, the time in the zone, the first-day count and the cleared row", async () => {
    const dashboard = await getProjectDashboard(official, { projectId: project.project.id }, NOW);
    const f = dashboard.figures;
    expect(f.signed).toBeGreaterThan(0);
    const workbook = await load(await projectDashboardWorkbook(dashboard, zh));
    const sheet = workbook.getWorksheet("指标")!;

    const computedAt = valueOf(sheet, "统计时间");
    expectLocalTime(computedAt, NOW);
    expect((computedAt.value as Date).toISOString().slice(0, 16)).toBe("2026-12-01T00:30");
    expect(valueOf(sheet, "时区").value).toBe(ZONE);

    expectRate(valueOf(sheet, "签约率"), f.signingRate);
    expectRate(valueOf(sheet, "生效比例"), f.signingThreshold);
    expectRate(valueOf(sheet, "首日签约率"), f.firstDayRate);
    expectRate(valueOf(sheet, "一轮征询同意率"), f.firstRoundApproval);
    expectRate(valueOf(sheet, "搬迁率"), f.relocationRate);
    expect(valueOf(sheet, "首日签约户数").value).toBe(f.firstDaySigned);
    expect(valueOf(sheet, "已清零").value).toBe(f.isCleared ? "是" : "否");

    // The series: a day is a date, the rate a percentage.
    const series = workbook.getWorksheet("每日签约")!;
    const last = series.getRow(series.rowCount);
    const point = dashboard.series.at(-1)!;
    expect(last.getCell(1).type).toBe(ExcelJS.ValueType.Date);
    expect((last.getCell(1).value as Date).toISOString().slice(0, 10)).toBe(point.day);
    expect(last.getCell(3).value).toBe(point.cumulative);
    expectRate(last.getCell(4), point.rate);

    const league = workbook.getWorksheet("签约擂台")!;
    const first = dashboard.league[0]!;
    expectRate(league.getRow(2).getCell(5), first.rate);
  });

  it("says no in English when not cleared", async () => {
    const dashboard = await getProjectDashboard(official, { projectId: project.project.id }, NOW);
    expect(dashboard.figures.isCleared).toBe(false);
    const sheet = (await load(await projectDashboardWorkbook(dashboard, en))).getWorksheet("Figures")!;
    expect(valueOf(sheet, "Cleared").value).toBe("no");
    expect(valueOf(sheet, "Signed on day one").value).toBe(dashboard.figures.firstDaySigned);
  });
});

describe("the overview export", () => {
  it("fills the risk column with the page's words and the totals with the relocation rate", async () => {
    const overview = await getDistrictOverview(official, {}, NOW);
    const sheet = (await load(await districtOverviewWorkbook(overview, zh))).worksheets[0]!;
    expectLocalTime(sheet.getRow(1).getCell(2), NOW);
    const header = sheet.getRow(4).values as unknown[];
    const col = (name: string) => header.indexOf(name);
    let rows = 0;
    sheet.eachRow((row) => {
      const p = overview.projects.find((x) => x.code === row.getCell(1).value);
      if (!p) return;
      rows += 1;
      const riskWords = { threshold: "签约期内难以达到生效比例", full: "签约期内难以全部签约" } as const;
      expect(row.getCell(col("风险")).value).toBe(p.figures.risk === null ? "正常" : riskWords[p.figures.risk]);
      expectRate(row.getCell(col("签约率")), p.figures.signingRate);
      expectRate(row.getCell(col("生效比例")), p.figures.signingThreshold);
      expectRate(row.getCell(col("首日签约率")), p.figures.firstDayRate);
      expectRate(row.getCell(col("搬迁率")), p.figures.relocationRate);
    });
    expect(rows).toBe(overview.projects.length);
    let totals: ExcelJS.Row | undefined;
    sheet.eachRow((row) => {
      if (String(row.getCell(1).value).startsWith("合计")) totals = row;
    });
    expect(totals!.getCell(col("户数")).value).toBe(overview.totals.eligible);
    expectRate(totals!.getCell(col("签约率")), overview.totals.signingRate);
    expectRate(totals!.getCell(col("搬迁率")), overview.totals.relocationRate);
  });
});

describe("the field-work exports", () => {
  it("write times in the zone and days as dates", async () => {
    const projectId = project.project.id;
    const visits = (await load((await exportVisits(secretary, { projectId })).stream)).worksheets[0]!;
    const visit = await db().visitLog.findFirstOrThrow({ where: { projectId }, orderBy: [{ visitedAt: "desc" }, { id: "desc" }] });
    expectLocalTime(visits.getRow(2).getCell(1), visit.visitedAt);

    const tasksFile = await exportTasks(secretary, { projectId });
    const tasks = (await load(tasksFile.body)).worksheets[0]!;
    expect(tasksFile.count).toBeGreaterThan(0);
    const due = tasks.getRow(2).getCell(6);
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect(due.numFmt).toBe("yyyy-mm-dd");
    expect(["是", "否"]).toContain(tasks.getRow(2).getCell(9).value);
  });

  it("write a demand's times in the zone", async () => {
    const projectId = project.project.id;
    const household = await db().household.findFirstOrThrow({ where: { projectId }, orderBy: { code: "asc" } });
    const raisedAt = new Date("2026-11-30T17:05:00Z");
    await db().demand.create({
      data: {
        projectId,
        householdId: household.id,
        category: "COMPENSATION",
        description: "导出时间核对",
        createdAt: raisedAt,
        raisedById: project.secretaryId,
      },
    });
    const file = await exportDemands(secretary, { projectId });
    const sheet = (await load(file.body)).worksheets[0]!;
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r) => {
      if (r.getCell(5).value === "导出时间核对") row = r;
    });
    expectLocalTime(row!.getCell(8), raisedAt);
    expect((row!.getCell(8).value as Date).toISOString().slice(0, 16)).toBe("2026-12-01T01:05");
  });
});
