// The member's landing page on a phone (我的任务): one card per open task, overdue first, then due
// today, then upcoming; each card opens the household or goes straight to its visit form. Large
// targets for one thumb at 390 px.
import Link from "next/link";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { MyTask, MyTaskBucket, MyTasks } from "@/lib/server/visits/list-my-tasks";

const BUCKETS: MyTaskBucket[] = ["overdue", "today", "upcoming"];

const PRIORITY_CLASS: Record<MyTask["priority"], string> = {
  URGENT: "bg-brand-700 text-white",
  HIGH: "bg-amber-100 text-amber-900",
  NORMAL: "bg-stone-100 text-stone-800",
  LOW: "bg-stone-100 text-stone-700",
};

const LINK_CLASS = "inline-flex min-h-11 flex-1 items-center justify-center rounded-md px-4 py-2 text-base font-medium";

export function householdHref(task: Pick<MyTask, "household" | "project">): string {
  return `/projects/${task.project.id}/households/${task.household.id}`;
}

function TaskCard({ task, t, f }: { task: MyTask; t: Translate; f: Formatters }) {
  const href = householdHref(task);
  const titleId = `task-${task.id}-title`;
  return (
    <li>
      <article
        aria-labelledby={titleId}
        className={`flex flex-col gap-2 rounded-lg border bg-white p-4 ${task.bucket === "overdue" ? "border-brand-700" : "border-stone-200"}`}
        data-testid="my-task"
        data-household-code={task.household.code}
        data-bucket={task.bucket}
      >
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h3 id={titleId} className="text-lg font-semibold">
            {task.household.code} · {t(`visits.taskKinds.${task.kind}`)}
          </h3>
          <span className={`rounded px-2 py-0.5 text-sm font-medium ${PRIORITY_CLASS[task.priority]}`}>
            {t(`visits.priorities.${task.priority}`)}
          </span>
        </div>
        <p className="text-base">{task.household.address}</p>
        <p className="text-base text-stone-700">{t("visits.myTasks.head", { name: task.household.headName })}</p>
        <p className={task.bucket === "overdue" ? "font-medium text-brand-800" : "text-stone-800"}>
          {t("visits.myTasks.due", { date: f.day(task.dueDate) })}
          {task.bucket === "overdue" ? ` · ${t("visits.myTasks.overdueBy", { days: f.number(task.overdueDays) })}` : null}
          {task.status === "IN_PROGRESS" ? ` · ${t("visits.myTasks.inProgress")}` : null}
        </p>
        {task.note ? <p className="text-sm text-stone-700">{task.note}</p> : null}
        <p className="text-sm text-stone-600">{task.project.name}</p>
        <div className="mt-1 flex gap-2">
          <Link href={href} className={`${LINK_CLASS} border border-stone-300 bg-white text-stone-900 hover:bg-stone-100`}>
            {t("visits.myTasks.open")}
          </Link>
          <Link
            href={`${href}?task=${task.id}#log-visit`}
            className={`${LINK_CLASS} bg-brand-700 text-white hover:bg-brand-800`}
            data-testid="my-task-log"
          >
            {t("visits.myTasks.log")}
          </Link>
        </div>
      </article>
    </li>
  );
}

export function MyTaskList({ data, t, f }: { data: MyTasks; t: Translate; f: Formatters }) {
  if (data.tasks.length === 0) {
    return (
      <div className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-center" data-testid="my-tasks-empty">
        <p className="text-lg font-semibold">{t("visits.myTasks.empty")}</p>
        <p className="mt-1 text-stone-700">{t("visits.myTasks.emptyHint")}</p>
      </div>
    );
  }
  return (
    <div className="flex flex-col gap-6">
      <p data-testid="my-tasks-summary">
        {t("visits.myTasks.summary", {
          count: f.number(data.tasks.length),
          overdue: f.number(data.counts.overdue),
          today: f.number(data.counts.today),
        })}
      </p>
      {BUCKETS.filter((bucket) => data.counts[bucket] > 0).map((bucket) => (
        <section key={bucket} aria-labelledby={`bucket-${bucket}`} className="flex flex-col gap-3">
          <h2 id={`bucket-${bucket}`} className={`text-xl font-semibold ${bucket === "overdue" ? "text-brand-800" : ""}`}>
            {t(`visits.myTasks.groups.${bucket}`)} ({f.number(data.counts[bucket])})
          </h2>
          <ul className="flex flex-col gap-3">
            {data.tasks
              .filter((task) => task.bucket === bucket)
              .map((task) => (
                <TaskCard key={task.id} task={task} t={t} f={f} />
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
