import type { Metadata } from "next";
import { PageShell } from "@/components/layout/page-shell";
import { liveLabels } from "@/components/live/live-labels";
import { LiveRefresh } from "@/components/live/live-refresh";
import { OverviewFilterForm } from "@/components/dashboard/overview-filter-form";
import { OverviewSummary } from "@/components/dashboard/overview-summary";
import { OverviewTable, overviewExportHref } from "@/components/dashboard/overview-table";
import { requireActor } from "@/lib/auth/actor";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getDistrictOverview } from "@/lib/server/dashboard/get-district-overview";
import { orNotFound } from "@/lib/server/or-not-found";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("dashboard.overview.title") };
}

export default async function OverviewPage({ searchParams }: Props) {
  const actor = await requireActor();
  const [t, locale, overview] = await Promise.all([
    getTranslator(),
    getLocale(),
    orNotFound(getDistrictOverview(actor, await searchParams)),
  ]);
  const format = formatters(locale, overview.timeZone);
  const computedAt = format.dateTime(new Date(overview.computedAt));
  return (
    <PageShell actor={actor} currentPath="/overview">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">{t("dashboard.overview.title")}</h1>
          <p className="text-stone-700">{t("dashboard.overview.description")}</p>
          <p className="text-sm text-stone-600" data-testid="computed-at">
            {t("dashboard.computedAt", { time: computedAt, zone: overview.timeZone })}
          </p>
          <LiveRefresh labels={liveLabels(t)} />
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
      <OverviewSummary overview={overview} t={t} format={format} />
      <OverviewFilterForm overview={overview} t={t} />
      <p aria-live="polite" className="text-sm text-stone-700" data-testid="overview-results">
        {t("dashboard.overview.results", { count: format.number(overview.projects.length) })}
      </p>
      {overview.projects.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700" data-testid="overview-empty">
          {t("dashboard.overview.empty")}
        </p>
      ) : (
        <OverviewTable overview={overview} t={t} format={format} />
      )}
    </PageShell>
  );
}
