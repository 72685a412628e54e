"use client";

import Link from "next/link";
import { RowHeader, TableCell, TableRow } from "@/components/ui/table";

/** One signing group's row of the league, every cell already formatted on the server. */
export type LeagueRowView = {
  groupId: string;
  name: string;
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
// (components/dashboard/overview-rows.tsx): the server sends the cells, not the rendered tree.
export function LeagueRows({ rows }: { rows: LeagueRowView[] }) {
  return rows.map((g) => (
    <TableRow key={g.groupId} data-testid={`league-row-${g.name}`}>
      <TableCell className="tabular-nums">{g.rank}</TableCell>
      <RowHeader>
        <Link href={g.householdsHref} className="text-brand-700 underline underline-offset-4">
          {g.name}
        </Link>
      </RowHeader>
      <TableCell numeric>
        <Link href={g.householdsHref} className="underline decoration-stone-300 underline-offset-4" data-testid="league-households">
          {g.households}
        </Link>
      </TableCell>
      <TableCell numeric>
        <Link href={g.signedHref} className="underline decoration-stone-300 underline-offset-4">
          {g.signed}
        </Link>
      </TableCell>
      <TableCell numeric>{g.rate}</TableCell>
      <TableCell numeric>{g.visits}</TableCell>
      <TableCell numeric>{g.overdue}</TableCell>
    </TableRow>
  ));
}
