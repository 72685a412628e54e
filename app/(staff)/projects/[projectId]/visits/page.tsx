import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { VisitRegister } from "@/components/visits/visit-register";
import { requireActor } from "@/lib/auth/actor";
import { canInProject } from "@/lib/auth/permissions";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/server/or-not-found";
import { listVisits } from "@/lib/server/visits/list-visits";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("visits.log.title") };
}

/** 走访台账: the project's visits with filters, and their export. */
export default async function VisitRegisterPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [{ projectId }, query] = await Promise.all([params, searchParams]);
  const [t, locale, data] = await Promise.all([getTranslator(), getLocale(), orNotFound(listVisits(actor, { ...query, projectId }))]);
  return (
    <PageShell actor={actor} currentPath={`/projects/${projectId}/visits`}>
      <ProjectNav actor={actor} projectId={projectId} current="visits" />
      <div>
        <h1 className="text-2xl font-bold">{t("visits.log.title")}</h1>
        <p className="text-stone-700">
          {data.project.name} · {t("visits.log.description")}
        </p>
      </div>
      <VisitRegister
        data={data}
        canExport={canInProject(actor, "export", "visit", projectId)}
        t={t}
        f={formatters(locale, data.timeZone)}
        locale={locale}
      />
    </PageShell>
  );
}
