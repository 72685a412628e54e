import type { Metadata } from "next";
import { PageShell } from "@/components/layout/page-shell";
import { LiveRefresh } from "@/components/live/live-refresh";
import { OverviewTable, overviewExportHref } from "@/components/dashboard/overview-table";
import { requireActor } from "@/lib/auth/actor";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getDistrictOverview } from "@/lib/server/dashboard/get-district-overview";
import { orNotFound } from "@/lib/server/or-not-found";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const KINDS = ["OLD_DISTRICT", "SHANTYTOWN", "VILLAGE"] as const;
const PHASES = ["PREPARATION", "NOTICE", "FIRST_CONSULTATION", "SIGNING", "RELOCATION", "CLEARED", "CLOSED"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("dashboard.overview.title") };
}

export default async function OverviewPage({ searchParams }: Props) {
  const actor = await requireActor();
  const [t, locale, overview] = await Promise.all([getTranslator(), getLocale(), orNotFound(getDistrictOverview(actor, await searchParams))]);
  const n = new Intl.NumberFormat(locale);
  const computedAt = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: overview.timeZone }).format(
    new Date(overview.computedAt),
  );
  const select = "min-h-11 rounded-md border border-stone-300 bg-white px-3";
  return (
    <PageShell actor={actor} currentPath="/overview">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("dashboard.overview.title")}</h1>
          <p className="text-stone-700">{t("dashboard.overview.description")}</p>
          <p className="text-sm text-stone-600" data-testid="computed-at">
            {t("dashboard.computedAt", { time: computedAt, zone: overview.timeZone })}
          </p>
          <LiveRefresh labels={{ live: t("live.indicator.live"), connecting: t("live.indicator.connecting"), reconnecting: t("live.indicator.reconnecting") }} />
        </div>
        <a
          href={overviewExportHref(overview)}
          className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 font-medium text-brand-700 hover:bg-stone-50"
          data-testid="overview-export"
          download
        >
          {t("dashboard.export")}
        </a>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <div className="rounded-lg border border-stone-200 bg-white p-3">
          <dt className="text-sm text-stone-600">{t("dashboard.overview.households")}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="total-households">{n.format(overview.totals.eligible)}</dd>
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-3">
          <dt className="text-sm text-stone-600">{t("dashboard.overview.signed")}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="total-signed">{n.format(overview.totals.signed)}</dd>
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-3">
          <dt className="text-sm text-stone-600">{t("dashboard.overview.rate")}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="total-rate">
            {overview.totals.signingRate === null ? t("common.none") : t("common.percent", { value: overview.totals.signingRate })}
          </dd>
        </div>
        <div className="rounded-lg border border-stone-200 bg-white p-3">
          <dt className="text-sm text-stone-600">{t("dashboard.overview.signedThisYear", { year: String(overview.year) })}</dt>
          <dd className="text-2xl font-semibold tabular-nums" data-testid="signed-this-year">{n.format(overview.signedThisYear)}</dd>
        </div>
      </dl>
      <form method="get" action="/overview" className="flex flex-wrap items-end gap-3" role="search" aria-label={t("dashboard.overview.filter")}>
        <input type="hidden" name="sort" value={overview.query.sort} />
        <input type="hidden" name="dir" value={overview.query.dir} />
        <label className="flex flex-col gap-1 text-sm">
          {t("dashboard.overview.kind")}
          <select name="kind" defaultValue={overview.query.kind ?? ""} className={select} data-testid="filter-kind">
            <option value="">{t("dashboard.overview.allKinds")}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`project.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col gap-1 text-sm">
          {t("dashboard.overview.phase")}
          <select name="phase" defaultValue={overview.query.phase ?? ""} className={select} data-testid="filter-phase">
            <option value="">{t("dashboard.overview.allPhases")}</option>
            {PHASES.map((p) => (
              <option key={p} value={p}>
                {t(`project.phases.${p}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800" data-testid="filter-submit">
          {t("dashboard.overview.filter")}
        </button>
      </form>
      <p aria-live="polite" className="text-sm text-stone-700" data-testid="overview-results">
        {t("dashboard.overview.results", { count: n.format(overview.projects.length) })}
      </p>
      {overview.projects.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700" data-testid="overview-empty">
          {t("dashboard.overview.empty")}
        </p>
      ) : (
        <OverviewTable overview={overview} t={t} locale={locale} />
      )}
    </PageShell>
  );
}
