"use client";

import Link from "next/link";

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
  rate: string;
  threshold: string;
  firstDayRate: string;
  relocationRate: string;
  daysLeft: string;
  risk: { atRisk: boolean; label: string };
};

// The overview's body rows as a client component: the server sends the formatted cells (a few
// hundred bytes a row) instead of the rendered tree, which for 50 projects was most of the page's
// payload and of the server's rendering time. The markup is the same either way.
export function OverviewRows({ rows }: { rows: OverviewRowView[] }) {
  return rows.map((row) => (
    <tr key={row.id} className="border-t border-stone-200" data-testid={`overview-row-${row.code}`}>
      <th scope="row" className="px-3 py-2 font-medium">
        {/* No prefetch: 50 visible rows would each ask the server for a dashboard. */}
        <Link href={`/projects/${row.id}/dashboard`} prefetch={false} className="text-brand-700 underline underline-offset-4">
          {row.name}
        </Link>
        <div className="text-sm font-normal text-stone-600">{row.place}</div>
      </th>
      <td className="px-3 py-2">{row.kind}</td>
      <td className="px-3 py-2">{row.phase}</td>
      <td className="px-3 py-2 text-right tabular-nums" data-testid="overview-households">{row.households}</td>
      <td className="px-3 py-2 text-right tabular-nums" data-testid="overview-signed">{row.signed}</td>
      <td className="px-3 py-2 text-right tabular-nums" data-testid="overview-rate">{row.rate}</td>
      <td className="px-3 py-2 text-right tabular-nums">{row.threshold}</td>
      <td className="px-3 py-2 text-right tabular-nums" data-testid="overview-first-day-rate">{row.firstDayRate}</td>
      <td className="px-3 py-2 text-right tabular-nums">{row.relocationRate}</td>
      <td className="px-3 py-2 text-right tabular-nums">{row.daysLeft}</td>
      <td className="px-3 py-2" data-testid="overview-risk">
        {row.risk.atRisk ? (
          <span className="rounded bg-red-100 px-2 py-0.5 font-medium text-red-800">⚠ {row.risk.label}</span>
        ) : (
          <span className="text-stone-600">{row.risk.label}</span>
        )}
      </td>
    </tr>
  ));
}
