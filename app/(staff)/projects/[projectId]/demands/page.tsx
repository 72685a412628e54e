import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DemandCards, DemandEmpty, DemandFilters, DemandSummary } from "@/components/demands/demand-list";
import { PageShell } from "@/components/layout/page-shell";
import { liveLabels } from "@/components/live/live-labels";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ProjectNav } from "@/components/projects/project-nav";
import { requireActor } from "@/lib/auth/actor";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { listDemands } from "@/lib/server/demands/list-demands";
import { orNotFound } from "@/lib/server/or-not-found";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("demands.title") };
}

export default async function DemandsPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [{ projectId }, query] = await Promise.all([params, searchParams]);
  const [t, locale, page] = await Promise.all([getTranslator(), getLocale(), orNotFound(listDemands(actor, { ...query, projectId }))]);
  const format = formatters(locale, page.timeZone);
  const base = `/projects/${projectId}/demands`;
  const props = { page, base, t, format };

  return (
    <PageShell actor={actor} currentPath={base}>
      <ProjectNav actor={actor} projectId={projectId} current="demands" />
      <div>
        <h1 className="text-2xl font-bold">{t("demands.title")}</h1>
        <p className="text-stone-700">
          {page.project.name} · {page.project.code}
        </p>
        <p className="mt-2 max-w-3xl text-stone-700">{t("demands.description")}</p>
        <LiveRefresh projectId={projectId} labels={liveLabels(t)} />
      </div>
      <DemandFilters {...props} />
      <DemandSummary {...props} />
      {page.items.length === 0 ? <DemandEmpty {...props} /> : <DemandCards {...props} />}
    </PageShell>
  );
}
