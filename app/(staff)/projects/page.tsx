import type { Metadata } from "next";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectTable } from "@/components/projects/project-table";
import Link from "next/link";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/server/or-not-found";
import { listProjects } from "@/lib/server/projects/list-projects";
import { redirect } from "next/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("app.nav.projects") };
}

export default async function ProjectsPage() {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [t, locale, projects] = await Promise.all([getTranslator(), getLocale(), orNotFound(listProjects(actor))]);
  const title = actor.role === "DISTRICT_OFFICIAL" ? t("home.districtTitle") : t("home.staffTitle");
  return (
    <PageShell actor={actor} currentPath="/projects">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-bold">{title}</h1>
        {actor.role === "DISTRICT_OFFICIAL" ? (
          <Link
            href="/overview"
            className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 font-medium text-brand-700 hover:bg-stone-50"
            data-testid="overview-link"
          >
            {t("dashboard.overview.link")}
          </Link>
        ) : null}
        {can(actor, "create", "project") ? (
          <Link
            href="/projects/new"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 font-medium text-white hover:bg-brand-800"
          >
            {t("setup.newProject.link")}
          </Link>
        ) : null}
      </div>
      {projects.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700" data-testid="projects-empty">
          {actor.role === "DISTRICT_OFFICIAL" ? t("home.empty") : t("home.emptyStaff")}
        </p>
      ) : (
        <ProjectTable projects={projects} t={t} format={formatters(locale, serverEnv().LIANXIN_TIME_ZONE)} caption={title} />
      )}
    </PageShell>
  );
}
