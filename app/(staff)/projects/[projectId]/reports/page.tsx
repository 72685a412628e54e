import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { DailyReportPanel } from "@/components/reports/daily-report-panel";
import { DaySummaryView } from "@/components/reports/day-summary";
import { ReportDayPicker } from "@/components/reports/report-day-picker";
import { requireActor } from "@/lib/auth/actor";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/server/or-not-found";
import { getDailyReport } from "@/lib/server/reports/get-daily-report";
import { getDaySummary } from "@/lib/server/reports/get-day-summary";
import { dailyReportAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("reports.title") };
}

type Query = { day?: string | string[]; group?: string | string[]; view?: string | string[] };
type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Query> };

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : undefined);

/** Leaders: their group's report of a day. Secretaries and officials: the day summary, and any
 *  group's report from it (?group=…). */
export default async function ReportsPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const { projectId } = await params;
  const query = await searchParams;
  const day = one(query.day);
  const groupId = one(query.group);
  const oversees = actor.role === "DISTRICT_OFFICIAL" || actor.managedProjectIds.includes(projectId);
  const showSummary = oversees && !groupId && one(query.view) !== "group";
  const [t, locale] = await Promise.all([getTranslator(), getLocale()]);
  const base = `/projects/${projectId}/reports`;

  if (showSummary) {
    const summary = await orNotFound(getDaySummary(actor, { projectId, day }));
    const f = formatters(locale, summary.timeZone);
    return (
      <PageShell actor={actor} currentPath={base}>
        <ProjectNav actor={actor} projectId={projectId} current="reports" />
        <h1 className="text-2xl font-bold print:hidden">
          {t("reports.title")} · {summary.project.name}
        </h1>
        <ReportDayPicker t={t} day={summary.day} today={summary.today} />
        <DaySummaryView t={t} f={f} summary={summary} reportHref={(id) => `${base}?group=${id}&day=${summary.day}`} />
      </PageShell>
    );
  }

  const view = await orNotFound(getDailyReport(actor, { projectId, groupId, day }));
  const f = formatters(locale, view.timeZone);
  return (
    <PageShell actor={actor} currentPath={base}>
      <ProjectNav actor={actor} projectId={projectId} current="reports" />
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-bold">
          {t("reports.reportTitle")} · {view.project.name}
        </h1>
        {oversees ? (
          <Link href={`${base}?day=${view.day}`} className="min-h-11 py-2 text-brand-800 underline underline-offset-4">
            {t("reports.summaryTitle")}
          </Link>
        ) : null}
      </div>
      <ReportDayPicker
        t={t}
        day={view.day}
        today={view.today}
        groups={view.groups}
        groupId={view.group?.id}
        view={oversees ? "group" : undefined}
      />
      {view.group ? (
        <DailyReportPanel t={t} f={f} view={view} group={view.group} action={dailyReportAction} />
      ) : (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700" data-testid="report-no-group">
          {t("reports.noGroup")}
        </p>
      )}
    </PageShell>
  );
}
