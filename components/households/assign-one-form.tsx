"use client";

import { ActionForm } from "@/components/ui/action-form";
import { SelectField } from "@/components/ui/select-field";
import type { ActionState } from "@/lib/server/action";

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
  return (
    <section aria-labelledby="assign-one-title" className="rounded-lg border border-stone-200 bg-white p-4" data-testid="assign-one">
      <h2 id="assign-one-title" className="text-lg font-semibold">
        {labels.title}
      </h2>
      <p className="mb-3 text-stone-700">{labels.current}</p>
      <ActionForm
        action={action}
        className="flex flex-col gap-3 sm:max-w-sm"
        busy
        submitLabel={labels.submit}
        pendingLabel={labels.pending}
        messageTestIds={{ success: "assign-one-done", error: "assign-one-error" }}
      >
        {({ state }) => (
          <>
            <input type="hidden" name="projectId" value={projectId} />
            <input type="hidden" name="householdIds" value={householdId} />
            <input type="hidden" name="mode" value="selection" />
            {/* The current group stays the default after a refusal: the choice is one click again. */}
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
          </>
        )}
      </ActionForm>
    </section>
  );
}
