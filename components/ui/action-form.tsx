"use client";

import { createContext, useActionState, useContext, type ReactNode } from "react";
import type { ActionState } from "@/lib/server/action";
import { Alert } from "./alert";
import { Button } from "./button";
import { FormField } from "./form-field";
import { SelectField } from "./select-field";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const ActionStateContext = createContext<ActionState>({ ok: false });

/**
 * A form bound to a server action through useActionState: fields inside it (ActionField,
 * ActionSelect) show their own errors and keep what was typed after a refusal; the form shows
 * the action's message in a live region.
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  pendingLabel,
  testId,
  className = "flex flex-col gap-3",
  submitVariant = "primary",
}: {
  action: Action;
  children?: ReactNode;
  submitLabel: string;
  pendingLabel: string;
  testId?: string;
  className?: string;
  submitVariant?: "primary" | "secondary" | "ghost";
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  return (
    <ActionStateContext.Provider value={state}>
      <form action={formAction} className={className} data-testid={testId}>
        {children}
        <div>
          <Button type="submit" disabled={pending} variant={submitVariant}>
            {pending ? pendingLabel : submitLabel}
          </Button>
        </div>
        <div aria-live="polite">
          {state.message ? (
            <Alert tone={state.ok ? "success" : "error"} testId={testId ? `${testId}-${state.ok ? "success" : "error"}` : undefined}>
              {state.message}
            </Alert>
          ) : null}
        </div>
      </form>
    </ActionStateContext.Provider>
  );
}

export function ActionField(props: Omit<Parameters<typeof FormField>[0], "errors"> & { name: string }) {
  const state = useContext(ActionStateContext);
  const echoed = state.ok ? undefined : state.values?.[props.name];
  return (
    <FormField
      {...props}
      key={`${props.name}-${state.ok ? "saved" : (echoed ?? "")}`}
      defaultValue={echoed ?? props.defaultValue}
      errors={state.fieldErrors?.[props.name]}
    />
  );
}

export function ActionSelect({
  name,
  defaultValue,
  ...props
}: Omit<Parameters<typeof SelectField>[0], "errors"> & { name: string }) {
  const state = useContext(ActionStateContext);
  return (
    <SelectField
      {...props}
      name={name}
      defaultValue={(state.ok ? undefined : state.values?.[name]) ?? defaultValue}
      errors={state.fieldErrors?.[name]}
    />
  );
}
