"use client";

import { useActionForm } from "./action-form";
import { CONTROL_CLASS, LabelledControl } from "./form-field";

type TextAreaProps = {
  id: string;
  name: string;
  label: string;
  hint?: string;
  maxLength: number;
  required?: boolean;
  rows?: number;
  /** What the field starts with (a saved text being edited). */
  defaultValue?: string;
};

/** A labelled textarea whose errors are announced and tied to it; `echoed` is what a refused form
 *  sent, given back so nothing typed is lost. */
export function TextAreaField({
  id,
  name,
  label,
  hint,
  maxLength,
  required,
  rows = 4,
  defaultValue,
  echoed,
  errors,
  resetKey = "",
}: TextAreaProps & { echoed?: string; errors?: string[]; resetKey?: string }) {
  return (
    <LabelledControl
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      control={(aria) => (
        <textarea
          // A new key when the echo changes (or after a success) resets the uncontrolled field.
          key={`${name}-${resetKey}-${echoed ?? ""}`}
          id={id}
          name={name}
          rows={rows}
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

/** TextAreaField inside an ActionForm/ActionScope: the form's answer gives its errors and its echo
 *  (cleared after a success). */
export function ActionTextArea(props: TextAreaProps) {
  const { state } = useActionForm();
  return (
    <TextAreaField
      {...props}
      echoed={state.ok ? undefined : state.values?.[props.name]}
      errors={state.fieldErrors?.[props.name]}
      resetKey={state.ok ? "saved" : ""}
    />
  );
}
