import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { HouseholdList, householdListHref } from "@/components/households/household-list";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { getHouseholdListOptions } from "@/lib/server/households/get-household-list-options";
import { listHouseholds } from "@/lib/server/households/list-households";
import { orNotFound } from "@/lib/server/or-not-found";
import { BulkTaskForm } from "@/components/tasks/bulk-task-form";
import { taskKindOptions, taskPriorityOptions } from "@/components/tasks/task-options";
import { canInProject } from "@/lib/auth/permissions";
import type { Translate } from "@/lib/i18n/translate";
import { FILTER_KEYS, type THouseholdListQuery } from "@/lib/server/households/household-filter";
import { listTaskAssignees } from "@/lib/server/tasks/list-task-assignees";
import { taskToday } from "@/lib/server/tasks/task-input";
import { assignHouseholdsAction, bulkCreateTasksAction } from "./actions";

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("households.list.title") };
}

export default async function HouseholdListPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [{ projectId }, search] = await Promise.all([params, searchParams]);
  // Filters that do not parse are dropped by the list's own parsing (the view shows everything
  // for that filter), so a VALIDATION here is a malformed project id: not found, as everywhere.
  const mayCreateTasks = canInProject(actor, "assign", "task", projectId);
  const [t, locale, list, options, taskChoices] = await Promise.all([
    getTranslator(),
    getLocale(),
    orNotFound(listHouseholds(actor, { ...search, projectId })),
    orNotFound(getHouseholdListOptions(actor, { projectId })),
    mayCreateTasks ? orNotFound(listTaskAssignees(actor, { projectId })) : null,
  ]);
  const base = `/projects/${projectId}/households`;
  return (
    <PageShell actor={actor} currentPath={householdListHref(base, list.query)}>
      <ProjectNav actor={actor} projectId={projectId} current="households" />
      <HouseholdList
        list={list}
        options={options}
        base={base}
        may={{
          assign: can(actor, "assign", "household"),
          export: can(actor, "export", "household"),
          import: can(actor, "import", "household"),
        }}
        assignAction={assignHouseholdsAction}
        t={t}
        format={formatters(locale, serverEnv().LIANXIN_TIME_ZONE)}
      />
      {taskChoices && list.total > 0 ? (
        <BulkTaskForm
          projectId={projectId}
          filterQuery={filterQueryOf(list.query)}
          selectionFormId={can(actor, "assign", "household") ? "bulk-assign-form" : undefined}
          assignees={taskChoices.assignees.map((a) => ({ value: a.id, label: a.name }))}
          kinds={taskKindOptions(t)}
          priorities={taskPriorityOptions(t)}
          today={taskToday()}
          labels={bulkTaskLabels(t, list.total)}
          action={bulkCreateTasksAction}
        />
      ) : null}
    </PageShell>
  );
}

/** The list's filters (not sort or page) as a query string, for "create tasks for these households". */
function filterQueryOf(query: THouseholdListQuery): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = query[key];
    if (value !== undefined) params.set(key, String(value));
  }
  return params.toString();
}

function bulkTaskLabels(t: Translate, total: number) {
  return {
    title: t("tasks.bulk.title"),
    description: t("tasks.bulk.description"),
    mode: t("tasks.bulk.mode"),
    selection: t("tasks.bulk.selection"),
    filter: t("tasks.bulk.filter", { total }),
    kind: t("tasks.fields.kind"),
    dueDate: t("tasks.fields.dueDate"),
    priority: t("tasks.fields.priority"),
    note: t("tasks.fields.note"),
    noteHint: t("tasks.fields.noteHint"),
    spread: t("tasks.bulk.spread"),
    spreadOne: t("tasks.bulk.spreadOne"),
    spreadMany: t("tasks.bulk.spreadMany"),
    assignee: t("tasks.fields.assignee"),
    chooseAssignee: t("tasks.fields.chooseAssignee"),
    members: t("tasks.bulk.members"),
    preview: t("tasks.bulk.preview"),
    previewPending: t("tasks.bulk.previewPending"),
    confirm: t("tasks.bulk.confirm"),
    pending: t("tasks.bulk.pending"),
    changed: t("tasks.bulk.changed"),
  };
}
