"use client";

import { useEffect, useState } from "react";
import { ActionScope, BoundForm, SubmitButton, useActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import type { ActionState } from "@/lib/server/action";
import { SelectField } from "@/components/ui/select-field";

type Labels = {
  title: string;
  description: string;
  mode: string;
  /** With {count}. */
  selection: string;
  building: string;
  /** Already filled in with the total. */
  filter: string;
  buildingLabel: string;
  chooseBuilding: string;
  group: string;
  chooseGroup: string;
  submit: string;
  pending: string;
};

type Props = {
  formId: string;
  projectId: string;
  filterQuery: string;
  groups: { value: string; label: string }[];
  buildings: { value: string; label: string }[];
  labels: Labels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

/**
 * Bulk assignment to a signing group: the ticked rows of the list (their checkboxes belong to
 * this form through the `form` attribute), every household of a building, or the whole current
 * filter. The server does it in one transaction and says how many moved.
 */
export function BulkAssignForm({ action, ...props }: Props) {
  return (
    <ActionScope action={action}>
      <BulkAssignBody {...props} />
    </ActionScope>
  );
}

/** How many rows of the list are ticked, kept up to date as they change. */
function useTickedRows(formId: string): number {
  const [selected, setSelected] = useState(0);
  useEffect(() => {
    const count = () =>
      setSelected(document.querySelectorAll(`input[type=checkbox][form="${formId}"][name="householdIds"]:checked`).length);
    // A finished action resets the form, which clears the row checkboxes without a change event.
    const afterReset = () => setTimeout(count, 0);
    count();
    document.addEventListener("change", count);
    document.addEventListener("reset", afterReset);
    return () => {
      document.removeEventListener("change", count);
      document.removeEventListener("reset", afterReset);
    };
  }, [formId]);
  return selected;
}

function BulkAssignBody({ formId, projectId, filterQuery, groups, buildings, labels }: Omit<Props, "action">) {
  const { state } = useActionForm();
  const selected = useTickedRows(formId);
  const [mode, setMode] = useState<"selection" | "building" | "filter">("selection");

  const radio = (value: typeof mode, text: string) => (
    <label className="flex min-h-11 items-center gap-2">
      <input
        type="radio"
        name="mode"
        value={value}
        checked={mode === value}
        onChange={() => setMode(value)}
        className="size-5 accent-brand-700"
      />
      <span>{text}</span>
    </label>
  );

  return (
    // Folded by default so the list stays near the top; it opens when rows are ticked.
    <details
      open={selected > 0 || state.message !== undefined || undefined}
      className="rounded-lg border border-stone-200 bg-white p-4"
      data-testid="bulk-assign"
    >
      <summary className="min-h-11 cursor-pointer py-2">
        <h2 id={`${formId}-title`} className="inline text-lg font-semibold">
          {labels.title}
        </h2>
      </summary>
      <p className="mb-3 text-stone-700">{labels.description}</p>
      <BoundForm id={formId} className="flex flex-col gap-3" busy>
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="filter" value={filterQuery} />
        <fieldset className="flex flex-col">
          <legend className="text-sm font-medium text-stone-800">{labels.mode}</legend>
          {radio("selection", labels.selection.replace("{count}", String(selected)))}
          {radio("building", labels.building)}
          {radio("filter", labels.filter)}
        </fieldset>
        <div className="grid grid-cols-1 gap-3 sm:grid-cols-2">
          {mode === "building" ? (
            <SelectField
              id={`${formId}-building`}
              name="building"
              label={labels.buildingLabel}
              placeholder={labels.chooseBuilding}
              options={buildings}
              errors={state.fieldErrors?.building}
              required
            />
          ) : null}
          <SelectField
            id={`${formId}-group`}
            name="groupId"
            label={labels.group}
            placeholder={labels.chooseGroup}
            options={groups}
            errors={state.fieldErrors?.groupId}
            required
          />
        </div>
        <div>
          <SubmitButton label={labels.submit} pendingLabel={labels.pending} />
        </div>
        <BulkAssignStatus pendingLabel={labels.pending} />
      </BoundForm>
    </details>
  );
}

/** While it runs, says so; then how many moved, or why not (with the refused rows' reasons). */
function BulkAssignStatus({ pendingLabel }: { pendingLabel: string }) {
  const { state, pending } = useActionForm();
  return (
    <div aria-live="polite" data-testid="bulk-assign-status">
      {pending ? <Alert tone="info">{pendingLabel}</Alert> : null}
      {!pending && state.message ? (
        <Alert tone={state.ok ? "success" : "error"} testId={state.ok ? "bulk-assign-done" : "bulk-assign-error"}>
          {state.message}
          {state.fieldErrors?.householdIds?.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </Alert>
      ) : null}
    </div>
  );
}
