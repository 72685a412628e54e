import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LiveRefresh } from "@/components/live/live-refresh";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { AccessCodeForm } from "@/components/residents/access-code-form";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
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
  const n = new Intl.NumberFormat(locale);
  const f = project.figures;
  const percent = (value: string | null) => (value === null ? t("common.none") : t("common.percent", { value }));
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const agreementStatus = project.signingFailedAt
    ? t("project.failed")
    : project.agreementsEffectiveAt
      ? t("project.effective")
      : t("project.pending");

  const stats: { label: string; value: string; testId: string }[] = [
    { label: t("project.eligible"), value: n.format(f.eligible), testId: "figure-eligible" },
    { label: t("project.signed"), value: n.format(f.signed), testId: "figure-signed" },
    { label: t("project.signingRate"), value: percent(f.signingRate), testId: "figure-signing-rate" },
    { label: t("project.threshold"), value: percent(f.signingThreshold), testId: "figure-threshold" },
    {
      label: t("project.gap"),
      value: f.hasReachedThreshold ? t("project.reached") : t("project.gapValue", { count: n.format(f.gapToThreshold) }),
      testId: "figure-gap",
    },
    { label: t("project.firstRoundApproval"), value: percent(f.firstRoundApproval), testId: "figure-first-round" },
    { label: t("project.relocationRate"), value: percent(f.relocationRate), testId: "figure-relocation-rate" },
  ];

  return (
    <PageShell actor={actor} currentPath={`/projects/${project.id}`}>
      <Link href="/projects" className="text-brand-700 underline underline-offset-4">
        {t("project.back")}
      </Link>
      <ProjectNav actor={actor} projectId={project.id} current="summary" />
      <LiveRefresh projectId={project.id} labels={{ live: t("live.indicator.live"), connecting: t("live.indicator.connecting"), reconnecting: t("live.indicator.reconnecting") }} />
      <div>
        <h1 className="text-2xl font-bold">{project.name}</h1>
        <p className="text-stone-700">
          {project.code} · {t(`project.kinds.${project.kind}`)} · {project.district} {project.street} ·{" "}
          {t(`project.phases.${project.phase}`)}
        </p>
        {project.signingStart && project.signingEnd ? (
          <p className="text-stone-700">
            {t("project.signingPeriod", { start: dateFormat.format(project.signingStart), end: dateFormat.format(project.signingEnd) })}
          </p>
        ) : null}
        <p className="mt-1 font-medium" data-testid="agreement-status">{agreementStatus}</p>
      </div>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {stats.map((s) => (
          <div key={s.testId} className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-stone-600">{s.label}</dt>
            <dd className="text-2xl font-semibold tabular-nums" data-testid={s.testId}>
              {s.value}
            </dd>
          </div>
        ))}
      </dl>
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
