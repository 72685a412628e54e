import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";
import { CONTROL_CLASS, LabelledControl } from "./form-field";

// Select and checkbox controls in the style of form-field.tsx: a label tied to its control,
// errors announced and linked with aria-describedby.

export function SelectField({
  id,
  label,
  hint,
  errors,
  options,
  placeholder,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & {
  id: string;
  label: string;
  hint?: string;
  errors?: string[];
  options: { value: string; label: string }[];
  /** An empty first option, e.g. "Any". */
  placeholder?: string;
}) {
  return (
    <LabelledControl
      id={id}
      label={label}
      hint={hint}
      errors={errors}
      control={(aria) => (
        <select id={id} {...select} {...aria} className={CONTROL_CLASS}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    />
  );
}

export function CheckboxField({ id, label, ...input }: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string }) {
  return (
    <div className="flex min-h-11 items-center gap-2">
      <input id={id} type="checkbox" {...input} className="size-5 accent-brand-700" />
      <label htmlFor={id} className="text-base">
        {label}
      </label>
    </div>
  );
}
