"use client";

import { BoundForm, SubmitButton, useActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { SelectField } from "@/components/ui/select-field";

// Removing a group: every group's removal form posts to one ActionScope around the whole list,
// because the removed group's card is gone from the page that answers, and its message must not go
// with it. A refusal is shown in the card that was sent (the echoed groupId says which).

export type RemoveGroupLabels = {
  open: string;
  /** With {name}. */
  confirm: string;
  /** With {count}: the group's households and the question where they go. */
  householdsQuestion: string;
  householdsTo: string;
  choose: string;
  unassigned: string;
  membersNote: string;
  submit: string;
  pending: string;
};

/** The answer to the last removal, where the list starts. */
export function RemovedGroupNotice() {
  const { state } = useActionForm();
  return (
    <div aria-live="polite">
      {state.ok && state.message ? (
        <Alert tone="success" testId="group-removed">
          {state.message}
        </Alert>
      ) : null}
    </div>
  );
}

/** "Remove group" behind a disclosure: where its households go (when it has any), then a confirmation. */
export function RemoveGroupForm({
  projectId,
  group,
  destinations,
  labels,
}: {
  projectId: string;
  group: { id: string; name: string; version: number; households: number; members: number };
  /** The project's other signing groups. */
  destinations: { value: string; label: string }[];
  labels: RemoveGroupLabels;
}) {
  const { state } = useActionForm();
  const mine = !state.ok && state.values?.groupId === group.id;
  const errorId = `remove-group-error-${group.id}`;
  return (
    <details className="mt-3" open={mine || undefined} data-testid={`remove-group-${group.name}`}>
      <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">{labels.open}</summary>
      <BoundForm className="flex flex-col gap-3" busy>
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="groupId" value={group.id} />
        <input type="hidden" name="version" value={group.version} />
        <p>{labels.confirm.replace("{name}", group.name)}</p>
        {group.households > 0 ? (
          <>
            <p className="text-sm text-stone-700">{labels.householdsQuestion.replace("{count}", String(group.households))}</p>
            <SelectField
              id={`households-to-${group.id}`}
              name="householdsTo"
              label={labels.householdsTo}
              placeholder={labels.choose}
              options={[...destinations, { value: "UNASSIGNED", label: labels.unassigned }]}
              defaultValue={mine ? (state.values?.householdsTo ?? "") : ""}
              errors={mine ? state.fieldErrors?.householdsTo : undefined}
              required
            />
          </>
        ) : null}
        {group.members > 0 ? <p className="text-sm text-stone-700">{labels.membersNote}</p> : null}
        <div>
          <SubmitButton
            label={labels.submit}
            pendingLabel={labels.pending}
            variant="secondary"
            aria-describedby={mine ? errorId : undefined}
          />
        </div>
        <div aria-live="polite" id={errorId}>
          {mine && state.message ? (
            <Alert tone="error" testId="remove-group-error">
              {state.message}
            </Alert>
          ) : null}
        </div>
      </BoundForm>
    </details>
  );
}
