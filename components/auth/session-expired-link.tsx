"use client";

import { usePathname, useSearchParams } from "next/navigation";

/** The way back after a session ended mid-form: the login page, which returns to this page
 *  (its path and query; the login page accepts only same-site paths). Rendered only in an
 *  action's answer, never while a page is prerendered. */
export function SessionExpiredLink({ label }: { label: string }) {
  const pathname = usePathname();
  const query = useSearchParams().toString();
  const here = query ? `${pathname}?${query}` : pathname;
  return (
    <a
      href={`/login?callbackUrl=${encodeURIComponent(here)}`}
      data-testid="session-expired-sign-in"
      className="ml-2 inline-flex min-h-11 items-center font-semibold text-brand-700 underline underline-offset-4"
    >
      {label}
    </a>
  );
}
