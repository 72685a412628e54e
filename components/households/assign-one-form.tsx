"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/server/action";
import { SelectField } from "@/components/ui/select-field";

/** Moves one household to another signing group (the household page). */
export function AssignOneForm({
  projectId,
  householdId,
  currentGroupId,
  groups,
  labels,
  action,
}: {
  projectId: string;
  householdId: string;
  currentGroupId: string | null;
  groups: { value: string; label: string }[];
  labels: { title: string; current: string; group: string; chooseGroup: string; submit: string; pending: string };
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <section aria-labelledby="assign-one-title" className="rounded-lg border border-stone-200 bg-white p-4" data-testid="assign-one">
      <h2 id="assign-one-title" className="text-lg font-semibold">
        {labels.title}
      </h2>
      <p className="mb-3 text-stone-700">{labels.current}</p>
      <form action={formAction} className="flex flex-col gap-3 sm:max-w-sm" aria-busy={pending}>
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="householdIds" value={householdId} />
        <input type="hidden" name="mode" value="selection" />
        <SelectField
          id="assign-one-group"
          name="groupId"
          label={labels.group}
          placeholder={labels.chooseGroup}
          options={groups}
          defaultValue={currentGroupId ?? ""}
          errors={state.fieldErrors?.groupId}
          required
        />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? labels.pending : labels.submit}
          </Button>
        </div>
        <div aria-live="polite">
          {state.message ? (
            <Alert tone={state.ok ? "success" : "error"} testId={state.ok ? "assign-one-done" : "assign-one-error"}>
              {state.message}
            </Alert>
          ) : null}
        </div>
      </form>
    </section>
  );
}
