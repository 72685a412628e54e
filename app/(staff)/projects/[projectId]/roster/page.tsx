import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { RosterColumns } from "@/components/roster/roster-columns";
import { RosterImportForm, type RosterImportLabels } from "@/components/roster/roster-import-form";
import { requireActor } from "@/lib/auth/actor";
import { serverEnv } from "@/lib/env";
import { formatters, type Formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import { ROSTER_LIMITS } from "@/lib/roster/columns";
import { orNotFound } from "@/lib/server/or-not-found";
import { getRosterImportContext } from "@/lib/server/roster/get-roster-import-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("roster.page.title") };
}

type Props = { params: Promise<{ projectId: string }> };

function rosterLabels(t: Translate, f: Formatters): RosterImportLabels {
  const maxMb = ROSTER_LIMITS.maxFileBytes / 1024 / 1024;
  return {
    formTitle: t("roster.page.formTitle"),
    file: t("roster.page.file"),
    fileHint: t("roster.page.fileHint", { maxMb, maxRows: f.number(ROSTER_LIMITS.maxRows) }),
    submit: t("roster.page.submit"),
    submitting: t("roster.page.submitting"),
    noFile: t("roster.page.noFile"),
    refused: {
      oldExcel: t("roster.file.refused.oldExcel"),
      pdf: t("roster.file.refused.pdf"),
      image: t("roster.file.refused.image"),
      text: t("roster.file.refused.text"),
      office: t("roster.file.refused.office"),
      other: t("roster.file.refused.other"),
    },
    unreadable: t("roster.file.unreadable"),
    tooLarge: t("roster.file.tooLarge", { max: maxMb }),
    progressLabel: t("roster.page.progressLabel"),
    step: t("roster.page.step"),
    stepCount: t("roster.page.stepCount"),
    phases: { parse: t("roster.page.phases.parse"), validate: t("roster.page.phases.validate"), write: t("roster.page.phases.write") },
    resultTitle: t("roster.page.resultTitle"),
    rows: t("roster.page.rows"),
    created: t("roster.page.created"),
    updated: t("roster.page.updated"),
    unchanged: t("roster.page.unchanged"),
    reassigned: t("roster.page.reassigned"),
    households: t("roster.page.households"),
    unchangedHint: t("roster.page.unchangedHint"),
    problemsTitle: t("roster.page.problemsTitle"),
    problemsHint: t("roster.page.problemsHint"),
    problemsCapped: t("roster.page.problemsCapped"),
    problemsCaption: t("roster.page.problemsCaption"),
    row: t("roster.page.row"),
    column: t("roster.page.column"),
    problem: t("roster.page.problem"),
    wholeFile: t("roster.page.wholeFile"),
    page: t("roster.page.page"),
    previous: t("roster.page.previous"),
    next: t("roster.page.next"),
    failedTitle: t("roster.page.failedTitle"),
    interrupted: t("roster.page.interrupted"),
    internal: t("errors.INTERNAL"),
  };
}

export default async function RosterImportPage({ params }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const { projectId } = await params;
  const [t, locale, project] = await Promise.all([getTranslator(), getLocale(), orNotFound(getRosterImportContext(actor, { projectId }))]);
  const f = formatters(locale, serverEnv().LIANXIN_TIME_ZONE);
  const listSeparator = locale === "en" ? ", " : "、";

  return (
    <PageShell actor={actor} currentPath={`/projects/${project.id}/roster`}>
      <ProjectNav actor={actor} projectId={project.id} current="roster" />
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">
          {t("roster.page.title")} · {project.name}
        </h1>
        <p className="max-w-3xl text-stone-700">{t("roster.page.description")}</p>
        <p className="text-stone-700" data-testid="roster-household-count">
          {t("roster.page.householdCount", { count: f.number(project.householdCount) })}
        </p>
      </div>

      <section aria-labelledby="roster-template-title" className="flex flex-col gap-2">
        <h2 id="roster-template-title" className="sr-only">
          {t("roster.page.template")}
        </h2>
        <p>
          <a
            href={`/api/projects/${project.id}/roster/template`}
            download
            className="inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 font-medium text-brand-700 underline underline-offset-4 hover:bg-stone-100"
          >
            {t("roster.page.template")}
          </a>
        </p>
        <p className="text-sm text-stone-700">{t("roster.page.templateHint")}</p>
        <p className="text-sm text-stone-700">
          {project.signingGroupNames.length > 0
            ? t("roster.page.groups", { names: project.signingGroupNames.join(listSeparator) })
            : t("roster.page.noGroups")}
        </p>
      </section>

      <RosterImportForm projectId={project.id} locale={locale} maxBytes={ROSTER_LIMITS.maxFileBytes} labels={rosterLabels(t, f)} />

      <RosterColumns t={t} locale={locale} />
    </PageShell>
  );
}
