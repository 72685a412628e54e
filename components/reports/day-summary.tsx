import Link from "next/link";
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableFoot, TableHead, TableRegion, TableRow } from "@/components/ui/table";
import { DAILY_REPORT_FIGURES } from "@/lib/domain/daily-report";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { DaySummary } from "@/lib/server/reports/get-day-summary";
import { PrintButton } from "./print-button";

// One A4 page for the leaders' stand-up: everything but the summary is hidden in print, and the
// table drops its scroll region and shrinks its type.
const PRINT_CSS = `@media print {
  @page { size: A4; margin: 12mm; }
  header, nav, [data-print="hide"] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; gap: 8px !important; }
  [data-print="summary"] { font-size: 10pt; }
  [data-print="summary"] [role="region"] { overflow: visible !important; border: 0 !important; }
  [data-print="summary"] table { min-width: 0 !important; }
  [data-print="summary"] th, [data-print="summary"] td { padding: 2px 4px !important; }
}`;

/** 每日一总结: every signing group's report of the day side by side, who has not submitted, totals. */
export function DaySummaryView({
  t,
  f,
  summary,
  reportHref,
}: {
  t: Translate;
  f: Formatters;
  summary: DaySummary;
  reportHref: (groupId: string) => string;
}) {
  const total = summary.rows.length;
  return (
    <section aria-labelledby="summary-title" className="flex flex-col gap-4" data-print="summary" data-testid="day-summary">
      <style>{PRINT_CSS}</style>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="summary-title" className="text-xl font-semibold">
          {t("reports.summaryTitle")} · {t("reports.summary.heading", { project: summary.project.name, day: f.day(summary.day) })}
        </h2>
        <PrintButton label={t("reports.summary.print")} />
      </div>
      {total === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-4 text-stone-700">{t("reports.summary.noGroups")}</p>
      ) : (
        <>
          <p data-testid="summary-count">{t("reports.summary.submittedOf", { submitted: summary.submitted, total })}</p>
          <TableRegion label={t("reports.summary.tableLabel")}>
            <Table caption={t("reports.summary.tableLabel")} className="min-w-[44rem] text-base" testId="summary-table">
              <TableHead>
                <ColumnHeader>{t("reports.summary.group")}</ColumnHeader>
                <ColumnHeader>{t("reports.summary.leader")}</ColumnHeader>
                <ColumnHeader>{t("reports.summary.status")}</ColumnHeader>
                {DAILY_REPORT_FIGURES.map((key) => (
                  <ColumnHeader key={key} align="right">
                    {t(`reports.figures.${key}`)}
                  </ColumnHeader>
                ))}
              </TableHead>
              <TableBody>
                {summary.rows.map((row) => (
                  <TableRow key={row.group.id} data-testid={`summary-row-${row.group.name}`}>
                    <RowHeader>
                      <Link
                        href={reportHref(row.group.id)}
                        className="underline-offset-4 hover:underline"
                        aria-label={t("reports.summary.openReport", { group: row.group.name })}
                      >
                        {row.group.name}
                      </Link>
                    </RowHeader>
                    <TableCell>{row.leaderName ?? ""}</TableCell>
                    <TableCell>
                      {row.report ? (
                        <>
                          {t("reports.current.version", { version: row.report.version })}
                          {row.report.submittedAt ? (
                            <span className="block text-sm text-stone-600">
                              {t("reports.summary.submittedAt", { time: f.time(row.report.submittedAt) })}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        <span className="font-medium text-brand-800">{t("reports.summary.notSubmitted")}</span>
                      )}
                    </TableCell>
                    {DAILY_REPORT_FIGURES.map((key) => (
                      <TableCell key={key} numeric>
                        {row.report ? f.number(row.report.figures[key]) : ""}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
              <TableFoot className="border-t-2 border-stone-400 font-semibold">
                <tr data-testid="summary-totals">
                  <th scope="row" colSpan={3} className="px-3 py-2 text-left">
                    {t("reports.summary.totals")}
                  </th>
                  {DAILY_REPORT_FIGURES.map((key) => (
                    <TableCell key={key} numeric>
                      {f.number(summary.totals[key])}
                    </TableCell>
                  ))}
                </tr>
              </TableFoot>
            </Table>
          </TableRegion>

          <section aria-labelledby="missing-title" className="flex flex-col gap-2" data-testid="summary-missing">
            <h3 id="missing-title" className="text-lg font-semibold">
              {t("reports.summary.missingTitle")}
            </h3>
            {summary.missing.length === 0 ? (
              <p>{t("reports.summary.allSubmitted")}</p>
            ) : (
              <ul className="flex flex-wrap gap-2">
                {summary.missing.map((g) => (
                  <li key={g.id} className="rounded-md border border-brand-700 bg-brand-50 px-3 py-1 text-brand-800">
                    {g.name}
                    {g.leaderName ? `（${g.leaderName}）` : ""}
                  </li>
                ))}
              </ul>
            )}
          </section>

          {summary.rows.some((r) => r.report) ? (
            <section aria-labelledby="notes-title" className="flex flex-col gap-2">
              <h3 id="notes-title" className="text-lg font-semibold">
                {t("reports.summary.notesTitle")}
              </h3>
              <dl className="grid gap-2 sm:grid-cols-2 print:grid-cols-2">
                {summary.rows.flatMap((r) =>
                  r.report
                    ? [
                        <div key={r.group.id} className="rounded-md border border-stone-200 bg-white p-2">
                          <dt className="font-medium">{r.group.name}</dt>
                          <dd className="text-sm">
                            {t("reports.summary.noteLine", {
                              label: t("reports.current.problems"),
                              text: r.report.problems ?? t("reports.current.none"),
                            })}
                          </dd>
                          <dd className="text-sm">
                            {t("reports.summary.noteLine", {
                              label: t("reports.current.nextPlan"),
                              text: r.report.nextPlan ?? t("reports.current.none"),
                            })}
                          </dd>
                        </div>,
                      ]
                    : [],
                )}
              </dl>
            </section>
          ) : null}
        </>
      )}
    </section>
  );
}
