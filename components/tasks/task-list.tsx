import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, CheckboxField } from "@/components/ui/select-field";
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRegion, TableRow } from "@/components/ui/table";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ProjectTaskList } from "@/lib/server/tasks/list-project-tasks";
import { REASSIGN_SELECTION_FORM_ID } from "./reassign-forms";
import { TASK_KIND_VALUES, TASK_STATUS_VALUES } from "./task-options";

type Person = { id: string; name: string };

export type TaskListProps = {
  list: ProjectTaskList;
  /** The list's query string without the page, for the export and the page links. */
  filterQuery: string;
  base: string;
  /** People for the assignee filter; signing groups for the group filter. */
  people: Person[];
  groups: Person[];
  may: { reassign: boolean; export: boolean };
  t: Translate;
  format: Formatters;
};

const linkButton = "inline-flex min-h-11 items-center rounded-md border border-stone-300 bg-white px-4 py-2 font-medium hover:bg-stone-100";

/** The project's tasks: filters (a GET form, so a view is a link), the rows (overdue first),
 *  checkboxes for the reassign form, pages, export. */
export function TaskList(props: TaskListProps) {
  const { list, t } = props;
  return (
    <section aria-labelledby="task-list-title" className="flex flex-col gap-3">
      <h2 id="task-list-title" className="text-xl font-semibold">
        {t("tasks.list.title")}
      </h2>
      <TaskFilters {...props} />
      {list.total === 0 ? <NoTasks {...props} /> : <TaskRows {...props} />}
    </section>
  );
}

function TaskFilters({ list, base, people, groups, t }: TaskListProps) {
  const { query } = list;
  return (
    <form
      method="get"
      action={base}
      className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4"
      data-testid="task-filters"
    >
      <fieldset className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 text-sm font-medium text-stone-800">{t("tasks.filters.legend")}</legend>
        <SelectField
          id="task-filter-status"
          name="status"
          label={t("tasks.filters.status")}
          defaultValue={query.status}
          options={[
            { value: "open", label: t("tasks.filters.statusOpen") },
            ...TASK_STATUS_VALUES.map((s) => ({ value: s, label: t(`tasks.statuses.${s}`) })),
            { value: "all", label: t("tasks.filters.statusAll") },
          ]}
        />
        <SelectField
          id="task-filter-assignee"
          name="assignee"
          label={t("tasks.filters.assignee")}
          placeholder={t("tasks.filters.any")}
          defaultValue={query.assignee ?? ""}
          options={people.map((p) => ({ value: p.id, label: p.name }))}
        />
        <SelectField
          id="task-filter-kind"
          name="kind"
          label={t("tasks.filters.kind")}
          placeholder={t("tasks.filters.any")}
          defaultValue={query.kind ?? ""}
          options={TASK_KIND_VALUES.map((k) => ({ value: k, label: t(`tasks.kinds.${k}`) }))}
        />
        {groups.length > 0 ? (
          <SelectField
            id="task-filter-group"
            name="group"
            label={t("tasks.filters.group")}
            placeholder={t("tasks.filters.any")}
            defaultValue={query.group ?? ""}
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
          />
        ) : null}
        <CheckboxField
          id="task-filter-overdue"
          name="overdue"
          value="1"
          label={t("tasks.filters.overdue")}
          defaultChecked={query.overdue === true}
        />
      </fieldset>
      <div>
        <Button type="submit">{t("tasks.filters.apply")}</Button>
      </div>
    </form>
  );
}

function NoTasks({ list, base, t }: TaskListProps) {
  return list.anyInScope ? (
    <Alert tone="info" testId="task-no-match">
      {t("tasks.list.noMatch")}{" "}
      <Link href={base} className="underline underline-offset-4">
        {t("tasks.list.clearFilters")}
      </Link>
    </Alert>
  ) : (
    <Alert tone="info" testId="task-empty">
      {t("tasks.list.empty")}{" "}
      <Link href={base.replace(/\/tasks$/, "/households")} className="underline underline-offset-4">
        {t("tasks.list.goHouseholds")}
      </Link>
    </Alert>
  );
}

function TaskRows({ list, filterQuery, base, may, t, format }: TaskListProps) {
  const pageHref = (page: number) => {
    const params = new URLSearchParams(filterQuery);
    if (page > 1) params.set("page", String(page));
    const qs = params.toString();
    return qs ? `${base}?${qs}` : base;
  };
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p aria-live="polite" className="font-medium" data-testid="task-summary">
          {t("tasks.list.summary", { total: format.number(list.total) })}
        </p>
        {may.export ? (
          <a
            href={`/api/projects/${list.project.id}/tasks/export${filterQuery ? `?${filterQuery}` : ""}`}
            className={linkButton}
            data-testid="task-export"
            download
          >
            {t("tasks.list.export")}
          </a>
        ) : null}
      </div>
      <TableRegion label={t("tasks.list.tableLabel")}>
        <Table caption={t("tasks.list.title")} className="min-w-[52rem]" testId="task-table">
          <TableHead>
            {may.reassign ? <ColumnHeader>{t("tasks.columns.select")}</ColumnHeader> : null}
            <ColumnHeader>{t("tasks.columns.household")}</ColumnHeader>
            <ColumnHeader>{t("tasks.columns.address")}</ColumnHeader>
            <ColumnHeader>{t("tasks.columns.kind")}</ColumnHeader>
            <ColumnHeader>{t("tasks.columns.assignee")}</ColumnHeader>
            <ColumnHeader>{t("tasks.columns.due")}</ColumnHeader>
            <ColumnHeader>{t("tasks.columns.priority")}</ColumnHeader>
            <ColumnHeader>{t("tasks.columns.status")}</ColumnHeader>
            <ColumnHeader>{t("tasks.columns.group")}</ColumnHeader>
          </TableHead>
          <TableBody>
            {list.rows.map((row) => (
              <TableRow key={row.id} data-testid="task-row">
                {may.reassign ? (
                  <TableCell>
                    {row.status === "OPEN" || row.status === "IN_PROGRESS" ? (
                      <label className="flex min-h-11 min-w-11 items-center justify-center">
                        <span className="sr-only">
                          {t("tasks.columns.select")} {row.household.code}
                        </span>
                        {/* Keyed by version: when a live refresh brings a task changed by someone
                            else, its tick clears instead of carrying over to the new version. */}
                        <input
                          key={row.version}
                          type="checkbox"
                          name="tasks"
                          value={`${row.id}:${row.version}`}
                          form={REASSIGN_SELECTION_FORM_ID}
                          className="size-5 accent-brand-700"
                        />
                      </label>
                    ) : null}
                  </TableCell>
                ) : null}
                <RowHeader>
                  <Link
                    href={`${base}/${row.id}`}
                    className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
                    aria-label={t("tasks.list.open", { code: row.household.code })}
                  >
                    {row.household.code}
                  </Link>
                </RowHeader>
                <TableCell>{row.household.address}</TableCell>
                <TableCell>{t(`tasks.kinds.${row.kind}`)}</TableCell>
                <TableCell>{row.assignee.name}</TableCell>
                <TableCell>
                  {format.day(row.dueDate)}
                  {row.overdue ? (
                    <span
                      className="ml-2 rounded bg-brand-50 px-1.5 py-0.5 text-sm font-semibold text-brand-800"
                      data-testid="task-overdue"
                    >
                      {t("tasks.overdue")}
                    </span>
                  ) : null}
                </TableCell>
                <TableCell>{t(`tasks.priorities.${row.priority}`)}</TableCell>
                <TableCell>{t(`tasks.statuses.${row.status}`)}</TableCell>
                <TableCell>{row.household.groupName ?? ""}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableRegion>
      {list.pages > 1 ? (
        <nav aria-label={t("tasks.pagination.label")} className="flex flex-wrap items-center justify-between gap-3">
          {list.query.page > 1 ? (
            <Link href={pageHref(list.query.page - 1)} className={linkButton} rel="prev">
              {t("tasks.pagination.previous")}
            </Link>
          ) : (
            <span />
          )}
          <span aria-current="page">{t("tasks.pagination.page", { page: list.query.page, pages: list.pages })}</span>
          {list.query.page < list.pages ? (
            <Link href={pageHref(list.query.page + 1)} className={linkButton} rel="next">
              {t("tasks.pagination.next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </>
  );
}
