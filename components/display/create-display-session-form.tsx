"use client";

import { useActionState, useState } from "react";
import type { ActionState } from "@/lib/server/action";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";

type Labels = { label: string; labelHint: string; create: string; pending: string; copy: string; copied: string };

/** Creates a display link and shows it once, with a copy button; only its hash is kept. */
export function CreateDisplaySessionForm({
  projectId,
  labels,
  action,
}: {
  projectId: string;
  labels: Labels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const [copied, setCopied] = useState<string | null>(null);
  const link = state.ok ? (state.message?.match(/https?:\/\/\S+/)?.[0] ?? null) : null;
  return (
    <form action={formAction} className="flex flex-col gap-3 sm:max-w-md" data-testid="create-display">
      <input type="hidden" name="projectId" value={projectId} />
      <FormField
        id="display-label"
        name="label"
        label={labels.label}
        hint={labels.labelHint}
        required
        maxLength={60}
        key={state.ok ? "created" : (state.values?.label ?? "")}
        defaultValue={state.ok ? undefined : state.values?.label}
        errors={state.fieldErrors?.label}
      />
      <div>
        <Button type="submit" disabled={pending}>
          {pending ? labels.pending : labels.create}
        </Button>
      </div>
      <div aria-live="polite">
        {state.message ? (
          <Alert tone={state.ok ? "success" : "error"} testId={state.ok ? "create-display-success" : "create-display-error"}>
            <p className="break-all">{state.message}</p>
            {link ? (
              <div className="mt-2 flex flex-wrap items-center gap-2">
                <Button
                  type="button"
                  variant="secondary"
                  onClick={() => {
                    void navigator.clipboard?.writeText(link).then(() => setCopied(link));
                  }}
                >
                  {copied === link ? labels.copied : labels.copy}
                </Button>
              </div>
            ) : null}
          </Alert>
        ) : null}
      </div>
    </form>
  );
}
