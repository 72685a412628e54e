"use client";

/** Ticks or clears every row checkbox that belongs to the bulk-assignment form. */
export function SelectAllCheckbox({ formId, label }: { formId: string; label: string }) {
  return (
    <input
      type="checkbox"
      aria-label={label}
      className="size-5 accent-brand-700"
      onChange={(event) => {
        const checked = event.currentTarget.checked;
        for (const box of document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${formId}"][name="householdIds"]`)) {
          if (box.checked !== checked) {
            box.checked = checked;
            box.dispatchEvent(new Event("change", { bubbles: true }));
          }
        }
      }}
    />
  );
}
