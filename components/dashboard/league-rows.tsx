"use client";

import Link from "next/link";

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
    <tr key={g.groupId} className="border-t border-stone-200" data-testid={`league-row-${g.name}`}>
      <td className="px-3 py-2 tabular-nums">{g.rank}</td>
      <th scope="row" className="px-3 py-2 font-medium">
        <Link href={g.householdsHref} className="text-brand-700 underline underline-offset-4">
          {g.name}
        </Link>
      </th>
      <td className="px-3 py-2 text-right tabular-nums">
        <Link href={g.householdsHref} className="underline decoration-stone-300 underline-offset-4" data-testid="league-households">
          {g.households}
        </Link>
      </td>
      <td className="px-3 py-2 text-right tabular-nums">
        <Link href={g.signedHref} className="underline decoration-stone-300 underline-offset-4">
          {g.signed}
        </Link>
      </td>
      <td className="px-3 py-2 text-right tabular-nums">{g.rate}</td>
      <td className="px-3 py-2 text-right tabular-nums">{g.visits}</td>
      <td className="px-3 py-2 text-right tabular-nums">{g.overdue}</td>
    </tr>
  ));
}
