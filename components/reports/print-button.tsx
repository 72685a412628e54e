"use client";

import { Button } from "@/components/ui/button";

/** Prints the page (the day summary's print styles fit it on one A4 sheet). */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="secondary" className="print:hidden" onClick={() => window.print()}>
      {label}
    </Button>
  );
}
