import Link from "next/link";
import type { Forecast } from "@/lib/domain/progress";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ProjectDashboard } from "@/lib/server/dashboard/get-project-dashboard";
import { drillDown } from "./drill-down";

// The dashboard's figures: each a value, an optional note, and a link to the households behind it.

type Figure = { key: string; label: string; value: string; note?: string; href?: string };

export function forecastText(forecast: Forecast, t: Translate, format: Formatters): string {
  if (forecast.kind === "reached") return t("dashboard.figures.forecastReached");
  if (forecast.kind === "never") return t("dashboard.figures.forecastNever");
  return format.day(forecast.day);
}

function agreementText(status: ProjectDashboard["figures"]["agreementStatus"], t: Translate): string {
  return status === "failed" ? t("project.failed") : status === "effective" ? t("project.effective") : t("project.pending");
}

function figuresOf({ figures: f, project }: ProjectDashboard, t: Translate, format: Formatters): Figure[] {
  const links = drillDown(project.id);
  const n = format.number;
  const percent = format.percent;
  const days = (value: number | null) => (value === null ? t("common.none") : t("dashboard.figures.days", { days: n(value) }));
  return [
    { key: "eligible", label: t("dashboard.figures.eligible"), value: n(f.eligible), href: links.eligible() },
    { key: "signed", label: t("dashboard.figures.signed"), value: n(f.signed), href: links.signed() },
    {
      key: "signing-rate",
      label: t("dashboard.figures.signingRate"),
      value: percent(f.signingRate),
      note: `${t("dashboard.figures.threshold")} ${percent(f.signingThreshold)}`,
      href: links.signed(),
    },
    {
      key: "gap",
      label: t("dashboard.figures.gap"),
      value: f.hasReachedThreshold ? t("dashboard.figures.reached") : t("dashboard.figures.gapValue", { count: n(f.gapToThreshold) }),
      href: f.hasReachedThreshold ? undefined : links.unsigned(),
    },
    {
      key: "first-day-rate",
      label: t("dashboard.figures.firstDayRate"),
      value: percent(f.firstDayRate),
      note: t("dashboard.figures.firstDaySigned", { count: n(f.firstDaySigned) }),
      href: project.signingStart ? links.firstDay(project.signingStart) : undefined,
    },
    {
      key: "first-round",
      label: t("dashboard.figures.firstRoundApproval"),
      value: percent(f.firstRoundApproval),
      note: t("dashboard.figures.firstRoundThreshold", { value: f.firstRoundThreshold }),
      href: links.agreed(),
    },
    {
      key: "relocation-rate",
      label: t("dashboard.figures.relocationRate"),
      value: percent(f.relocationRate),
      note: f.isCleared ? t("dashboard.figures.cleared") : t("dashboard.figures.notCleared"),
      href: links.movedOut(),
    },
    {
      key: "party-rate",
      label: t("dashboard.figures.partyRate"),
      value: percent(f.partyRate),
      note: t("dashboard.figures.partyOf", { signed: n(f.partySigned), eligible: n(f.partyEligible) }),
      href: links.partySigned(),
    },
    {
      key: "party-median",
      label: t("dashboard.figures.partyMedian"),
      value: t("dashboard.figures.medianValue", { party: days(f.partyMedianDays), other: days(f.otherMedianDays) }),
    },
    { key: "forecast-threshold", label: t("dashboard.figures.forecastThreshold"), value: forecastText(f.forecastThreshold, t, format) },
    { key: "forecast-full", label: t("dashboard.figures.forecastFull"), value: forecastText(f.forecastFull, t, format) },
    {
      key: "days-left",
      label: t("dashboard.figures.daysLeft"),
      value: f.daysLeft === null ? t("dashboard.figures.noPeriod") : days(f.daysLeft),
    },
    { key: "agreements", label: t("dashboard.figures.agreements"), value: agreementText(f.agreementStatus, t) },
  ];
}

function FigureValue({ figure, t }: { figure: Figure; t: Translate }) {
  if (!figure.href) return <span data-testid={`figure-${figure.key}`}>{figure.value}</span>;
  return (
    <Link
      href={figure.href}
      className="text-brand-700 underline decoration-stone-300 underline-offset-4 hover:decoration-brand-700"
      data-testid={`figure-${figure.key}`}
      aria-label={`${figure.label} ${figure.value}, ${t("dashboard.drillDown")}`}
    >
      {figure.value}
    </Link>
  );
}

export function DashboardFigures({ dashboard, t, format }: { dashboard: ProjectDashboard; t: Translate; format: Formatters }) {
  return (
    <section aria-labelledby="dashboard-figures">
      <h2 id="dashboard-figures" className="sr-only">
        {t("dashboard.figuresTitle")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
        {figuresOf(dashboard, t, format).map((fig) => (
          <div key={fig.key} className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-stone-600">{fig.label}</dt>
            <dd className="text-xl font-semibold tabular-nums sm:text-2xl">
              <FigureValue figure={fig} t={t} />
            </dd>
            {fig.note ? <dd className="text-sm text-stone-600">{fig.note}</dd> : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
