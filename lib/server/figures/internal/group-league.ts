import "server-only";
import { rankGroupLeague } from "../../../domain/progress.ts";
import { formatPercent } from "../../../domain/rates.ts";
import type { GroupActivity, GroupCounts } from "./progress-queries.ts";

export type LeagueEntry = {
  groupId: string;
  name: string;
  /** Eligible households the group owns. */
  households: number;
  signed: number;
  rate: string | null;
  visitsLast7Days: number;
  overdueTasks: number;
  rank: number;
};

/** Eligible and signed households per signing group (null = in no group) from the breakdown. */
export function totalsByGroup(byGroupAndState: readonly GroupCounts[]): Map<string | null, { eligible: number; signed: number }> {
  const totals = new Map<string | null, { eligible: number; signed: number }>();
  for (const row of byGroupAndState) {
    const total = totals.get(row.groupId) ?? { eligible: 0, signed: 0 };
    total.eligible += row.eligible;
    total.signed += row.signed;
    totals.set(row.groupId, total);
  }
  return totals;
}

/**
 * 擂台: every signing group of the project with its households, signings, visits in the last 7
 * days and overdue tasks, ranked by lib/domain's rule. The dashboard and the wall screen both
 * show this one league.
 */
export function groupLeague(
  groups: readonly { id: string; name: string }[],
  totals: ReadonlyMap<string | null, { eligible: number; signed: number }>,
  activity: readonly GroupActivity[],
): LeagueEntry[] {
  const activityOf = (kind: GroupActivity["kind"], groupId: string) =>
    activity.find((a) => a.kind === kind && a.groupId === groupId)?.count ?? 0;
  return rankGroupLeague(
    groups.map((g) => ({
      groupId: g.id,
      name: g.name,
      households: totals.get(g.id)?.eligible ?? 0,
      signed: totals.get(g.id)?.signed ?? 0,
      visitsLast7Days: activityOf("visits", g.id),
      overdueTasks: activityOf("overdue", g.id),
    })),
  ).map(({ rate, ...row }) => ({ ...row, rate: formatPercent(rate) }));
}
