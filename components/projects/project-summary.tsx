import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ProjectSummary as ProjectSummaryDto } from "@/lib/server/projects/get-project-summary";

// A project's summary page body: what and where it is, its signing period and agreement state,
// then its headline figures.

type Props = { project: ProjectSummaryDto; t: Translate; format: Formatters };

function agreementText(project: ProjectSummaryDto, t: Translate): string {
  if (project.signingFailedAt) return t("project.failed");
  return project.agreementsEffectiveAt ? t("project.effective") : t("project.pending");
}

export function ProjectSummaryHeading({ project, t, format }: Props) {
  return (
    <div>
      <h1 className="text-2xl font-bold">{project.name}</h1>
      <p className="text-stone-700">
        {project.code} · {t(`project.kinds.${project.kind}`)} · {project.district} {project.street} · {t(`project.phases.${project.phase}`)}
      </p>
      {project.signingStart && project.signingEnd ? (
        <p className="text-stone-700">
          {t("project.signingPeriod", { start: format.dateColumn(project.signingStart), end: format.dateColumn(project.signingEnd) })}
        </p>
      ) : null}
      <p className="mt-1 font-medium" data-testid="agreement-status">
        {agreementText(project, t)}
      </p>
    </div>
  );
}

export function ProjectSummaryFigures({ project, t, format }: Props) {
  const f = project.figures;
  const n = format.number;
  const stats: { label: string; value: string; testId: string }[] = [
    { label: t("project.eligible"), value: n(f.eligible), testId: "figure-eligible" },
    { label: t("project.signed"), value: n(f.signed), testId: "figure-signed" },
    { label: t("project.signingRate"), value: format.percent(f.signingRate), testId: "figure-signing-rate" },
    { label: t("project.threshold"), value: format.percent(f.signingThreshold), testId: "figure-threshold" },
    {
      label: t("project.gap"),
      value: f.hasReachedThreshold ? t("project.reached") : t("project.gapValue", { count: n(f.gapToThreshold) }),
      testId: "figure-gap",
    },
    { label: t("project.firstRoundApproval"), value: format.percent(f.firstRoundApproval), testId: "figure-first-round" },
    { label: t("project.relocationRate"), value: format.percent(f.relocationRate), testId: "figure-relocation-rate" },
  ];
  return (
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
  );
}
