import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { liveLabels } from "@/components/live/live-labels";
import { LiveRefresh } from "@/components/live/live-refresh";
import { ProjectNav } from "@/components/projects/project-nav";
import { CaseloadTable } from "@/components/tasks/caseload-table";
import { ReassignPersonForm, ReassignSelectionForm } from "@/components/tasks/reassign-forms";
import { TaskList } from "@/components/tasks/task-list";
import { requireActor } from "@/lib/auth/actor";
import { canInProject, grantedScopes } from "@/lib/auth/permissions";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/server/or-not-found";
import { getCaseload } from "@/lib/server/tasks/get-caseload";
import { listProjectTasks, taskFilterQueryString } from "@/lib/server/tasks/list-project-tasks";
import { listTaskAssignees } from "@/lib/server/tasks/list-task-assignees";
import { reassignTasksAction } from "./actions";

type Props = {
  params: Promise<{ projectId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("tasks.title") };
}

export default async function ProjectTasksPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [{ projectId }, search] = await Promise.all([params, searchParams]);
  const mayAssign = canInProject(actor, "assign", "task", projectId);
  // The caseload is for those who see more than their own tasks.
  const seesCaseload = grantedScopes(actor, "read", "task").some((s) => s === "all" || s === "project" || s === "group");
  const [t, locale, list, choices, caseload] = await Promise.all([
    getTranslator(),
    getLocale(),
    orNotFound(listProjectTasks(actor, { ...search, projectId })),
    mayAssign ? orNotFound(listTaskAssignees(actor, { projectId })) : null,
    seesCaseload ? orNotFound(getCaseload(actor, { projectId })) : null,
  ]);
  const format = formatters(locale, serverEnv().LIANXIN_TIME_ZONE);
  const base = `/projects/${projectId}/tasks`;
  const filterQuery = taskFilterQueryString(list.query, { page: 1 });
  const people = choices?.assignees ?? caseload?.rows.map((r) => ({ id: r.userId, name: r.name })) ?? [];
  const mayReassign = mayAssign && choices !== null && choices.assignees.length > 0;

  return (
    <PageShell actor={actor} currentPath={filterQuery ? `${base}?${filterQuery}` : base}>
      <ProjectNav actor={actor} projectId={projectId} current="tasks" />
      <Link href={`/projects/${projectId}`} className="text-brand-700 underline underline-offset-4">
        {t("tasks.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("tasks.title")}</h1>
      <p className="text-stone-700">{list.project.name}</p>
      <LiveRefresh projectId={projectId} labels={liveLabels(t)} />
      {caseload ? (
        <CaseloadTable
          caseload={caseload}
          hrefOfPerson={(userId) => `${base}?${new URLSearchParams({ assignee: userId })}`}
          t={t}
          format={format}
        />
      ) : null}
      <TaskList
        list={list}
        filterQuery={filterQuery}
        base={base}
        people={people}
        groups={choices?.groups ?? []}
        may={{ reassign: mayReassign && list.total > 0, export: canInProject(actor, "export", "task", projectId) }}
        t={t}
        format={format}
      />
      {mayReassign ? (
        <section aria-labelledby="reassign-title" className="flex flex-col gap-3">
          <h2 id="reassign-title" className="text-xl font-semibold">
            {t("tasks.reassign.title")}
          </h2>
          {list.total > 0 ? (
            <ReassignSelectionForm projectId={projectId} assignees={choices.assignees} action={reassignTasksAction} t={t} />
          ) : null}
          <ReassignPersonForm projectId={projectId} assignees={choices.assignees} action={reassignTasksAction} t={t} />
        </section>
      ) : null}
    </PageShell>
  );
}
