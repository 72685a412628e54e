import Link from "next/link";
import type { Locale, Translate } from "@/lib/i18n/translate";
import type { DistrictOverview, OverviewSort } from "@/lib/server/dashboard/get-district-overview";
import { OverviewRows, type OverviewRowView } from "./overview-rows";

// The district overview's table: one row per project, column headers sort through the URL
// (?sort=&dir=, keeping the filters), a risk marker in words and colour.

function hrefWith(overview: DistrictOverview, changes: Record<string, string | undefined>): string {
  const params = new URLSearchParams();
  const q = { sort: overview.query.sort, dir: overview.query.dir, kind: overview.query.kind, phase: overview.query.phase, ...changes };
  for (const [key, value] of Object.entries(q)) if (value) params.set(key, value);
  return `/overview?${params.toString()}`;
}

export function overviewExportHref(overview: DistrictOverview): string {
  return hrefWith(overview, {}).replace("/overview?", "/api/overview/export?");
}

export function OverviewTable({ overview, t, locale }: { overview: DistrictOverview; t: Translate; locale: Locale }) {
  const n = new Intl.NumberFormat(locale);
  const percent = (value: string | null) => (value === null ? t("common.none") : t("common.percent", { value }));
  const { sort, dir } = overview.query;
  const header = (column: OverviewSort, label: string, numeric = true) => {
    const active = sort === column;
    const nextDir = active && dir === "asc" ? "desc" : "asc";
    return (
      <th scope="col" className={`px-3 py-2 ${numeric ? "text-right" : ""}`} aria-sort={active ? (dir === "asc" ? "ascending" : "descending") : "none"}>
        <Link
          href={hrefWith(overview, { sort: column, dir: nextDir })}
          className="inline-flex min-h-11 items-center gap-1 text-brand-700 underline underline-offset-4"
          aria-label={t("dashboard.overview.sortBy", { column: label })}
          data-testid={`sort-${column}`}
        >
          {label}
          <span aria-hidden="true">{active ? (dir === "asc" ? "▲" : "▼") : ""}</span>
        </Link>
      </th>
    );
  };
  const caption = t("dashboard.overview.title");
  return (
    <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full min-w-[60rem] text-left" data-testid="overview-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-stone-100 text-sm text-stone-700">
          <tr>
            {header("name", t("dashboard.overview.project"), false)}
            <th scope="col" className="px-3 py-2">{t("dashboard.overview.kind")}</th>
            <th scope="col" className="px-3 py-2">{t("dashboard.overview.phase")}</th>
            {header("households", t("dashboard.overview.households"))}
            {header("signed", t("dashboard.overview.signed"))}
            {header("rate", t("dashboard.overview.rate"))}
            <th scope="col" className="px-3 py-2 text-right">{t("dashboard.overview.threshold")}</th>
            {header("firstDayRate", t("dashboard.overview.firstDayRate"))}
            {header("relocationRate", t("dashboard.overview.relocationRate"))}
            {header("daysLeft", t("dashboard.overview.daysLeft"))}
            {header("risk", t("dashboard.overview.risk"), false)}
          </tr>
        </thead>
        <tbody>
          <OverviewRows
            rows={overview.projects.map(
              (p): OverviewRowView => ({
                id: p.id,
                code: p.code,
                name: p.name,
                place: `${p.code} · ${p.district} ${p.street}`,
                kind: t(`project.kinds.${p.kind}`),
                phase: t(`project.phases.${p.phase}`),
                households: n.format(p.figures.eligible),
                signed: n.format(p.figures.signed),
                rate: percent(p.figures.signingRate),
                threshold: percent(p.figures.signingThreshold),
                firstDayRate: percent(p.figures.firstDayRate),
                relocationRate: percent(p.figures.relocationRate),
                daysLeft: p.figures.daysLeft === null ? t("common.none") : t("dashboard.overview.daysValue", { days: n.format(p.figures.daysLeft) }),
                risk: { atRisk: p.figures.isAtRisk, label: t(p.figures.isAtRisk ? "dashboard.overview.atRisk" : "dashboard.overview.notAtRisk") },
              }),
            )}
          />
        </tbody>
        <tfoot className="border-t-2 border-stone-300 bg-stone-50 font-semibold">
          <tr data-testid="overview-totals">
            <th scope="row" className="px-3 py-2" colSpan={3}>
              {t("dashboard.overview.totals", { count: n.format(overview.totals.projects) })}
            </th>
            <td className="px-3 py-2 text-right tabular-nums">{n.format(overview.totals.eligible)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{n.format(overview.totals.signed)}</td>
            <td className="px-3 py-2 text-right tabular-nums">{percent(overview.totals.signingRate)}</td>
            <td className="px-3 py-2" />
            <td className="px-3 py-2" />
            <td className="px-3 py-2 text-right tabular-nums">{percent(overview.totals.relocationRate)}</td>
            <td className="px-3 py-2" colSpan={2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
