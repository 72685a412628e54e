import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CoverageRulesForm } from "@/components/coverage/coverage-rules-form";
import {
  CoverageDueBy,
  CoverageEmpty,
  CoverageFigures,
  CoverageGroupPicker,
  CoverageGroups,
  CoverageQueue,
} from "@/components/coverage/coverage-view";
import { PageShell } from "@/components/layout/page-shell";
import { liveLabels } from "@/components/live/live-labels";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ProjectNav } from "@/components/projects/project-nav";
import { requireActor } from "@/lib/auth/actor";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getCoverage } from "@/lib/server/coverage/get-coverage";
import { orNotFound } from "@/lib/server/or-not-found";
import { updateCoverageRulesAction } from "./actions";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ group?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("coverage.title") };
}

export default async function CoveragePage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [{ projectId }, query] = await Promise.all([params, searchParams]);
  const groupId = typeof query.group === "string" ? query.group : undefined;
  const [t, locale, view] = await Promise.all([getTranslator(), getLocale(), orNotFound(getCoverage(actor, { projectId, groupId }))]);
  // Calendar days only: no zone applies to them.
  const format = formatters(locale, "UTC");
  const path = `/projects/${projectId}/coverage`;

  return (
    <PageShell actor={actor} currentPath={path}>
      <ProjectNav actor={actor} projectId={projectId} current="coverage" />
      <div>
        <h1 className="text-2xl font-bold">{t("coverage.title")}</h1>
        <p className="text-stone-700">
          {view.project.name} · {view.project.code} · {t("coverage.today", { date: format.day(view.today) })}
        </p>
        <p className="mt-2 max-w-3xl text-stone-700">{t("coverage.description", view.rules)}</p>
        {view.reach === "group" ? <p className="mt-1 text-stone-700">{t("coverage.reachGroup")}</p> : null}
        <LiveRefresh projectId={projectId} labels={liveLabels(t)} />
      </div>
      <CoverageGroupPicker view={view} t={t} format={format} action={path} />
      {view.total.underRule === 0 ? (
        <CoverageEmpty t={t} />
      ) : (
        <>
          <CoverageFigures view={view} t={t} format={format} />
          <CoverageQueue view={view} t={t} format={format} />
          <CoverageDueBy view={view} t={t} format={format} />
        </>
      )}
      <CoverageGroups view={view} t={t} format={format} />
      {view.mayEditRules ? (
        <section aria-labelledby="coverage-rules-title" className="rounded-lg border border-stone-200 bg-white p-4">
          <h2 id="coverage-rules-title" className="text-lg font-semibold">
            {t("coverage.rules.title")}
          </h2>
          <p className="mb-3 text-stone-700">{t("coverage.rules.description")}</p>
          <CoverageRulesForm
            projectId={projectId}
            version={view.project.version}
            rules={view.rules}
            action={updateCoverageRulesAction}
            labels={{
              hardshipDays: t("coverage.rules.hardshipDays"),
              unsignedDays: t("coverage.rules.unsignedDays"),
              hint: t("coverage.rules.hint"),
              save: t("coverage.rules.save"),
              saving: t("coverage.rules.saving"),
            }}
          />
        </section>
      ) : null}
    </PageShell>
  );
}
