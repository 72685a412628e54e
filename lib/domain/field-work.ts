// The rules of DOMAIN.md "Field work", once: which tasks are overdue, which households are due a
// visit under the project's coverage rules (五必访), the coverage figure, the clock and colour of
// a demand (诉求), and how bulk assignment spreads tasks over members. Pure: the callers read the
// rows and pass today's calendar day in the deployment's zone.
import { DemandCategory, DemandStatus, type GroupSpecialty, type TaskStatus } from "../generated/prisma/enums.ts";
import type { CalendarDay } from "./calendar-day.ts";
import { optionsOf } from "./options.ts";
import { daysBetween } from "./progress.ts";
import { formatPercent, ratio } from "./rates.ts";

/** A task still to be done. IN_PROGRESS counts as open, as the group league's overdue count does. */
export function isTaskOpen(status: TaskStatus): boolean {
  return status === "OPEN" || status === "IN_PROGRESS";
}

/** Overdue = open and due before today (a task due today is not overdue yet). */
export function isTaskOverdue(task: { status: TaskStatus; dueDate: CalendarDay }, today: CalendarDay): boolean {
  return isTaskOpen(task.status) && task.dueDate < today;
}

/** A project's coverage rules: visit hardship households at least every `hardshipDays` days,
 *  unsigned ones at least every `unsignedDays` days. */
export type CoverageRules = { hardshipDays: number; unsignedDays: number };

export const DEFAULT_COVERAGE_RULES: CoverageRules = { hardshipDays: 7, unsignedDays: 14 };

export type CoverageHousehold = {
  isHardship: boolean;
  isElderlySickDisabled: boolean;
  hasFamilyDispute: boolean;
  isExcluded: boolean;
  isSigned: boolean;
  /** The calendar day of its last visit, or null when never visited. */
  lastVisitDay: CalendarDay | null;
};

export function hasHardshipFlag(h: Pick<CoverageHousehold, "isHardship" | "isElderlySickDisabled" | "hasFamilyDispute">): boolean {
  return h.isHardship || h.isElderlySickDisabled || h.hasFamilyDispute;
}

/** The most days a household may go unvisited, or null when no rule covers it. A household under
 *  both rules (an unsigned hardship household) keeps the stricter one. */
export function coverageRuleDays(h: CoverageHousehold, rules: CoverageRules): number | null {
  const limits: number[] = [];
  if (hasHardshipFlag(h)) limits.push(rules.hardshipDays);
  if (!h.isSigned && !h.isExcluded) limits.push(rules.unsignedDays);
  return limits.length === 0 ? null : Math.min(...limits);
}

export type CoverageStatus =
  | { kind: "none" }
  | { kind: "within"; ruleDays: number; daysSinceVisit: number }
  /** `overdueDays`: days past the rule; null when the household was never visited. */
  | { kind: "due"; ruleDays: number; daysSinceVisit: number | null; overdueDays: number | null };

/** Due when its last visit is older than its rule (visited N days ago under an N-day rule is still
 *  within it), or it was never visited. */
export function coverageStatus(h: CoverageHousehold, rules: CoverageRules, today: CalendarDay): CoverageStatus {
  const ruleDays = coverageRuleDays(h, rules);
  if (ruleDays === null) return { kind: "none" };
  if (h.lastVisitDay === null) return { kind: "due", ruleDays, daysSinceVisit: null, overdueDays: null };
  const daysSinceVisit = daysBetween(h.lastVisitDay, today);
  if (daysSinceVisit <= ruleDays) return { kind: "within", ruleDays, daysSinceVisit };
  return { kind: "due", ruleDays, daysSinceVisit, overdueDays: daysSinceVisit - ruleDays };
}

export type CoverageFigures = {
  underRule: number;
  within: number;
  due: number;
  /** within ÷ under a rule, two decimals ("95.08"); null when no household is under a rule. */
  coverage: string | null;
};

export function coverageFigures(households: readonly CoverageHousehold[], rules: CoverageRules, today: CalendarDay): CoverageFigures {
  let underRule = 0;
  let within = 0;
  for (const h of households) {
    const status = coverageStatus(h, rules, today);
    if (status.kind === "none") continue;
    underRule += 1;
    if (status.kind === "within") within += 1;
  }
  return { underRule, within, due: underRule - within, coverage: formatPercent(ratio(within, underRule)) };
}

/** Target days from raised to resolved, by category (DOMAIN.md defaults). */
export const DEMAND_TARGET_DAYS: Readonly<Record<DemandCategory, number>> = {
  HARDSHIP: 3,
  POLICY_QUESTION: 2,
  FAMILY_DISPUTE: 7,
  COMPENSATION: 7,
  RESETTLEMENT_HOUSING: 7,
  OTHER: 7,
};

export type DemandColour = "green" | "amber" | "red";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * A demand's clock runs from when it was raised until it is resolved (escalation does not stop
 * it). Green with more than 25% of the target time left, amber with 0–25% left, red past it.
 */
export function demandClock(
  demand: { category: DemandCategory; raisedAt: Date; resolvedAt: Date | null },
  now: Date,
  targetDays: Readonly<Record<DemandCategory, number>> = DEMAND_TARGET_DAYS,
): { colour: DemandColour; targetMs: number; elapsedMs: number; remainingMs: number } {
  const targetMs = targetDays[demand.category] * DAY_MS;
  const elapsedMs = (demand.resolvedAt ?? now).getTime() - demand.raisedAt.getTime();
  const remainingMs = targetMs - elapsedMs;
  // Integer comparison (remaining × 4 against the target) so the 25% boundary is exact.
  const colour: DemandColour = remainingMs < 0 ? "red" : remainingMs * 4 > targetMs ? "green" : "amber";
  return { colour, targetMs, elapsedMs, remainingMs };
}

/** The schema's demand categories and statuses in its order, for selects, filters and zod enums. */
export const DEMAND_CATEGORIES = optionsOf(DemandCategory);
export const DEMAND_STATUSES = optionsOf(DemandStatus);

/** Which special group a demand of each category goes to by default: the first specialty in the
 *  list that the project has a special group for. */
export const DEMAND_ROUTES: Readonly<Record<DemandCategory, readonly GroupSpecialty[]>> = {
  COMPENSATION: ["POLICY_CONSULTATION", "POLICY_LAW"],
  RESETTLEMENT_HOUSING: ["RESIDENT_PROBLEMS", "COORDINATION"],
  FAMILY_DISPUTE: ["PEOPLES_MEDIATION", "PETITION_MEDIATION", "POLICY_LAW"],
  HARDSHIP: ["PAIRING_ASSISTANCE", "RESIDENT_PROBLEMS", "COORDINATION"],
  POLICY_QUESTION: ["POLICY_CONSULTATION", "POLICY_LAW"],
  OTHER: ["RESIDENT_PROBLEMS", "COORDINATION"],
};

/**
 * The special group a new demand is routed to when the raiser names none: the project's group of
 * the first specialty in DEMAND_ROUTES that it has (the first such group listed, when it has
 * several of one specialty); null when it has none of them (the secretary routes it by hand).
 */
export function defaultDemandGroup<TGroup extends { specialty: GroupSpecialty | null }>(
  category: DemandCategory,
  specialGroups: readonly TGroup[],
): TGroup | null {
  for (const specialty of DEMAND_ROUTES[category]) {
    const group = specialGroups.find((g) => g.specialty === specialty);
    if (group) return group;
  }
  return null;
}

/** The moves of a demand: OPEN → IN_PROGRESS → ESCALATED → RESOLVED, each step optional except
 *  that a resolved demand is final (it may be resolved from any earlier status, escalated from
 *  OPEN or IN_PROGRESS, started only from OPEN). */
export type DemandMove = "start" | "escalate" | "resolve";

const DEMAND_MOVES_FROM: Readonly<Record<DemandMove, readonly DemandStatus[]>> = {
  start: ["OPEN"],
  escalate: ["OPEN", "IN_PROGRESS"],
  resolve: ["OPEN", "IN_PROGRESS", "ESCALATED"],
};

export function canMoveDemand(status: DemandStatus, move: DemandMove): boolean {
  return DEMAND_MOVES_FROM[move].includes(status);
}

/** A resolved demand keeps its group; any other may be re-routed. */
export function canRerouteDemand(status: DemandStatus): boolean {
  return status !== "RESOLVED";
}

/** Days past its rule, in the coverage view's buckets: never visited, 1–7, 8–14, more than 14. */
export type CoverageDueBucket = "never" | "days1to7" | "days8to14" | "over14";

export const COVERAGE_DUE_BUCKETS: readonly CoverageDueBucket[] = ["never", "days1to7", "days8to14", "over14"];

export function coverageDueBucket(overdueDays: number | null): CoverageDueBucket {
  if (overdueDays === null) return "never";
  if (overdueDays <= 7) return "days1to7";
  if (overdueDays <= 14) return "days8to14";
  return "over14";
}

/**
 * Bulk assignment spread evenly: each household in turn goes to the chosen member with the fewest
 * open tasks so far (counting the ones this assignment gives), ties to the member listed first.
 * Returns the assignee of each household, in the households' order.
 */
export function spreadRoundRobin<THousehold>(
  households: readonly THousehold[],
  members: readonly { id: string; openTasks: number }[],
): { household: THousehold; assigneeId: string }[] {
  if (members.length === 0) throw new Error("spreadRoundRobin needs at least one member");
  const load = members.map((m) => m.openTasks);
  return households.map((household) => {
    let best = 0;
    for (let i = 1; i < load.length; i++) if (load[i]! < load[best]!) best = i;
    load[best]! += 1;
    return { household, assigneeId: members[best]!.id };
  });
}
