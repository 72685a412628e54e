"use client";

import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/server/action";

type Labels = { title: string; description: string; householdCode: string; submit: string; pending: string };

export function AccessCodeForm({
  projectId,
  labels,
  action,
}: {
  projectId: string;
  labels: Labels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <section aria-labelledby="access-code-title" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="access-code-title" className="text-lg font-semibold">
        {labels.title}
      </h2>
      <p className="mb-3 text-stone-700">{labels.description}</p>
      <form action={formAction} className="flex flex-col gap-3 sm:max-w-sm">
        <input type="hidden" name="projectId" value={projectId} />
        <FormField
          id="householdCode"
          name="householdCode"
          label={labels.householdCode}
          autoCapitalize="characters"
          defaultValue={state.values?.householdCode}
          errors={state.fieldErrors?.householdCode}
          required
        />
        <Button type="submit" disabled={pending}>
          {pending ? labels.pending : labels.submit}
        </Button>
        <div aria-live="polite">
          {state.message ? (
            <Alert tone={state.ok ? "success" : "error"} testId={state.ok ? "access-code-issued" : "access-code-error"}>
              {state.message}
            </Alert>
          ) : null}
        </div>
      </form>
    </section>
  );
}
