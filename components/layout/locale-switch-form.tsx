"use client";

import type { FormEvent } from "react";

/**
 * The language switch's form. The server renders the page's path; on submit the browser's own
 * address (path and query: filters, sort, page) replaces it, so the reader comes back to the very
 * list they were reading. Without JavaScript the path alone is posted.
 */
export function LocaleSwitchForm({
  locale,
  redirectTo,
  label,
  ariaLabel,
  className,
}: {
  locale: string;
  redirectTo: string;
  label: string;
  ariaLabel: string;
  className?: string;
}) {
  function keepAddress(event: FormEvent<HTMLFormElement>) {
    const input = event.currentTarget.elements.namedItem("redirectTo");
    if (input instanceof HTMLInputElement) input.value = `${window.location.pathname}${window.location.search}`;
  }
  return (
    <form action="/api/locale" method="post" onSubmit={keepAddress} className={className}>
      <input type="hidden" name="locale" value={locale} />
      <input type="hidden" name="redirectTo" defaultValue={redirectTo} />
      <button
        type="submit"
        lang={locale}
        aria-label={ariaLabel}
        className="min-h-11 rounded-md px-3 py-2 text-sm underline-offset-4 hover:underline"
        data-testid="locale-switch"
      >
        {label}
      </button>
    </form>
  );
}
