import { ActionField, ActionForm, ActionMessage, ActionScope, ActionSelect, BoundForm, SubmitButton } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/server/action";
import type { Translate } from "@/lib/i18n/translate";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Person = { id: string; name: string };

export const REASSIGN_SELECTION_FORM_ID = "reassign-selection-form";

/** The ticked rows of the task list (their checkboxes join this form by its id) to someone else. */
export function ReassignSelectionForm({
  projectId,
  assignees,
  action,
  t,
}: {
  projectId: string;
  assignees: Person[];
  action: Action;
  t: Translate;
}) {
  return (
    <ActionScope action={action}>
      <section aria-labelledby="reassign-selection-title" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
        <h3 id="reassign-selection-title" className="text-lg font-semibold">
          {t("tasks.reassign.selectionTitle")}
        </h3>
        <BoundForm id={REASSIGN_SELECTION_FORM_ID} className="flex flex-col gap-3" data-testid="reassign-selection" busy>
          <input type="hidden" name="projectId" value={projectId} />
          <input type="hidden" name="mode" value="tasks" />
          <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            <ActionSelect
              id="reassign-selection-to"
              name="toUserId"
              label={t("tasks.reassign.to")}
              placeholder={t("tasks.fields.chooseAssignee")}
              options={assignees.map((a) => ({ value: a.id, label: a.name }))}
              required
            />
            <ActionField id="reassign-selection-reason" name="reason" label={t("tasks.fields.reasonOptional")} maxLength={500} />
          </div>
          <div>
            <SubmitButton label={t("tasks.reassign.submit")} pendingLabel={t("tasks.reassign.pending")} />
          </div>
          <ActionMessage testIds={{ success: "reassign-selection-done", error: "reassign-selection-error" }} />
        </BoundForm>
      </section>
    </ActionScope>
  );
}

/** Every open task of one person (someone leaves the group) to someone else. */
export function ReassignPersonForm({
  projectId,
  assignees,
  action,
  t,
}: {
  projectId: string;
  assignees: Person[];
  action: Action;
  t: Translate;
}) {
  const options = assignees.map((a) => ({ value: a.id, label: a.name }));
  return (
    <section aria-labelledby="reassign-person-title" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
      <h3 id="reassign-person-title" className="text-lg font-semibold">
        {t("tasks.reassign.personTitle")}
      </h3>
      <p className="text-stone-700">{t("tasks.reassign.personDescription")}</p>
      <ActionForm
        action={action}
        submitLabel={t("tasks.reassign.submitPerson")}
        pendingLabel={t("tasks.reassign.pending")}
        testId="reassign-person"
        busy
      >
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="mode" value="person" />
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          <ActionSelect
            id="reassign-person-from"
            name="fromUserId"
            label={t("tasks.reassign.from")}
            placeholder={t("tasks.fields.chooseAssignee")}
            options={options}
            required
          />
          <ActionSelect
            id="reassign-person-to"
            name="toUserId"
            label={t("tasks.reassign.to")}
            placeholder={t("tasks.fields.chooseAssignee")}
            options={options}
            required
          />
        </div>
        <ActionField id="reassign-person-reason" name="reason" label={t("tasks.fields.reasonOptional")} maxLength={500} />
      </ActionForm>
    </section>
  );
}

/** One task (from its page) at the version the page read. */
export function ReassignOneForm({
  projectId,
  taskId,
  version,
  assignees,
  action,
  t,
}: {
  projectId: string;
  taskId: string;
  version: number;
  assignees: Person[];
  action: Action;
  t: Translate;
}) {
  return (
    <section aria-labelledby="reassign-one-title" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="reassign-one-title" className="text-lg font-semibold">
        {t("tasks.reassign.title")}
      </h2>
      <ActionForm
        action={action}
        submitLabel={t("tasks.reassign.submit")}
        pendingLabel={t("tasks.reassign.pending")}
        testId="reassign-one"
        formKey={version}
      >
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="mode" value="tasks" />
        <input type="hidden" name="tasks" value={`${taskId}:${version}`} />
        <ActionSelect
          id="reassign-one-to"
          name="toUserId"
          label={t("tasks.reassign.to")}
          placeholder={t("tasks.fields.chooseAssignee")}
          options={assignees.map((a) => ({ value: a.id, label: a.name }))}
          required
        />
        <ActionField id="reassign-one-reason" name="reason" label={t("tasks.fields.reasonOptional")} maxLength={500} />
      </ActionForm>
    </section>
  );
}

/** Cancel with a required reason, at the version the page read. */
export function CancelTaskForm({
  projectId,
  taskId,
  version,
  action,
  t,
}: {
  projectId: string;
  taskId: string;
  version: number;
  action: Action;
  t: Translate;
}) {
  return (
    <section aria-labelledby="cancel-task-title" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="cancel-task-title" className="text-lg font-semibold">
        {t("tasks.cancel.title")}
      </h2>
      <ActionForm
        action={action}
        submitLabel={t("tasks.cancel.submit")}
        pendingLabel={t("tasks.cancel.pending")}
        submitVariant="secondary"
        testId="cancel-task"
        formKey={version}
      >
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="taskId" value={taskId} />
        <input type="hidden" name="version" value={version} />
        <ActionField id="cancel-task-reason" name="reason" label={t("tasks.fields.reason")} maxLength={500} required />
      </ActionForm>
    </section>
  );
}
