import type { InputHTMLAttributes, ReactNode } from "react";

/** The look of every text-like control (input, select). */
export const CONTROL_CLASS = "min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base aria-invalid:border-brand-700";

type ControlAria = { "aria-invalid": true | undefined; "aria-describedby": string | undefined };

/**
 * A control with its label, an optional hint and its errors: the errors are announced and, with
 * the hint, tied to the control by aria-describedby. `control` renders the control itself.
 */
export function LabelledControl({
  id,
  label,
  hint,
  errors,
  control,
}: {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  control: (aria: ControlAria) => ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, errors?.length ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      {control({ "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint ? (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <div id={errorId} aria-live="polite" className="text-sm text-brand-700">
        {errors?.map((error) => (
          <p key={error}>{error}</p>
        ))}
      </div>
    </div>
  );
}

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function FormField({
  id,
  label,
  hint,
  errors,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; hint?: string; errors?: string[] }) {
  return (
    <LabelledControl
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      control={(aria) => <input id={id} {...input} {...aria} className={CONTROL_CLASS} />}
    />
  );
}
