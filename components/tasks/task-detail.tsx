import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { TaskDetail } from "@/lib/server/tasks/get-task";

/** What a task is, for whom, its state, and its history of hands. */
export function TaskFacts({
  task,
  householdHref,
  t,
  format,
}: {
  task: TaskDetail;
  householdHref: string;
  t: Translate;
  format: Formatters;
}) {
  const fact = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="flex flex-col gap-0.5 sm:flex-row sm:gap-3">
      <dt className="text-sm font-medium text-stone-600 sm:w-32">{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
  return (
    <section aria-labelledby="task-facts-title" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="task-facts-title" className="sr-only">
        {t("tasks.detail.household")}
      </h2>
      <dl className="flex flex-col gap-2">
        {fact(
          t("tasks.detail.household"),
          <Link
            href={householdHref}
            className="text-brand-700 underline underline-offset-4"
            aria-label={t("tasks.detail.openHousehold", { code: task.household.code })}
          >
            {task.household.code} · {task.household.address}
          </Link>,
        )}
        {fact(t("tasks.columns.kind"), t(`tasks.kinds.${task.kind}`))}
        {fact(t("tasks.columns.assignee"), task.assignee.name, "task-assignee")}
        {fact(
          t("tasks.columns.due"),
          <>
            {format.day(task.dueDate)}
            {task.overdue ? <span className="ml-2 font-semibold text-brand-700">{t("tasks.overdue")}</span> : null}
          </>,
        )}
        {fact(t("tasks.columns.priority"), t(`tasks.priorities.${task.priority}`))}
        {fact(t("tasks.columns.status"), t(`tasks.statuses.${task.status}`), "task-status")}
        {task.note ? fact(t("tasks.columns.note"), task.note) : null}
        {task.assignedBy ? fact(t("tasks.detail.assignedBy"), task.assignedBy) : null}
        {fact(t("tasks.detail.createdAt"), format.dateTime(task.createdAt))}
        {task.completedAt ? fact(t("tasks.detail.completedAt"), format.dateTime(task.completedAt)) : null}
        {task.cancelledAt ? fact(t("tasks.detail.cancelledAt"), format.dateTime(task.cancelledAt)) : null}
        {task.cancelReason ? fact(t("tasks.detail.cancelReason"), task.cancelReason) : null}
      </dl>
    </section>
  );
}

export function TaskHistory({ task, t, format }: { task: TaskDetail; t: Translate; format: Formatters }) {
  return (
    <section aria-labelledby="task-history-title" className="flex flex-col gap-2">
      <h2 id="task-history-title" className="text-lg font-semibold">
        {t("tasks.detail.history")}
      </h2>
      {task.history.length === 0 ? (
        <p className="text-stone-700" data-testid="task-history-empty">
          {t("tasks.detail.historyEmpty")}
        </p>
      ) : (
        <ol className="flex flex-col gap-2" data-testid="task-history">
          {task.history.map((h) => (
            <li key={h.id} className="rounded-lg border border-stone-200 bg-white p-3" data-testid="task-history-entry">
              <p className="font-medium">{t("tasks.detail.historyEntry", { from: h.from, to: h.to })}</p>
              <p className="text-sm text-stone-700">{t("tasks.detail.historyBy", { by: h.by ?? "—", at: format.dateTime(h.at) })}</p>
              {h.reason ? <p className="text-sm text-stone-700">{t("tasks.detail.historyReason", { reason: h.reason })}</p> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function TaskClosedNote({ t }: { t: Translate }) {
  return <Alert tone="info">{t("tasks.detail.closed")}</Alert>;
}
