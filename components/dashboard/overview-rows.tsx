"use client";

import { RowHeader, TableCell, TableRow } from "@/components/ui/table";
import type { CalendarDay } from "@/lib/domain/calendar-day";
import { drillDown } from "./drill-down";

/** One project's row, every cell already formatted in the reader's language on the server. */
export type OverviewRowView = {
  id: string;
  code: string;
  name: string;
  place: string;
  kind: string;
  phase: string;
  households: string;
  signed: string;
  unsigned: string;
  /** The first-day rate links to that day's signings. */
  signingStart: CalendarDay | null;
  rate: string;
  threshold: string;
  firstDayRate: string;
  relocationRate: string;
  daysLeft: string;
  risk: { atRisk: boolean; label: string; detail?: string };
};

const COUNT_LINK = "underline decoration-stone-300 underline-offset-4 hover:decoration-brand-700";

/**
 * A link of the table (the project's name, a count that opens the households behind it). A plain
 * link rather than next/link: the overview renders five in each of 50 rows on every refresh, each
 * next/link brings its own client routing state into that render, and the pages they open are
 * pages of their own anyway.
 */
function CountLink({ href, label, children }: { href: string; label: string; children: string }) {
  return (
    <a href={href} className={COUNT_LINK} aria-label={label}>
      {children}
    </a>
  );
}

// The overview's body rows as a client component: the server sends the formatted cells (a few
// hundred bytes a row) instead of the rendered tree, which for 50 projects was most of the page's
// payload and of the server's rendering time; the links are built here from the project's id.
// The markup is the same either way. `drillDownLabel` ("查看这些房屋") is spoken after a count.
export function OverviewRows({ rows, drillDownLabel }: { rows: OverviewRowView[]; drillDownLabel: string }) {
  return rows.map((row) => {
    const links = drillDown(row.id);
    const label = (value: string) => `${row.name} ${value}, ${drillDownLabel}`;
    return (
      <TableRow key={row.id} data-testid={`overview-row-${row.code}`}>
        <RowHeader>
          <a href={`/projects/${row.id}/dashboard`} className="text-brand-700 underline underline-offset-4">
            {row.name}
          </a>
          <div className="text-sm font-normal text-stone-600">{row.place}</div>
        </RowHeader>
        <TableCell>{row.kind}</TableCell>
        <TableCell>{row.phase}</TableCell>
        <TableCell numeric data-testid="overview-households">
          <CountLink href={links.eligible()} label={label(row.households)}>
            {row.households}
          </CountLink>
        </TableCell>
        <TableCell numeric data-testid="overview-signed">
          <CountLink href={links.signed()} label={label(row.signed)}>
            {row.signed}
          </CountLink>
        </TableCell>
        <TableCell numeric data-testid="overview-unsigned">
          <CountLink href={links.unsigned()} label={label(row.unsigned)}>
            {row.unsigned}
          </CountLink>
        </TableCell>
        <TableCell numeric data-testid="overview-rate">
          {row.rate}
        </TableCell>
        <TableCell numeric>{row.threshold}</TableCell>
        <TableCell numeric data-testid="overview-first-day-rate">
          {row.signingStart ? (
            <CountLink href={links.firstDay(row.signingStart)} label={label(row.firstDayRate)}>
              {row.firstDayRate}
            </CountLink>
          ) : (
            row.firstDayRate
          )}
        </TableCell>
        <TableCell numeric>{row.relocationRate}</TableCell>
        <TableCell numeric data-testid="overview-days-left">
          {row.daysLeft}
        </TableCell>
        <TableCell data-testid="overview-risk">
          {row.risk.atRisk ? (
            <>
              <span className="rounded bg-red-100 px-2 py-0.5 font-medium text-red-800">⚠ {row.risk.label}</span>
              {row.risk.detail ? <div className="mt-1 text-sm text-stone-600">{row.risk.detail}</div> : null}
            </>
          ) : (
            <span className="text-stone-600">{row.risk.label}</span>
          )}
        </TableCell>
      </TableRow>
    );
  });
}
