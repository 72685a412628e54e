"use client";

import { useActionForm } from "@/components/ui/action-form";
import { CONTROL_CLASS, LabelledControl } from "@/components/ui/form-field";

/** A labelled textarea inside an ActionForm: its errors beside it, what was typed kept after a refusal. */
export function ReportTextArea({
  id,
  name,
  label,
  hint,
  defaultValue,
  maxLength,
  required,
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  defaultValue?: string;
  maxLength: number;
  required?: boolean;
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
          rows={4}
          maxLength={maxLength}
          required={required}
          defaultValue={echoed ?? defaultValue}
          {...aria}
          className={`${CONTROL_CLASS} w-full`}
        />
      )}
    />
  );
}
