import { ActionField, ActionForm, ActionSelect } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import type { CalendarDay } from "@/lib/domain/calendar-day";
import type { ActionState } from "@/lib/server/action";
import type { Translate } from "@/lib/i18n/translate";
import { taskKindOptions, taskPriorityOptions } from "./task-options";

export type CreateTaskFormProps = {
  projectId: string;
  householdId: string;
  /** People the reader may give tasks to (listTaskAssignees). */
  assignees: { id: string; name: string }[];
  t: Translate;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  /** Today in the deployment's zone: the earliest due date. */
  today: CalendarDay;
};

/** A household page's "assign a visit task" form: kind, assignee, due date, priority, note. */
export function CreateTaskForm({ projectId, householdId, assignees, t, action, today }: CreateTaskFormProps) {
  return (
    <section aria-labelledby="create-task-title" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="create-task-title" className="text-lg font-semibold">
        {t("tasks.create.title")}
      </h2>
      {assignees.length === 0 ? (
        <Alert tone="info" testId="create-task-no-assignees">
          {t("tasks.create.noAssignees")}
        </Alert>
      ) : (
        <ActionForm action={action} submitLabel={t("tasks.create.submit")} pendingLabel={t("tasks.create.pending")} testId="create-task">
          <input type="hidden" name="projectId" value={projectId} />
          <input type="hidden" name="householdId" value={householdId} />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <ActionSelect
              id="create-task-kind"
              name="kind"
              label={t("tasks.fields.kind")}
              options={taskKindOptions(t)}
              defaultValue="HOME_VISIT"
              required
            />
            <ActionSelect
              id="create-task-assignee"
              name="assigneeId"
              label={t("tasks.fields.assignee")}
              placeholder={t("tasks.fields.chooseAssignee")}
              options={assignees.map((a) => ({ value: a.id, label: a.name }))}
              required
            />
            <ActionField
              id="create-task-due"
              name="dueDate"
              type="date"
              label={t("tasks.fields.dueDate")}
              min={today}
              defaultValue={today}
              required
            />
            <ActionSelect
              id="create-task-priority"
              name="priority"
              label={t("tasks.fields.priority")}
              options={taskPriorityOptions(t)}
              defaultValue="NORMAL"
            />
          </div>
          <ActionField id="create-task-note" name="note" label={t("tasks.fields.note")} hint={t("tasks.fields.noteHint")} maxLength={500} />
        </ActionForm>
      )}
    </section>
  );
}
