import Link from "next/link";
import type { Forecast } from "@/lib/domain/progress";
import type { Locale, Translate } from "@/lib/i18n/translate";
import type { ProjectDashboard as ProjectDashboardDto } from "@/lib/server/dashboard/get-project-dashboard";
import { CumulativeChart, DailyChart, StatesChart } from "./dashboard-charts";
import { drillDown } from "./drill-down";
import { LeagueRows, type LeagueRowView } from "./league-rows";

// The body of the signing-progress dashboard: figures, charts and the group league, all from one
// serialisable DTO, so a live or big-screen view can render it again with fresh figures.

type Figure = { key: string; label: string; value: string; note?: string; href?: string };

export function formatDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));
}

export function forecastText(forecast: Forecast, t: Translate, locale: Locale): string {
  if (forecast.kind === "reached") return t("dashboard.figures.forecastReached");
  if (forecast.kind === "never") return t("dashboard.figures.forecastNever");
  return formatDay(forecast.day, locale);
}

export function ProjectDashboard({ dashboard, t, locale }: { dashboard: ProjectDashboardDto; t: Translate; locale: Locale }) {
  const { figures: f, project } = dashboard;
  const n = new Intl.NumberFormat(locale);
  const links = drillDown(project.id);
  const percent = (value: string | null) => (value === null ? t("common.none") : t("common.percent", { value }));
  const days = (value: number | null) => (value === null ? t("common.none") : t("dashboard.figures.days", { days: n.format(value) }));
  const agreement =
    f.agreementStatus === "failed" ? t("project.failed") : f.agreementStatus === "effective" ? t("project.effective") : t("project.pending");

  const figures: Figure[] = [
    { key: "eligible", label: t("dashboard.figures.eligible"), value: n.format(f.eligible), href: links.eligible() },
    { key: "signed", label: t("dashboard.figures.signed"), value: n.format(f.signed), href: links.signed() },
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
      value: f.hasReachedThreshold ? t("dashboard.figures.reached") : t("dashboard.figures.gapValue", { count: n.format(f.gapToThreshold) }),
      href: f.hasReachedThreshold ? undefined : links.unsigned(),
    },
    {
      key: "first-day-rate",
      label: t("dashboard.figures.firstDayRate"),
      value: percent(f.firstDayRate),
      note: t("dashboard.figures.firstDaySigned", { count: n.format(f.firstDaySigned) }),
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
      note: t("dashboard.figures.partyOf", { signed: n.format(f.partySigned), eligible: n.format(f.partyEligible) }),
      href: links.partySigned(),
    },
    {
      key: "party-median",
      label: t("dashboard.figures.partyMedian"),
      value: t("dashboard.figures.medianValue", { party: days(f.partyMedianDays), other: days(f.otherMedianDays) }),
    },
    { key: "forecast-threshold", label: t("dashboard.figures.forecastThreshold"), value: forecastText(f.forecastThreshold, t, locale) },
    { key: "forecast-full", label: t("dashboard.figures.forecastFull"), value: forecastText(f.forecastFull, t, locale) },
    {
      key: "days-left",
      label: t("dashboard.figures.daysLeft"),
      value: f.daysLeft === null ? t("dashboard.figures.noPeriod") : days(f.daysLeft),
    },
    { key: "agreements", label: t("dashboard.figures.agreements"), value: agreement },
  ];

  const series = dashboard.series;
  const first = series[0];
  const last = series[series.length - 1];
  const forecastPhrase =
    f.forecastThreshold.kind === "on"
      ? t("dashboard.charts.forecastOn", { day: formatDay(f.forecastThreshold.day, locale) })
      : forecastText(f.forecastThreshold, t, locale);
  const frame = (title: string) => ({
    title,
    caption: t("dashboard.charts.tableCaption", { title }),
    show: t("dashboard.charts.showTable"),
    hide: t("dashboard.charts.hideTable"),
  });
  const stateRows = dashboard.states.map((s) => ({ label: t(`household.states.${s.state}`), count: s.count }));
  const maxDaily = series.reduce((max, p) => Math.max(max, p.signed), 0);

  return (
    <div className="flex flex-col gap-6" data-testid="project-dashboard">
      <section aria-labelledby="dashboard-figures">
        <h2 id="dashboard-figures" className="sr-only">
          {t("dashboard.figuresTitle")}
        </h2>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
          {figures.map((fig) => (
            <div key={fig.key} className="rounded-lg border border-stone-200 bg-white p-3">
              <dt className="text-sm text-stone-600">{fig.label}</dt>
              <dd className="text-xl font-semibold tabular-nums sm:text-2xl">
                {fig.href ? (
                  <Link
                    href={fig.href}
                    className="text-brand-700 underline decoration-stone-300 underline-offset-4 hover:decoration-brand-700"
                    data-testid={`figure-${fig.key}`}
                    aria-label={`${fig.label} ${fig.value}, ${t("dashboard.drillDown")}`}
                  >
                    {fig.value}
                  </Link>
                ) : (
                  <span data-testid={`figure-${fig.key}`}>{fig.value}</span>
                )}
              </dd>
              {fig.note ? <dd className="text-sm text-stone-600">{fig.note}</dd> : null}
            </div>
          ))}
        </dl>
      </section>

      <section className="grid gap-4 lg:grid-cols-2" aria-label={t("dashboard.charts.cumulativeTitle")}>
        {series.length === 0 || !first || !last ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700 lg:col-span-2" data-testid="charts-empty">
            {t("dashboard.charts.empty")}
          </p>
        ) : (
          <>
            <CumulativeChart
              series={series}
              threshold={f.signingThreshold}
              forecastDay={f.forecastThreshold.kind === "on" ? f.forecastThreshold.day : null}
              labels={{
                ...frame(t("dashboard.charts.cumulativeTitle")),
                summary: t("dashboard.charts.cumulativeSummary", {
                  first: formatDay(first.day, locale),
                  last: formatDay(last.day, locale),
                  from: first.rate ?? "0.00",
                  to: last.rate ?? "0.00",
                  threshold: f.signingThreshold,
                  forecast: forecastPhrase,
                }),
                day: t("dashboard.charts.day"),
                signedThatDay: t("dashboard.charts.signedThatDay"),
                cumulative: t("dashboard.charts.cumulative"),
                rate: t("dashboard.charts.rate"),
                thresholdLine: t("dashboard.charts.thresholdLine"),
                forecastLine: t("dashboard.charts.forecastLine"),
              }}
            />
            <DailyChart
              series={series}
              labels={{
                ...frame(t("dashboard.charts.dailyTitle")),
                summary: t("dashboard.charts.dailySummary", {
                  days: n.format(series.length),
                  total: n.format(last.cumulative),
                  max: n.format(maxDaily),
                }),
                day: t("dashboard.charts.day"),
                signedThatDay: t("dashboard.charts.signedThatDay"),
              }}
            />
          </>
        )}
        <StatesChart
          states={stateRows}
          labels={{
            ...frame(t("dashboard.charts.statesTitle")),
            summary: t("dashboard.charts.statesSummary", {
              parts: stateRows.map((s) => t("dashboard.charts.statePart", { state: s.label, count: n.format(s.count) })).join(locale === "en" ? ", " : "，"),
            }),
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
                  {stateRows[i]!.label}: <span className="tabular-nums">{n.format(s.count)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </div>
      </section>

      <section aria-labelledby="dashboard-league" className="flex flex-col gap-2">
        <h2 id="dashboard-league" className="text-xl font-semibold">
          {t("dashboard.league.title")}
        </h2>
        {dashboard.league.length === 0 ? (
          <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">{t("dashboard.league.empty")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label={t("dashboard.league.title")}>
            <table className="w-full min-w-[40rem] text-left" data-testid="league-table">
              <caption className="sr-only">{t("dashboard.league.title")}</caption>
              <thead className="bg-stone-100 text-sm text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("dashboard.league.rank")}</th>
                  <th scope="col" className="px-3 py-2">{t("dashboard.league.group")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("dashboard.league.households")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("dashboard.league.signed")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("dashboard.league.rate")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("dashboard.league.visits")}</th>
                  <th scope="col" className="px-3 py-2 text-right">{t("dashboard.league.overdue")}</th>
                </tr>
              </thead>
              <tbody>
                <LeagueRows
                  rows={dashboard.league.map(
                    (g): LeagueRowView => ({
                      groupId: g.groupId,
                      name: g.name,
                      rank: g.rank,
                      householdsHref: links.group(g.groupId),
                      signedHref: links.groupSigned(g.groupId),
                      households: n.format(g.households),
                      signed: n.format(g.signed),
                      rate: percent(g.rate),
                      visits: n.format(g.visitsLast7Days),
                      overdue: n.format(g.overdueTasks),
                    }),
                  )}
                />
              </tbody>
            </table>
          </div>
        )}
        {dashboard.unassigned > 0 ? (
          <p className="text-sm text-stone-700">{t("dashboard.league.unassigned", { count: n.format(dashboard.unassigned) })}</p>
        ) : null}
      </section>
    </div>
  );
}
