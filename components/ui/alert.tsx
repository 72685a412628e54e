import type { ReactNode } from "react";

/** A message box. Not role="alert" (Next's route announcer uses that); live via aria-live. */
export function Alert({ tone, children, testId }: { tone: "error" | "success" | "info"; children: ReactNode; testId?: string }) {
  const tones = {
    error: "border-brand-700 bg-brand-50 text-brand-800",
    success: "border-emerald-700 bg-emerald-50 text-emerald-900",
    info: "border-sky-700 bg-sky-50 text-sky-900",
  };
  return (
    <div data-testid={testId} aria-live="polite" className={`rounded-md border-l-4 px-4 py-3 text-base ${tones[tone]}`}>
      {children}
    </div>
  );
}
