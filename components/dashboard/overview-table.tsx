import Link from "next/link";
import { ColumnHeader, RowHeader, SortArrow, Table, TableBody, TableCell, TableFoot, TableHead, TableRegion } from "@/components/ui/table";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { DistrictOverview, OverviewSort } from "@/lib/server/dashboard/get-district-overview";
import { paceText } from "./dashboard-figures";
import { OverviewRows, type OverviewRowView } from "./overview-rows";

// The district overview's table: one row per project, column headers sort through the URL
// (?sort=&dir=, keeping the filters), a risk marker in words and colour with the forecast and
// pace behind it, and each count a link to the project's households behind it.

function hrefWith(overview: DistrictOverview, changes: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  const q = {
    sort: overview.query.sort,
    dir: overview.query.dir,
    kind: overview.query.kind,
    phase: overview.query.phase,
    risk: overview.query.risk,
    ...changes,
  };
  for (const [key, value] of Object.entries(q)) if (value) params.set(key, value);
  return `/overview?${params.toString()}`;
}

export function overviewExportHref(overview: DistrictOverview): string {
  return hrefWith(overview, {}).replace("/overview?", "/api/overview/export?");
}

function SortHeader({
  overview,
  column,
  label,
  numeric = true,
  t,
}: {
  overview: DistrictOverview;
  column: OverviewSort;
  label: string;
  numeric?: boolean;
  t: Translate;
}) {
  const { sort, dir } = overview.query;
  const active = sort === column;
  const direction = active ? (dir === "asc" ? "ascending" : "descending") : null;
  return (
    <ColumnHeader align={numeric ? "right" : undefined} sort={direction ?? "none"}>
      <Link
        href={hrefWith(overview, { sort: column, dir: active && dir === "asc" ? "desc" : "asc" })}
        className="inline-flex min-h-11 items-center gap-1 text-brand-700 underline underline-offset-4"
        aria-label={t("dashboard.overview.sortBy", { column: label })}
        data-testid={`sort-${column}`}
      >
        {label}
        <SortArrow direction={direction} />
      </Link>
    </ColumnHeader>
  );
}

function riskOf(f: DistrictOverview["projects"][number]["figures"], t: Translate, format: Formatters): OverviewRowView["risk"] {
  if (f.risk === null) return { atRisk: false, label: t("dashboard.overview.notAtRisk") };
  const forecast = f.risk === "threshold" ? f.forecastThreshold : f.forecastFull;
  return {
    atRisk: true,
    label: t(`dashboard.overview.risks.${f.risk}`),
    detail:
      forecast.kind === "on"
        ? t("dashboard.overview.riskDetail", { day: format.day(forecast.day), pace: paceText(f.pace, t, format) })
        : t("dashboard.overview.riskNoPace"),
  };
}

function daysLeftOf(f: DistrictOverview["projects"][number]["figures"], t: Translate, format: Formatters): string {
  if (f.daysLeft === null) return t("common.none");
  if (f.periodEnded) return t("dashboard.overview.ended");
  return t("dashboard.overview.daysValue", { days: format.number(f.daysLeft) });
}

function rowView(p: DistrictOverview["projects"][number], t: Translate, format: Formatters): OverviewRowView {
  return {
    id: p.id,
    code: p.code,
    name: p.name,
    place: `${p.code} · ${p.district} ${p.street}`,
    kind: t(`project.kinds.${p.kind}`),
    phase: t(`project.phases.${p.phase}`),
    households: format.number(p.figures.eligible),
    signed: format.number(p.figures.signed),
    unsigned: format.number(p.figures.eligible - p.figures.signed),
    signingStart: p.signingStart,
    rate: format.percent(p.figures.signingRate),
    threshold: format.percent(p.figures.signingThreshold),
    firstDayRate: format.percent(p.figures.firstDayRate),
    relocationRate: format.percent(p.figures.relocationRate),
    daysLeft: daysLeftOf(p.figures, t, format),
    risk: riskOf(p.figures, t, format),
  };
}

function OverviewTotals({ overview, t, format }: { overview: DistrictOverview; t: Translate; format: Formatters }) {
  return (
    <TableFoot className="border-t-2 border-stone-300 bg-stone-50 font-semibold">
      <tr data-testid="overview-totals">
        <RowHeader className="" colSpan={3}>
          {t("dashboard.overview.totals", { count: format.number(overview.totals.projects) })}
        </RowHeader>
        <TableCell numeric>{format.number(overview.totals.eligible)}</TableCell>
        <TableCell numeric>{format.number(overview.totals.signed)}</TableCell>
        <TableCell numeric>{format.number(overview.totals.eligible - overview.totals.signed)}</TableCell>
        <TableCell numeric>{format.percent(overview.totals.signingRate)}</TableCell>
        <TableCell />
        <TableCell />
        <TableCell numeric>{format.percent(overview.totals.relocationRate)}</TableCell>
        <TableCell colSpan={2} />
      </tr>
    </TableFoot>
  );
}

export function OverviewTable({ overview, t, format }: { overview: DistrictOverview; t: Translate; format: Formatters }) {
  const caption = t("dashboard.overview.title");
  const sortHeader = (column: OverviewSort, label: string, numeric = true) => (
    <SortHeader overview={overview} column={column} label={label} numeric={numeric} t={t} />
  );
  return (
    <TableRegion label={caption}>
      <Table caption={caption} className="min-w-[64rem]" testId="overview-table">
        <TableHead>
          {sortHeader("name", t("dashboard.overview.project"), false)}
          <ColumnHeader>{t("dashboard.overview.kind")}</ColumnHeader>
          <ColumnHeader>{t("dashboard.overview.phase")}</ColumnHeader>
          {sortHeader("households", t("dashboard.overview.households"))}
          {sortHeader("signed", t("dashboard.overview.signed"))}
          <ColumnHeader align="right">{t("dashboard.overview.unsigned")}</ColumnHeader>
          {sortHeader("rate", t("dashboard.overview.rate"))}
          <ColumnHeader align="right">{t("dashboard.overview.threshold")}</ColumnHeader>
          {sortHeader("firstDayRate", t("dashboard.overview.firstDayRate"))}
          {sortHeader("relocationRate", t("dashboard.overview.relocationRate"))}
          {sortHeader("daysLeft", t("dashboard.overview.daysLeft"))}
          {sortHeader("risk", t("dashboard.overview.risk"), false)}
        </TableHead>
        <TableBody>
          <OverviewRows rows={overview.projects.map((p) => rowView(p, t, format))} drillDownLabel={t("dashboard.drillDown")} />
        </TableBody>
        <OverviewTotals overview={overview} t={t} format={format} />
      </Table>
    </TableRegion>
  );
}
