import type { Metadata } from "next";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectTable } from "@/components/projects/project-table";
import { requireActor } from "@/lib/auth/actor";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { listProjects } from "@/lib/server/projects/list-projects";
import { redirect } from "next/navigation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("app.nav.projects") };
}

export default async function ProjectsPage() {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [t, locale, projects] = await Promise.all([getTranslator(), getLocale(), listProjects(actor)]);
  const title = actor.role === "DISTRICT_OFFICIAL" ? t("home.districtTitle") : t("home.staffTitle");
  return (
    <PageShell actor={actor} currentPath="/projects">
      <h1 className="text-2xl font-bold">{title}</h1>
      {projects.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700" data-testid="projects-empty">
          {actor.role === "DISTRICT_OFFICIAL" ? t("home.empty") : t("home.emptyStaff")}
        </p>
      ) : (
        <ProjectTable projects={projects} t={t} locale={locale} caption={title} />
      )}
    </PageShell>
  );
}
