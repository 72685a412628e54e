import type { InputHTMLAttributes, SelectHTMLAttributes } from "react";

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
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, errors?.length ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      <select
        id={id}
        {...select}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base aria-invalid:border-brand-700"
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {hint ? (
        <p id={hintId} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <div id={errorId} aria-live="polite" className="text-sm text-brand-700">
        {errors?.map((error) => <p key={error}>{error}</p>)}
      </div>
    </div>
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
