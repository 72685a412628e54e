"use client";

import Link from "next/link";
import { RowHeader, TableCell, TableRow } from "@/components/ui/table";

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
  /** The project's household lists behind the counts (components/dashboard/drill-down.ts). */
  links: { households: string; signed: string; unsigned: string; firstDay: string | null };
  rate: string;
  threshold: string;
  firstDayRate: string;
  relocationRate: string;
  daysLeft: string;
  risk: { atRisk: boolean; label: string; detail?: string };
  /** "查看这些房屋", spoken after a count's link. */
  drillDownLabel: string;
};

const COUNT_LINK = "underline decoration-stone-300 underline-offset-4 hover:decoration-brand-700";

/**
 * A count that opens the households behind it. A plain link rather than next/link: the overview
 * renders four of them in each of 50 rows on every refresh, each next/link brings its own client
 * routing state into that render, and the household list is a page of its own anyway.
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
// payload and of the server's rendering time. The markup is the same either way.
export function OverviewRows({ rows }: { rows: OverviewRowView[] }) {
  return rows.map((row) => (
    <TableRow key={row.id} data-testid={`overview-row-${row.code}`}>
      <RowHeader>
        {/* No prefetch: 50 visible rows would each ask the server for a dashboard. */}
        <Link href={`/projects/${row.id}/dashboard`} prefetch={false} className="text-brand-700 underline underline-offset-4">
          {row.name}
        </Link>
        <div className="text-sm font-normal text-stone-600">{row.place}</div>
      </RowHeader>
      <TableCell>{row.kind}</TableCell>
      <TableCell>{row.phase}</TableCell>
      <TableCell numeric data-testid="overview-households">
        <CountLink href={row.links.households} label={`${row.name} ${row.households}, ${row.drillDownLabel}`}>
          {row.households}
        </CountLink>
      </TableCell>
      <TableCell numeric data-testid="overview-signed">
        <CountLink href={row.links.signed} label={`${row.name} ${row.signed}, ${row.drillDownLabel}`}>
          {row.signed}
        </CountLink>
      </TableCell>
      <TableCell numeric data-testid="overview-unsigned">
        <CountLink href={row.links.unsigned} label={`${row.name} ${row.unsigned}, ${row.drillDownLabel}`}>
          {row.unsigned}
        </CountLink>
      </TableCell>
      <TableCell numeric data-testid="overview-rate">
        {row.rate}
      </TableCell>
      <TableCell numeric>{row.threshold}</TableCell>
      <TableCell numeric data-testid="overview-first-day-rate">
        {row.links.firstDay ? (
          <CountLink href={row.links.firstDay} label={`${row.name} ${row.firstDayRate}, ${row.drillDownLabel}`}>
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
  ));
}
