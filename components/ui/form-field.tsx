import type { InputHTMLAttributes } from "react";

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function FormField({
  id,
  label,
  hint,
  errors,
  ...input
}: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; hint?: string; errors?: string[] }) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, errors?.length ? errorId : undefined].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        id={id}
        {...input}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={describedBy}
        className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base aria-invalid:border-brand-700"
      />
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
