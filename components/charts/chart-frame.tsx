"use client";

import { useId, useState, type ReactNode } from "react";

export type ChartTable = { caption: string; columns: string[]; rows: (string | number)[][] };

/** A chart with its data table: the table is built by the caller from the same series as the
 *  chart, shown on demand (and always available to copy and to screen readers on request). */
export function ChartFrame({
  title,
  table,
  showLabel,
  hideLabel,
  testId,
  children,
}: {
  title: string;
  table: ChartTable;
  showLabel: string;
  hideLabel: string;
  testId: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const tableId = useId();
  return (
    <figure className="rounded-lg border border-stone-200 bg-white p-3" data-testid={testId}>
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-lg font-semibold">{title}</h3>
        <button
          type="button"
          className="min-h-11 rounded-md border border-stone-300 px-3 text-sm text-brand-700 hover:bg-stone-50"
          aria-expanded={open}
          aria-controls={tableId}
          onClick={() => setOpen((v) => !v)}
          data-testid={`${testId}-toggle`}
        >
          {open ? hideLabel : showLabel}
        </button>
      </figcaption>
      {children}
      <div id={tableId} hidden={!open} className="mt-3 max-h-80 overflow-auto" tabIndex={open ? 0 : -1} role="region" aria-label={table.caption}>
        <table className="w-full text-left text-sm" data-testid={`${testId}-table`}>
          <caption className="sr-only">{table.caption}</caption>
          <thead className="bg-stone-100 text-stone-700">
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col" className="px-2 py-1">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i} className="border-t border-stone-200">
                {row.map((cell, j) =>
                  j === 0 ? (
                    <th key={j} scope="row" className="px-2 py-1 font-normal">
                      {cell}
                    </th>
                  ) : (
                    <td key={j} className="px-2 py-1 tabular-nums">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
