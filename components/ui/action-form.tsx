"use client";

import { createContext, useActionState, useContext, type ReactNode, type SelectHTMLAttributes } from "react";
import type { ActionState } from "@/lib/server/action";
import { Alert } from "./alert";
import { Button } from "./button";
import { FormField } from "./form-field";

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
  id,
  name,
  label,
  options,
  defaultValue,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  name: string;
  label: string;
  options: { value: string; label: string }[];
}) {
  const state = useContext(ActionStateContext);
  const errors = state.fieldErrors?.[name];
  const errorId = `${id}-error`;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      <select
        id={id}
        name={name}
        defaultValue={(state.ok ? undefined : state.values?.[name]) ?? defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={errors?.length ? errorId : undefined}
        className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <div id={errorId} aria-live="polite" className="text-sm text-brand-700">
        {errors?.map((error) => <p key={error}>{error}</p>)}
      </div>
    </div>
  );
}

export function ActionCheckbox({ id, name, label, defaultChecked }: { id: string; name: string; label: string; defaultChecked?: boolean }) {
  return (
    <div className="flex min-h-11 items-center gap-2">
      <input id={id} name={name} type="checkbox" defaultChecked={defaultChecked} className="h-5 w-5" />
      <label htmlFor={id} className="text-base">
        {label}
      </label>
    </div>
  );
}
