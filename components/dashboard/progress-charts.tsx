import Link from "next/link";
import type { Formatters } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/translate";
import type { ProjectDashboard } from "@/lib/server/dashboard/get-project-dashboard";
import { forecastText, paceText } from "./dashboard-figures";
import { CumulativeChart, DailyChart, StatesChart } from "./dashboard-charts";
import { drillDown } from "./drill-down";

// The dashboard's charts, each with its spoken summary and data table, and the state links.

type Props = { dashboard: ProjectDashboard; t: Translate; format: Formatters; locale: Locale };

function frameLabels(title: string, t: Translate) {
  return {
    title,
    caption: t("dashboard.charts.tableCaption", { title }),
    show: t("dashboard.charts.showTable"),
    hide: t("dashboard.charts.hideTable"),
  };
}

function SeriesCharts({ dashboard, t, format, locale }: Props) {
  const { figures: f, series } = dashboard;
  const first = series[0];
  const last = series[series.length - 1];
  if (!first || !last) {
    return (
      <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700 lg:col-span-2" data-testid="charts-empty">
        {t("dashboard.charts.empty")}
      </p>
    );
  }
  const forecastPhrase = `${
    f.forecastThreshold.kind === "on"
      ? t("dashboard.charts.forecastOn", { day: format.day(f.forecastThreshold.day) })
      : forecastText(f.forecastThreshold, t, format)
  }${locale === "en" ? ` (${paceText(f.pace, t, format)})` : `（${paceText(f.pace, t, format)}）`}`;
  const maxDaily = series.reduce((max, p) => Math.max(max, p.signed), 0);
  const dayLabels = { day: t("dashboard.charts.day"), signedThatDay: t("dashboard.charts.signedThatDay") };
  return (
    <>
      <CumulativeChart
        series={series}
        threshold={f.signingThreshold}
        forecastDay={f.forecastThreshold.kind === "on" ? f.forecastThreshold.day : null}
        signingEnd={dashboard.project.signingEnd}
        locale={locale}
        labels={{
          ...frameLabels(t("dashboard.charts.cumulativeTitle"), t),
          summary: t("dashboard.charts.cumulativeSummary", {
            first: format.day(first.day),
            last: format.day(last.day),
            from: first.rate ?? "0.00",
            to: last.rate ?? "0.00",
            threshold: f.signingThreshold,
            forecast: forecastPhrase,
          }),
          ...dayLabels,
          cumulative: t("dashboard.charts.cumulative"),
          rate: t("dashboard.charts.rate"),
          thresholdLine: t("dashboard.charts.thresholdLine"),
          forecastLine: t("dashboard.charts.forecastLine"),
          signingEndLine: dashboard.project.signingEnd
            ? `${t("dashboard.charts.signingEndLine")} ${format.day(dashboard.project.signingEnd)}`
            : t("dashboard.charts.signingEndLine"),
        }}
      />
      <DailyChart
        series={series}
        labels={{
          ...frameLabels(t("dashboard.charts.dailyTitle"), t),
          summary: t("dashboard.charts.dailySummary", {
            days: format.number(series.length),
            total: format.number(last.cumulative),
            max: format.number(maxDaily),
          }),
          ...dayLabels,
        }}
      />
    </>
  );
}

function StatesPart({ dashboard, t, format, locale }: Props) {
  const links = drillDown(dashboard.project.id);
  const stateRows = dashboard.states.map((s) => ({ label: t(`household.states.${s.state}`), count: s.count }));
  const parts = stateRows.map((s) => t("dashboard.charts.statePart", { state: s.label, count: format.number(s.count) }));
  return (
    <>
      <StatesChart
        states={stateRows}
        labels={{
          ...frameLabels(t("dashboard.charts.statesTitle"), t),
          summary: t("dashboard.charts.statesSummary", { parts: parts.join(locale === "en" ? ", " : "，") }),
          state: t("dashboard.charts.state"),
          households: t("dashboard.charts.households"),
        }}
      />
      <div className="rounded-lg border border-stone-200 bg-white p-3">
        <h3 className="text-lg font-semibold">{t("dashboard.charts.statesLinks")}</h3>
        <ul className="mt-2 grid grid-cols-2 gap-2">
          {dashboard.states.map((s, i) => (
            <li key={s.state}>
              <Link href={links.state(s.state)} className="text-brand-700 underline underline-offset-4" data-testid={`state-${s.state}`}>
                {stateRows[i]!.label}: <span className="tabular-nums">{format.number(s.count)}</span>
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </>
  );
}

export function ProgressCharts(props: Props) {
  return (
    <section className="grid gap-4 lg:grid-cols-2" aria-label={props.t("dashboard.charts.cumulativeTitle")}>
      <SeriesCharts {...props} />
      <StatesPart {...props} />
    </section>
  );
}
