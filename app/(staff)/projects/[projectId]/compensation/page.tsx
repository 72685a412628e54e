import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { EstimateView } from "@/components/compensation/estimate-view";
import { PolicyEditor, PublishPolicyForm } from "@/components/compensation/policy-editor";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { Button } from "@/components/ui/button";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { serverEnv } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { formatters } from "@/lib/i18n/format";
import { compensationMessages } from "@/lib/i18n/messages/areas/compensation";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { estimateHouseholdCompensation, type HouseholdEstimate } from "@/lib/server/compensation/estimate-household-compensation";
import { getCompensationPolicy } from "@/lib/server/compensation/get-compensation-policy";
import { orNotFound } from "@/lib/server/or-not-found";
import { publishCompensationPolicyAction, saveCompensationDraftAction } from "./actions";

type Props = { params: Promise<{ projectId: string }>; searchParams: Promise<{ household?: string | string[] }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("compensation.title") };
}

export default async function CompensationPolicyPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household/estimate");
  const [{ projectId }, query] = await Promise.all([params, searchParams]);
  const householdCode = typeof query.household === "string" ? query.household.trim() : "";
  const [t, locale, policy] = await Promise.all([getTranslator(), getLocale(), orNotFound(getCompensationPolicy(actor, { projectId }))]);
  const format = formatters(locale, serverEnv().LIANXIN_TIME_ZONE);
  const catalog = locale === "en" ? compensationMessages.en : compensationMessages.zhCN;
  const mayEdit = can(actor, "update", "compensation");
  const mayPublish = can(actor, "manage", "compensation");

  // The preview of a household asked for by code: one that is not in this project (or not the
  // actor's to see) is simply not found, said beside the form.
  let preview: HouseholdEstimate | "notFound" | null = null;
  if (householdCode) {
    preview = await estimateHouseholdCompensation(actor, { projectId, householdCode, stage: "DRAFT" }).catch((error: unknown) => {
      if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "VALIDATION")) return "notFound" as const;
      throw error;
    });
  }
  const path = `/projects/${projectId}/compensation`;

  return (
    <PageShell actor={actor} currentPath={path}>
      <ProjectNav actor={actor} projectId={projectId} current="compensation" />
      <div>
        <h1 className="text-2xl font-bold">{t("compensation.title")}</h1>
        <p className="text-stone-700">{policy.projectName}</p>
        <p className="mt-2 max-w-3xl text-stone-700">{t("compensation.description")}</p>
        <p className="mt-2" data-testid="policy-status">
          {policy.publishedAt
            ? t("compensation.status.published", { date: format.dateTime(policy.publishedAt) })
            : t("compensation.status.notPublished")}{" "}
          {policy.publishedAt
            ? policy.hasUnpublishedChanges
              ? t("compensation.status.unpublishedChanges")
              : t("compensation.status.upToDate")
            : null}
        </p>
      </div>
      {mayEdit ? (
        <PolicyEditor
          projectId={projectId}
          version={policy.version}
          initialLines={policy.draft}
          labels={{ kinds: catalog.kinds, tenures: catalog.tenures, per: catalog.per, events: catalog.events, editor: catalog.editor }}
          saveAction={saveCompensationDraftAction}
        />
      ) : (
        <ol className="flex flex-col gap-1 rounded-lg border border-stone-200 bg-white p-4">
          {policy.draft.map((line, i) => (
            <li key={line.key}>
              {i + 1}. {line.label} · {t(`compensation.kinds.${line.kind}`)}
            </li>
          ))}
        </ol>
      )}
      {mayPublish && policy.version > 0 ? (
        <PublishPolicyForm
          projectId={projectId}
          version={policy.version}
          labels={{
            publish: t("compensation.editor.publish"),
            publishing: t("compensation.editor.publishing"),
            publishHint: t("compensation.editor.publishHint"),
          }}
          action={publishCompensationPolicyAction}
        />
      ) : null}
      <section aria-labelledby="preview-title" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="preview-title" className="text-lg font-semibold">
          {t("compensation.preview.title")}
        </h2>
        <p className="text-stone-700">{t("compensation.preview.description")}</p>
        <form method="get" action={path} className="flex flex-col gap-2 sm:flex-row sm:items-end">
          <div className="flex flex-col gap-1">
            <label htmlFor="preview-household" className="text-sm font-medium">
              {t("compensation.preview.householdCode")}
            </label>
            <input
              id="preview-household"
              name="household"
              defaultValue={householdCode}
              className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
            />
          </div>
          <Button type="submit" variant="secondary">
            {t("compensation.preview.show")}
          </Button>
        </form>
        <div aria-live="polite">
          {preview === "notFound" ? (
            <p className="text-brand-800" data-testid="preview-not-found">
              {t("compensation.preview.notFound", { code: householdCode })}
            </p>
          ) : preview !== null ? (
            <EstimateView view={preview} t={t} format={format} />
          ) : null}
        </div>
      </section>
    </PageShell>
  );
}
