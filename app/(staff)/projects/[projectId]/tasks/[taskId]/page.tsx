import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { CancelTaskForm, ReassignOneForm } from "@/components/tasks/reassign-forms";
import { TaskClosedNote, TaskFacts, TaskHistory } from "@/components/tasks/task-detail";
import { requireActor } from "@/lib/auth/actor";
import { isTaskOpen } from "@/lib/domain/field-work";
import { serverEnv } from "@/lib/env";
import { formatters } from "@/lib/i18n/format";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { orNotFound } from "@/lib/server/or-not-found";
import { getTask } from "@/lib/server/tasks/get-task";
import { listTaskAssignees } from "@/lib/server/tasks/list-task-assignees";
import { cancelTaskAction, reassignTaskAction } from "./actions";

type Props = { params: Promise<{ projectId: string; taskId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("tasks.title") };
}

export default async function TaskPage({ params }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const { projectId, taskId } = await params;
  const [t, locale, task] = await Promise.all([getTranslator(), getLocale(), orNotFound(getTask(actor, { projectId, taskId }))]);
  const choices = task.mayChange ? await orNotFound(listTaskAssignees(actor, { projectId })) : null;
  const format = formatters(locale, serverEnv().LIANXIN_TIME_ZONE);
  const base = `/projects/${projectId}/tasks`;
  const isClosed = !isTaskOpen(task.status);

  return (
    <PageShell actor={actor} currentPath={`${base}/${task.id}`}>
      <ProjectNav actor={actor} projectId={projectId} current="tasks" />
      <Link href={base} className="text-brand-700 underline underline-offset-4">
        {t("tasks.detail.back")}
      </Link>
      <h1 className="text-2xl font-bold">{t("tasks.detail.title", { code: task.household.code })}</h1>
      <TaskFacts task={task} householdHref={`/projects/${projectId}/households/${task.household.id}`} t={t} format={format} />
      <TaskHistory task={task} t={t} format={format} />
      {choices ? (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-2">
          <ReassignOneForm
            projectId={projectId}
            taskId={task.id}
            version={task.version}
            assignees={choices.assignees}
            action={reassignTaskAction}
            t={t}
          />
          <CancelTaskForm projectId={projectId} taskId={task.id} version={task.version} action={cancelTaskAction} t={t} />
        </div>
      ) : isClosed ? (
        <TaskClosedNote t={t} />
      ) : null}
    </PageShell>
  );
}
