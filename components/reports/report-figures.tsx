import { DAILY_REPORT_FIGURES, type DailyReportFigures } from "@/lib/domain/daily-report";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";

/** The six figures of a day as a list of label and number, two columns on a phone. */
export function ReportFigures({ t, f, figures, testId }: { t: Translate; f: Formatters; figures: DailyReportFigures; testId?: string }) {
  return (
    <dl className="grid grid-cols-2 gap-2 sm:grid-cols-3" data-testid={testId}>
      {DAILY_REPORT_FIGURES.map((key) => (
        <div
          key={key}
          className="rounded-md border border-stone-200 bg-white px-3 py-2"
          data-testid={testId ? `${testId}-${key}` : undefined}
        >
          <dt className="text-sm text-stone-700">{t(`reports.figures.${key}`)}</dt>
          <dd className="text-2xl font-semibold tabular-nums">{f.number(figures[key])}</dd>
        </div>
      ))}
    </dl>
  );
}
