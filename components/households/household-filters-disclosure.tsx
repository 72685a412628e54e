"use client";

import { useId, useState, type ReactNode } from "react";

/**
 * On a phone the filters fold behind one button that says how many are set, so the first
 * households show on the first screen; from the `sm` breakpoint up they are always open and the
 * button is not there.
 */
export function HouseholdFiltersDisclosure({ label, children }: { label: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((value) => !value)}
        className="flex min-h-11 w-full items-center justify-between rounded-lg border border-stone-200 bg-white px-4 py-2 text-left font-medium text-brand-700 sm:hidden"
        data-testid="household-filters-toggle"
      >
        <span>{label}</span>
        <span aria-hidden="true">{open ? "▲" : "▼"}</span>
      </button>
      <div id={id} className={open ? "mt-2 sm:mt-0" : "hidden sm:block"}>
        {children}
      </div>
    </div>
  );
}
