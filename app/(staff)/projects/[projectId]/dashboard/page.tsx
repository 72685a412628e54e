import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { liveLabels } from "@/components/live/live-labels";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ProjectDashboard } from "@/components/dashboard/project-dashboard";
import { requireActor } from "@/lib/auth/actor";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getProjectDashboard } from "@/lib/server/dashboard/get-project-dashboard";
import { orNotFound } from "@/lib/server/or-not-found";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("dashboard.title") };
}

export default async function DashboardPage({ params }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const { projectId } = await params;
  const [t, locale, dashboard] = await Promise.all([getTranslator(), getLocale(), orNotFound(getProjectDashboard(actor, { projectId }))]);
  const { project } = dashboard;
  const format = formatters(locale, dashboard.timeZone);
  const computedAt = format.dateTime(new Date(dashboard.computedAt));
  return (
    <PageShell actor={actor} currentPath={`/projects/${project.id}/dashboard`}>
      <ProjectNav actor={actor} projectId={project.id} current="dashboard" />
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold">
            {t("dashboard.title")} · {project.name}
          </h1>
          <p className="text-stone-700">
            {project.code} · {t(`project.kinds.${project.kind}`)} · {t(`project.phases.${project.phase}`)}
          </p>
          <p className="text-sm text-stone-600" data-testid="computed-at">
            {t("dashboard.computedAt", { time: computedAt, zone: dashboard.timeZone })}
          </p>
          <LiveRefresh projectId={project.id} labels={liveLabels(t)} />
        </div>
        <a
          href={`/api/projects/${project.id}/dashboard/export`}
          className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 font-medium text-brand-700 hover:bg-stone-50"
          data-testid="dashboard-export"
          download
        >
          {t("dashboard.export")}
        </a>
      </div>
      <ProjectDashboard dashboard={dashboard} t={t} locale={locale} format={format} />
    </PageShell>
  );
}
