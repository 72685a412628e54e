import "server-only";
import ExcelJS from "exceljs";
import type { Forecast } from "../../domain/progress.ts";
import type { Translate } from "../../i18n/translate.ts";
import type { DistrictOverview } from "./get-district-overview.ts";
import { addXlsxRow, xlsxDateTime, xlsxDay, xlsxRate, type XlsxValue } from "../route-xlsx.ts";
import type { ProjectDashboard } from "./get-project-dashboard.ts";

// The .xlsx exports of the dashboard and the overview, written from the same DTOs the pages
// render, so the file and the screen show the same figures in the same words: rates as numbers
// formatted as percentages, times in the deployment's zone, days as dates (lib/server/route-xlsx.ts).

function forecastCell(forecast: Forecast, t: Translate): XlsxValue {
  if (forecast.kind === "reached") return t("dashboard.figures.forecastReached");
  if (forecast.kind === "noPace") return t("dashboard.figures.forecastNoPace");
  return xlsxDay(forecast.day);
}

function yesNo(value: boolean, t: Translate): string {
  return t(value ? "dashboard.exportSheet.yes" : "dashboard.exportSheet.no");
}

function stamp(sheet: ExcelJS.Worksheet, computedAt: string, timeZone: string, t: Translate): void {
  addXlsxRow(sheet, [t("dashboard.exportSheet.computedAt"), xlsxDateTime(computedAt, timeZone)]);
  sheet.addRow([t("dashboard.exportSheet.timeZone"), timeZone]);
  sheet.addRow([]);
}

function bold(row: ExcelJS.Row): void {
  row.font = { bold: true };
}

export async function projectDashboardWorkbook(dashboard: ProjectDashboard, t: Translate): Promise<Uint8Array> {
  const f = dashboard.figures;
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(dashboard.computedAt);
  const sheet = workbook.addWorksheet(t("dashboard.exportSheet.figures"));
  sheet.columns = [{ width: 36 }, { width: 28 }];
  sheet.addRow([t("dashboard.exportSheet.code"), dashboard.project.code]);
  sheet.addRow([t("project.name"), dashboard.project.name]);
  stamp(sheet, dashboard.computedAt, dashboard.timeZone, t);
  bold(sheet.addRow([t("dashboard.exportSheet.figure"), t("dashboard.exportSheet.value")]));
  const rows: [string, XlsxValue][] = [
    [t("dashboard.figures.eligible"), f.eligible],
    [t("dashboard.figures.signed"), f.signed],
    [t("dashboard.figures.signingRate"), xlsxRate(f.signingRate)],
    [t("dashboard.figures.threshold"), xlsxRate(f.signingThreshold)],
    [t("dashboard.figures.gap"), f.gapToThreshold],
    [t("dashboard.figures.firstDayRate"), xlsxRate(f.firstDayRate)],
    [t("dashboard.exportSheet.firstDaySigned"), f.firstDaySigned],
    [t("dashboard.figures.firstRoundApproval"), xlsxRate(f.firstRoundApproval)],
    [t("dashboard.figures.relocationRate"), xlsxRate(f.relocationRate)],
    [t("dashboard.figures.cleared"), yesNo(f.isCleared, t)],
    [t("dashboard.figures.partyRate"), xlsxRate(f.partyRate)],
    [t("dashboard.exportSheet.otherRate"), xlsxRate(f.otherRate)],
    [t("dashboard.exportSheet.partyFirstDayRate"), xlsxRate(f.partyFirstDayRate)],
    [t("dashboard.exportSheet.otherFirstDayRate"), xlsxRate(f.otherFirstDayRate)],
    [t("dashboard.exportSheet.partyMeanDays"), f.partyMeanDays === null ? "" : Number(f.partyMeanDays)],
    [t("dashboard.exportSheet.otherMeanDays"), f.otherMeanDays === null ? "" : Number(f.otherMeanDays)],
    [t("dashboard.figures.partyMedian"), `${f.partyMedianDays ?? ""} / ${f.otherMedianDays ?? ""}`],
    [t("dashboard.exportSheet.pace"), f.pace === null ? t("dashboard.figures.paceTooEarly") : Number(f.pace.perDay)],
    [t("dashboard.figures.forecastThreshold"), forecastCell(f.forecastThreshold, t)],
    [t("dashboard.figures.forecastFull"), forecastCell(f.forecastFull, t)],
    [t("dashboard.overview.risk"), f.risk === null ? t("dashboard.overview.notAtRisk") : t(`dashboard.overview.risks.${f.risk}`)],
    [t("dashboard.figures.daysLeft"), f.periodEnded ? t("dashboard.figures.periodEnded") : (f.daysLeft ?? "")],
    [
      t("dashboard.figures.agreements"),
      f.agreementStatus === "failed"
        ? t("project.failed")
        : f.agreementStatus === "effective"
          ? t("project.effective")
          : t("project.pending"),
    ],
  ];
  for (const row of rows) addXlsxRow(sheet, row);

  const series = workbook.addWorksheet(t("dashboard.exportSheet.series"));
  series.columns = [{ width: 14 }, { width: 14 }, { width: 14 }, { width: 18 }];
  bold(
    series.addRow([
      t("dashboard.charts.day"),
      t("dashboard.charts.signedThatDay"),
      t("dashboard.charts.cumulative"),
      t("dashboard.charts.rate"),
    ]),
  );
  for (const p of dashboard.series) addXlsxRow(series, [xlsxDay(p.day), p.signed, p.cumulative, xlsxRate(p.rate)]);

  const states = workbook.addWorksheet(t("dashboard.exportSheet.states"));
  states.columns = [{ width: 16 }, { width: 12 }];
  bold(states.addRow([t("dashboard.charts.state"), t("dashboard.charts.households")]));
  for (const s of dashboard.states) states.addRow([t(`household.states.${s.state}`), s.count]);

  const league = workbook.addWorksheet(t("dashboard.exportSheet.league"));
  league.columns = [{ width: 8 }, { width: 20 }, { width: 10 }, { width: 10 }, { width: 10 }, { width: 14 }, { width: 12 }];
  bold(
    league.addRow([
      t("dashboard.league.rank"),
      t("dashboard.league.group"),
      t("dashboard.league.households"),
      t("dashboard.league.signed"),
      t("dashboard.league.rate"),
      t("dashboard.league.visits"),
      t("dashboard.league.overdue"),
    ]),
  );
  for (const g of dashboard.league)
    addXlsxRow(league, [g.rank, g.name, g.households, g.signed, xlsxRate(g.rate), g.visitsLast7Days, g.overdueTasks]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function districtOverviewWorkbook(overview: DistrictOverview, t: Translate): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.created = new Date(overview.computedAt);
  const sheet = workbook.addWorksheet(t("dashboard.exportSheet.overview"));
  sheet.columns = [14, 24, 10, 12, 10, 10, 10, 10, 12, 12, 12, 10].map((width) => ({ width }));
  stamp(sheet, overview.computedAt, overview.timeZone, t);
  bold(
    sheet.addRow([
      t("dashboard.exportSheet.code"),
      t("project.name"),
      t("project.kind"),
      t("project.phase"),
      t("dashboard.overview.households"),
      t("dashboard.overview.signed"),
      t("dashboard.overview.rate"),
      t("dashboard.overview.threshold"),
      t("dashboard.overview.firstDayRate"),
      t("dashboard.overview.relocationRate"),
      t("dashboard.overview.daysLeft"),
      t("dashboard.overview.risk"),
    ]),
  );
  for (const p of overview.projects) {
    const f = p.figures;
    addXlsxRow(sheet, [
      p.code,
      p.name,
      t(`project.kinds.${p.kind}`),
      t(`project.phases.${p.phase}`),
      f.eligible,
      f.signed,
      xlsxRate(f.signingRate),
      xlsxRate(f.signingThreshold),
      xlsxRate(f.firstDayRate),
      xlsxRate(f.relocationRate),
      f.daysLeft,
      f.risk === null ? t("dashboard.overview.notAtRisk") : t(`dashboard.overview.risks.${f.risk}`),
    ]);
  }
  sheet.addRow([]);
  const totals = overview.totals;
  bold(
    addXlsxRow(sheet, [
      t("dashboard.overview.totals", { count: String(totals.projects) }),
      null,
      null,
      null,
      totals.eligible,
      totals.signed,
      xlsxRate(totals.signingRate),
      null,
      null,
      xlsxRate(totals.relocationRate),
    ]),
  );
  sheet.addRow([t("dashboard.overview.signedThisYear", { year: String(overview.year) }), "", "", "", "", overview.signedThisYear]);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
