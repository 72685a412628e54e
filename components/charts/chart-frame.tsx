"use client";

import { useId, useState, type ReactNode } from "react";
import { ColumnHeader, RowHeader, Table, TableBody, TableCell, TableHead, TableRegion, TableRow } from "@/components/ui/table";

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
      <TableRegion id={tableId} hidden={!open} className="mt-3 max-h-80 overflow-auto" tabIndex={open ? 0 : -1} label={table.caption}>
        <Table caption={table.caption} className="text-sm" testId={`${testId}-table`}>
          <TableHead className="bg-stone-100 text-stone-700">
            {table.columns.map((c) => (
              <ColumnHeader key={c} pad="compact">
                {c}
              </ColumnHeader>
            ))}
          </TableHead>
          <TableBody>
            {table.rows.map((row, i) => (
              <TableRow key={i}>
                {row.map((cell, j) =>
                  j === 0 ? (
                    <RowHeader key={j} pad="compact" className="font-normal">
                      {cell}
                    </RowHeader>
                  ) : (
                    <TableCell key={j} pad="compact" className="tabular-nums">
                      {cell}
                    </TableCell>
                  ),
                )}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableRegion>
    </figure>
  );
}
