"use client";

import { useActionForm } from "@/components/ui/action-form";
import { CONTROL_CLASS, LabelledControl } from "@/components/ui/form-field";

/** A labelled textarea inside an ActionForm/ActionScope: shows its own errors and keeps what was
 *  typed after a refusal (cleared after a success). */
export function ActionTextArea({
  id,
  name,
  label,
  hint,
  maxLength,
  required,
  rows = 4,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  maxLength: number;
  required?: boolean;
  rows?: number;
}) {
  const { state } = useActionForm();
  const echoed = state.ok ? undefined : state.values?.[name];
  return (
    <LabelledControl
      id={id}
      label={label}
      hint={hint}
      errors={state.fieldErrors?.[name]}
      control={(aria) => (
        <textarea
          key={`${name}-${state.ok ? "saved" : (echoed ?? "")}`}
          id={id}
          name={name}
          rows={rows}
          maxLength={maxLength}
          required={required}
          defaultValue={echoed}
          {...aria}
          className={`${CONTROL_CLASS} w-full`}
        />
      )}
    />
  );
}
