import Link from "next/link";
import type { Forecast, Pace } from "@/lib/domain/progress";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ProjectDashboard } from "@/lib/server/dashboard/get-project-dashboard";
import { drillDown } from "./drill-down";

// The dashboard's figures: each a value, an optional note, and a link to the households behind it.

type Figure = {
  key: string;
  label: string;
  value: string;
  note?: string;
  href?: string;
  /** A risk the figure shows (in words, not colour alone). */
  alert?: string;
};

export function forecastText(forecast: Forecast, t: Translate, format: Formatters): string {
  if (forecast.kind === "reached") return t("dashboard.figures.forecastReached");
  if (forecast.kind === "noPace") return t("dashboard.figures.forecastNoPace");
  return format.day(forecast.day);
}

/** The pace a forecast used ("按近 7 日日均 13 户"), or why there is none yet. */
export function paceText(pace: Pace | null, t: Translate, format: Formatters): string {
  if (!pace) return t("dashboard.figures.paceTooEarly");
  return t("dashboard.figures.pace", { days: format.number(pace.days), perDay: format.number(Number(pace.perDay)) });
}

function agreementText(status: ProjectDashboard["figures"]["agreementStatus"], t: Translate): string {
  return status === "failed" ? t("project.failed") : status === "effective" ? t("project.effective") : t("project.pending");
}

function figuresOf({ figures: f, project }: ProjectDashboard, t: Translate, format: Formatters): Figure[] {
  const links = drillDown(project.id);
  const n = format.number;
  const percent = format.percent;
  const days = (value: number | null) => (value === null ? t("common.none") : t("dashboard.figures.days", { days: n(value) }));
  // Already one decimal ("0.4"), shown as it is so "2.0" keeps its decimal.
  const meanDays = (value: string | null) => (value === null ? t("common.none") : t("dashboard.figures.days", { days: value }));
  const pace = paceText(f.pace, t, format);
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
      note: `${t("dashboard.figures.partyOf", { signed: n(f.partySigned), eligible: n(f.partyEligible) })} · ${t(
        "dashboard.figures.otherRateNote",
        { rate: percent(f.otherRate), signed: n(f.otherSigned), eligible: n(f.otherEligible) },
      )}`,
      href: links.partySigned(),
    },
    {
      key: "party-first-day",
      label: t("dashboard.figures.partyFirstDay"),
      value: t("dashboard.figures.medianValue", { party: percent(f.partyFirstDayRate), other: percent(f.otherFirstDayRate) }),
    },
    {
      key: "party-mean",
      label: t("dashboard.figures.partyMean"),
      value: t("dashboard.figures.medianValue", { party: meanDays(f.partyMeanDays), other: meanDays(f.otherMeanDays) }),
      note: t("dashboard.figures.partyMeanNote"),
    },
    {
      key: "forecast-threshold",
      label: t("dashboard.figures.forecastThreshold"),
      value: forecastText(f.forecastThreshold, t, format),
      note: pace,
      alert: f.risk === "threshold" ? t("dashboard.overview.risks.threshold") : undefined,
    },
    {
      key: "forecast-full",
      label: t("dashboard.figures.forecastFull"),
      value: forecastText(f.forecastFull, t, format),
      note: pace,
      alert: f.risk === "full" ? t("dashboard.overview.risks.full") : undefined,
    },
    f.periodEnded && project.signingEnd
      ? {
          key: "days-left",
          label: t("dashboard.figures.daysLeft"),
          value: t("dashboard.figures.periodEnded"),
          note: t("dashboard.figures.periodEndedOn", { day: format.day(project.signingEnd), status: agreementText(f.agreementStatus, t) }),
        }
      : {
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
          <div
            key={fig.key}
            className={fig.alert ? "rounded-lg border-2 border-red-300 bg-red-50 p-3" : "rounded-lg border border-stone-200 bg-white p-3"}
          >
            <dt className="text-sm text-stone-600">{fig.label}</dt>
            <dd className="text-xl font-semibold tabular-nums sm:text-2xl">
              <FigureValue figure={fig} t={t} />
            </dd>
            {fig.note ? (
              <dd className="text-sm text-stone-600" data-testid={`figure-${fig.key}-note`}>
                {fig.note}
              </dd>
            ) : null}
            {fig.alert ? (
              <dd className="mt-1 text-sm font-medium text-red-800" data-testid={`figure-${fig.key}-risk`}>
                ⚠ {fig.alert}
              </dd>
            ) : null}
          </div>
        ))}
      </dl>
    </section>
  );
}
