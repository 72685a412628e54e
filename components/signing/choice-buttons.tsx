// A radio group drawn as large buttons (thumb-sized on a phone; arrow keys move between them like
// any radio group). No client state: the browser's radio group is the state.
export function ChoiceButtons({
  name,
  legend,
  options,
  defaultValue,
  errors,
  idPrefix,
  columns = 2,
}: {
  name: string;
  legend: string;
  options: { value: string; label: string }[];
  defaultValue?: string;
  errors?: string[];
  idPrefix: string;
  columns?: 1 | 2 | 4;
}) {
  const errorId = `${idPrefix}-${name}-error`;
  const grid = { 1: "grid-cols-1", 2: "grid-cols-2", 4: "grid-cols-2 sm:grid-cols-4" }[columns];
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium text-stone-800">{legend}</legend>
      <div className={`grid gap-2 ${grid}`}>
        {options.map((option) => {
          const id = `${idPrefix}-${name}-${option.value}`;
          return (
            <div key={option.value} className="relative">
              <input
                type="radio"
                id={id}
                name={name}
                value={option.value}
                defaultChecked={option.value === defaultValue}
                className="peer absolute inset-0 h-full w-full cursor-pointer opacity-0"
              />
              <label
                htmlFor={id}
                className="flex min-h-14 items-center justify-center rounded-md border-2 border-stone-300 bg-white px-3 py-2 text-center text-base font-medium text-stone-900 peer-checked:border-brand-700 peer-checked:bg-brand-50 peer-checked:text-brand-800 peer-focus-visible:outline peer-focus-visible:outline-3 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600"
              >
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
      <div id={errorId} aria-live="polite" className="text-sm text-brand-700">
        {errors?.map((error) => (
          <p key={error}>{error}</p>
        ))}
      </div>
    </fieldset>
  );
}
