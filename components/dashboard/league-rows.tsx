"use client";

import { RowHeader, TableCell, TableRow } from "@/components/ui/table";

/** One signing group's row of the league, every cell already formatted on the server. */
export type LeagueRowView = {
  groupId: string;
  name: string;
  /** "本组" when the reader leads or belongs to the group; null otherwise. */
  ownLabel: string | null;
  rank: number;
  householdsHref: string;
  signedHref: string;
  households: string;
  signed: string;
  rate: string;
  visits: string;
  overdue: string;
};

// The league's body rows as a client component, for the same reason as the overview's
// (components/dashboard/overview-rows.tsx): the server sends the cells, not the rendered tree; and
// plain links, as there: three in each of up to 40 rows, to household lists that are pages of
// their own.
export function LeagueRows({ rows }: { rows: LeagueRowView[] }) {
  return rows.map((g) => (
    <TableRow
      key={g.groupId}
      data-testid={`league-row-${g.name}`}
      aria-current={g.ownLabel ? "true" : undefined}
      className={g.ownLabel ? "border-t border-stone-200 bg-amber-50 outline-2 -outline-offset-2 outline-amber-400" : undefined}
    >
      <TableCell pad="compact" className="tabular-nums">
        {g.rank}
      </TableCell>
      <RowHeader pad="compact">
        <a href={g.householdsHref} className="text-brand-700 underline underline-offset-4">
          {g.name}
        </a>
        {g.ownLabel ? (
          <span className="ml-1 inline-block rounded bg-amber-200 px-1.5 text-sm font-medium text-stone-900" data-testid="league-own">
            {g.ownLabel}
          </span>
        ) : null}
      </RowHeader>
      <TableCell pad="compact" numeric data-testid="league-rate">
        {g.rate}
      </TableCell>
      <TableCell numeric>
        <a href={g.householdsHref} className="underline decoration-stone-300 underline-offset-4" data-testid="league-households">
          {g.households}
        </a>
      </TableCell>
      <TableCell numeric>
        <a href={g.signedHref} className="underline decoration-stone-300 underline-offset-4">
          {g.signed}
        </a>
      </TableCell>
      <TableCell numeric>{g.visits}</TableCell>
      <TableCell numeric>{g.overdue}</TableCell>
    </TableRow>
  ));
}
