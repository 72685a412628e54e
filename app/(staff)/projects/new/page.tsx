import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectFieldsForm } from "@/components/setup/project-settings-form";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import { createProjectAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("setup.newProject.title") };
}

export default async function NewProjectPage() {
  const actor = await requireActor();
  if (!can(actor, "create", "project")) notFound();
  const t = await getTranslator();
  return (
    <PageShell actor={actor} currentPath="/projects/new">
      <Link href="/projects" className="text-brand-700 underline underline-offset-4">
        {t("project.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("setup.newProject.title")}</h1>
      <div className="rounded-lg border border-stone-200 bg-white p-4">
        <ProjectFieldsForm t={t} action={createProjectAction} createFields />
      </div>
    </PageShell>
  );
}
