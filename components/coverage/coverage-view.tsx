import Link from "next/link";
import { TableRegion, Table, TableHead, ColumnHeader, TableBody, TableRow, RowHeader, TableCell } from "@/components/ui/table";
import { COVERAGE_DUE_BUCKETS } from "@/lib/domain/field-work";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { CoverageRow, CoverageView } from "@/lib/server/coverage/get-coverage";

// The coverage view (五必访): the figures, how long the due households are overdue, the
// unassigned queue and the groups side by side. Each "due" number opens the household list with
// the same households (coverage=due), from where they are assigned in bulk.

type Props = { view: CoverageView; t: Translate; format: Formatters };

function listHref(view: CoverageView, query: string): string {
  return `/projects/${view.project.id}/households?${query}`;
}

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4">
      <dt className="text-sm text-stone-700">{label}</dt>
      <dd className="mt-1 text-3xl font-bold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function CoverageFigures({ view, t, format }: Props) {
  const { total } = view;
  return (
    <section aria-labelledby="coverage-figures-title" className="flex flex-col gap-3">
      <h2 id="coverage-figures-title" className="text-lg font-semibold">
        {t("coverage.figures.title")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Figure label={t("coverage.figures.underRule")} value={format.number(total.underRule)} testId="coverage-under-rule" />
        <Figure label={t("coverage.figures.within")} value={format.number(total.within)} testId="coverage-within" />
        <Figure label={t("coverage.figures.due")} value={format.number(total.due)} testId="coverage-due" />
        <Figure label={t("coverage.figures.coverage")} value={format.percent(total.coverage)} testId="coverage-percent" />
      </dl>
      {total.due > 0 && view.mayListHouseholds ? (
        <p>
          <Link
            href={listHref(view, total.dueQuery)}
            className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4"
            data-testid="coverage-due-link"
          >
            {t("coverage.figures.showDue", { count: format.number(total.due) })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

export function CoverageDueBy({ view, t, format }: Props) {
  return (
    <section aria-labelledby="coverage-due-by-title" className="flex flex-col gap-3">
      <h2 id="coverage-due-by-title" className="text-lg font-semibold">
        {t("coverage.dueBy.title")}
      </h2>
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        {COVERAGE_DUE_BUCKETS.map((bucket) => (
          <div key={bucket} className="rounded-lg border border-stone-200 bg-white p-3">
            <dt className="text-sm text-stone-700">{t(`coverage.dueBy.${bucket}`)}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums" data-testid={`coverage-due-${bucket}`}>
              {format.number(view.total.dueBy[bucket])}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

export function CoverageQueue({ view, t, format }: Props) {
  const count = view.total.dueWithoutTask;
  return (
    <section aria-labelledby="coverage-queue-title" className="flex flex-col gap-2 rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id="coverage-queue-title" className="text-lg font-semibold">
        {t("coverage.queue.title")}
      </h2>
      <p className="text-stone-800">{t("coverage.queue.description")}</p>
      <p className="text-2xl font-bold tabular-nums" data-testid="coverage-queue-count">
        {t("coverage.queue.count", { count: format.number(count) })}
      </p>
      {count === 0 ? (
        <p className="text-stone-800">{t("coverage.queue.empty")}</p>
      ) : view.mayListHouseholds ? (
        <p>
          <Link
            href={listHref(view, view.total.queueQuery)}
            className="inline-flex min-h-11 items-center font-medium text-brand-700 underline underline-offset-4"
            data-testid="coverage-queue-link"
          >
            {t("coverage.queue.open")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function groupName(row: CoverageRow, t: Translate): string {
  return row.groupName ?? t("coverage.groups.noGroup");
}

export function CoverageGroups({ view, t, format }: Props) {
  const emptyKey = view.reach === "project" ? "coverage.groups.empty" : "coverage.groups.emptyLed";
  return (
    <section aria-labelledby="coverage-groups-title" className="flex flex-col gap-3">
      <h2 id="coverage-groups-title" className="text-lg font-semibold">
        {t("coverage.groups.title")}
      </h2>
      {view.groups.length === 0 ? (
        <p className="text-stone-700" data-testid="coverage-groups-empty">
          {t(emptyKey)}
        </p>
      ) : (
        <TableRegion labelledBy="coverage-groups-title">
          <Table caption={t("coverage.groups.caption")} className="min-w-[36rem] text-base" testId="coverage-groups">
            <TableHead>
              <ColumnHeader>{t("coverage.groups.group")}</ColumnHeader>
              <ColumnHeader align="right">{t("coverage.figures.underRule")}</ColumnHeader>
              <ColumnHeader align="right">{t("coverage.figures.within")}</ColumnHeader>
              <ColumnHeader align="right">{t("coverage.figures.due")}</ColumnHeader>
              <ColumnHeader align="right">{t("coverage.groups.queue")}</ColumnHeader>
              <ColumnHeader align="right">{t("coverage.figures.coverage")}</ColumnHeader>
            </TableHead>
            <TableBody>
              {view.groups.map((row) => (
                <TableRow key={row.groupId ?? "none"} data-testid="coverage-group-row">
                  <RowHeader>{groupName(row, t)}</RowHeader>
                  <TableCell numeric>{format.number(row.underRule)}</TableCell>
                  <TableCell numeric>{format.number(row.within)}</TableCell>
                  <TableCell numeric>
                    {row.due > 0 && view.mayListHouseholds ? (
                      <Link
                        href={listHref(view, row.dueQuery)}
                        className="inline-flex min-h-11 items-center justify-end font-medium text-brand-700 underline underline-offset-4"
                        aria-label={`${groupName(row, t)}: ${t("coverage.figures.showDue", { count: format.number(row.due) })}`}
                      >
                        {format.number(row.due)}
                      </Link>
                    ) : (
                      format.number(row.due)
                    )}
                  </TableCell>
                  <TableCell numeric>
                    {row.dueWithoutTask > 0 && view.mayListHouseholds ? (
                      <Link
                        href={listHref(view, row.queueQuery)}
                        className="inline-flex min-h-11 items-center justify-end font-medium text-brand-700 underline underline-offset-4"
                        aria-label={`${groupName(row, t)}: ${t("coverage.queue.count", { count: format.number(row.dueWithoutTask) })}`}
                      >
                        {format.number(row.dueWithoutTask)}
                      </Link>
                    ) : (
                      format.number(row.dueWithoutTask)
                    )}
                  </TableCell>
                  <TableCell numeric>{format.percent(row.coverage)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableRegion>
      )}
    </section>
  );
}

/** Nothing is under a rule: say why, instead of a page of zeros. */
export function CoverageEmpty({ t }: { t: Translate }) {
  return (
    <section
      aria-labelledby="coverage-empty-title"
      className="rounded-lg border border-dashed border-stone-300 bg-white p-6"
      data-testid="coverage-empty"
    >
      <h2 id="coverage-empty-title" className="text-lg font-semibold">
        {t("coverage.empty.title")}
      </h2>
      <p className="mt-1 text-stone-700">{t("coverage.empty.body")}</p>
    </section>
  );
}

/** The group choice of the view, as a plain GET form (works without JavaScript). */
export function CoverageGroupPicker({ view, t, action }: Props & { action: string }) {
  if (view.groups.length < 2 && view.groupId === null) return null;
  return (
    <form method="get" action={action} className="flex flex-wrap items-end gap-3" aria-label={t("coverage.groups.filter")}>
      <div className="flex flex-col gap-1">
        <label htmlFor="coverage-group" className="text-sm font-medium text-stone-800">
          {t("coverage.groups.group")}
        </label>
        <select
          id="coverage-group"
          name="group"
          defaultValue={view.groupId ?? ""}
          className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
        >
          <option value="">{t("coverage.groups.all", { name: view.project.name })}</option>
          {view.groups
            .filter((g) => g.groupId !== null)
            .map((g) => (
              <option key={g.groupId} value={g.groupId!}>
                {g.groupName}
              </option>
            ))}
        </select>
      </div>
      <button
        type="submit"
        className="inline-flex min-h-11 items-center justify-center rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100"
      >
        {t("coverage.groups.show")}
      </button>
    </form>
  );
}
