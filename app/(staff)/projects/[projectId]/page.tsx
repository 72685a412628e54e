import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { liveLabels } from "@/components/live/live-labels";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { ProjectSummaryFigures, ProjectSummaryHeading } from "@/components/projects/project-summary";
import { AccessCodeForm } from "@/components/residents/access-code-form";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/server/or-not-found";
import { getProjectSummary } from "@/lib/server/projects/get-project-summary";
import { issueResidentAccessCodeAction } from "./actions";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("project.summaryTitle") };
}

export default async function ProjectPage({ params }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const { projectId } = await params;
  const [t, locale, project] = await Promise.all([getTranslator(), getLocale(), orNotFound(getProjectSummary(actor, { projectId }))]);
  const format = formatters(locale, serverEnv().LIANXIN_TIME_ZONE);
  return (
    <PageShell actor={actor} currentPath={`/projects/${project.id}`}>
      <Link href="/projects" className="text-brand-700 underline underline-offset-4">
        {t("project.back")}
      </Link>
      <ProjectNav actor={actor} projectId={project.id} current="summary" />
      <LiveRefresh projectId={project.id} labels={liveLabels(t)} />
      <ProjectSummaryHeading project={project} t={t} format={format} />
      <ProjectSummaryFigures project={project} t={t} format={format} />
      {can(actor, "issue", "access-code") ? (
        <AccessCodeForm
          projectId={project.id}
          action={issueResidentAccessCodeAction}
          labels={{
            title: t("accessCode.title"),
            description: t("accessCode.description"),
            householdCode: t("accessCode.householdCode"),
            submit: t("accessCode.submit"),
            pending: t("common.loading"),
          }}
        />
      ) : null}
    </PageShell>
  );
}
