import "server-only";
import { z } from "zod";
import { addDays } from "../../domain/progress.ts";
import { instantFromWallClock, type CalendarDay } from "../../domain/calendar-day.ts";
import type { CoverageRules } from "../../domain/field-work.ts";
import { HOUSEHOLD_STATES, type HouseholdState } from "../../domain/household-state.ts";
import { OWNER_LOCATIONS, optionsOf, TENURES, VOTES } from "../../domain/options.ts";
import { serverEnv } from "../../env.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { Attitude } from "../../generated/prisma/enums.ts";

// The household list's filters, sort and page as they travel in the URL (searchParams), so a
// filtered view can be shared as a link. One schema parses them for the list page, the export
// route and bulk assignment "by the current filter", so all three see the same households.
// Parsing is lenient: a value that does not parse is dropped (the view shows everything for that
// filter) rather than failing the page, because shared links get cut and edited by hand.

export const HOUSEHOLD_SORTS = ["code", "building", "head", "state", "lastVisit"] as const;
export type HouseholdSort = (typeof HOUSEHOLD_SORTS)[number];
export const HOUSEHOLD_PAGE_SIZES = [25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** `group=none`: households not yet assigned to a signing group. */
export const UNASSIGNED = "none";
/** `attitude=none`: the last visit recorded no attitude, or there was no visit. */
export const NO_ATTITUDE = "none";
export const ATTITUDE_FILTERS = [...optionsOf(Attitude), NO_ATTITUDE] as const;
/** Under a coverage rule (五必访) of the project and due a visit, or within it. */
export const COVERAGE_FILTERS = ["due", "within"] as const;
/** `openTask=no`: no OPEN or IN_PROGRESS task; `yes`: at least one. */
export const OPEN_TASK_FILTERS = ["no", "yes"] as const;

/** A single query-string value: the first one when a key is repeated, trimmed, empty = absent. */
function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string") return undefined;
  const trimmed = first.trim();
  return trimmed === "" ? undefined : trimmed;
}

function lenient<T extends z.ZodType>(schema: T) {
  return z.preprocess(firstString, schema.optional()).catch(undefined);
}

const flag = lenient(z.enum(["1", "true", "on"]).transform(() => true as const));

export const ZHouseholdFilter = z.object({
  /** Code, address or head of household: case-insensitive substring. */
  q: lenient(z.string().max(100)),
  state: lenient(z.enum(HOUSEHOLD_STATES)),
  /** A signing group id, or "none" for unassigned households. */
  group: lenient(z.union([z.uuid(), z.literal(UNASSIGNED)])),
  building: lenient(z.string().max(100)),
  tenure: lenient(z.enum(TENURES)),
  owner: lenient(z.enum(OWNER_LOCATIONS)),
  party: flag,
  /** Any of the three hardship flags: hardship, elderly/sick/disabled, family dispute. */
  hardship: flag,
  /** Not visited in the last N days (never visited counts as not visited). */
  notVisitedDays: lenient(z.coerce.number().int().min(1).max(3650)),
  /** Drill-downs of the dashboard's figures: not excluded (the households every rate counts),
   *  signed or not (excluded households are neither), signed on a calendar day of the
   *  deployment's zone, first-round vote, moved out (not excluded). */
  eligible: flag,
  signed: lenient(z.enum(["yes", "no"])),
  signedOn: lenient(z.iso.date()),
  vote: lenient(z.enum(VOTES)),
  movedOut: flag,
  /** The resident's attitude at the household's last visit (see NO_ATTITUDE). */
  attitude: lenient(z.enum(ATTITUDE_FILTERS)),
  /** Due or within under the project's coverage rule days (DOMAIN.md "Field work"). */
  coverage: lenient(z.enum(COVERAGE_FILTERS)),
  openTask: lenient(z.enum(OPEN_TASK_FILTERS)),
});
export type THouseholdFilter = z.infer<typeof ZHouseholdFilter>;

export const ZHouseholdListQuery = ZHouseholdFilter.extend({
  sort: lenient(z.enum(HOUSEHOLD_SORTS)).transform((v) => v ?? "code"),
  dir: lenient(z.enum(["asc", "desc"])).transform((v) => v ?? "asc"),
  page: lenient(z.coerce.number().int().min(1).max(100_000)).transform((v) => v ?? 1),
  size: lenient(
    z.coerce
      .number()
      .int()
      .refine((n) => (HOUSEHOLD_PAGE_SIZES as readonly number[]).includes(n)),
  ).transform((v) => v ?? DEFAULT_PAGE_SIZE),
});
export type THouseholdListQuery = z.infer<typeof ZHouseholdListQuery>;

export const FILTER_KEYS = [
  "q",
  "state",
  "group",
  "building",
  "tenure",
  "owner",
  "party",
  "hardship",
  "notVisitedDays",
  "eligible",
  "signed",
  "signedOn",
  "vote",
  "movedOut",
  "attitude",
  "coverage",
  "openTask",
] as const;

export function hasActiveFilter(filter: THouseholdFilter): boolean {
  return FILTER_KEYS.some((key) => filter[key] !== undefined);
}

/** The filter (and optionally sort/page) back as a query string, for links and the export. */
export function toSearchParams(query: Partial<THouseholdListQuery>): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of [...FILTER_KEYS, "sort", "dir", "page", "size"] as const) {
    const value = query[key];
    if (value === undefined || value === null) continue;
    if (value === true) params.set(key, "1");
    else params.set(key, String(value));
  }
  return params;
}

/** Escapes LIKE wildcards so a search for "50%" looks for those characters. */
function likeLiteral(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * The Prisma `where` of one household state. It must agree exactly with `householdState()` in
 * lib/domain/household-state.ts (tests/integration/households-list.test.ts proves it on seeded
 * data): the checks run in the same order, each state excluding every earlier one.
 */
export function householdStateWhere(state: HouseholdState): Prisma.HouseholdWhereInput {
  const notExcluded: Prisma.HouseholdWhereInput = { isExcluded: false };
  const notHandedOver: Prisma.HouseholdWhereInput = { ...notExcluded, handedOverAt: null };
  const notMovedOut: Prisma.HouseholdWhereInput = { ...notHandedOver, movedOutAt: null };
  const notSigned: Prisma.HouseholdWhereInput = { ...notMovedOut, signing: { is: null } };
  // "Not AGREE" must keep households that never voted: SQL's `<> 'AGREE'` drops NULLs.
  const notAgreed: Prisma.HouseholdWhereInput = { ...notSigned, OR: [{ firstRoundVote: null }, { firstRoundVote: "DISAGREE" }] };
  switch (state) {
    case "EXCLUDED":
      return { isExcluded: true };
    case "HANDED_OVER":
      return { ...notExcluded, handedOverAt: { not: null } };
    case "MOVED_OUT":
      return { ...notHandedOver, movedOutAt: { not: null } };
    case "SIGNED":
      return { ...notMovedOut, signing: { isNot: null } };
    case "AGREED":
      return { ...notSigned, firstRoundVote: "AGREE" };
    case "VISITED":
      return { ...notAgreed, visitLogs: { some: {} } };
    case "NOT_CONTACTED":
      return { ...notAgreed, visitLogs: { none: {} } };
  }
}

/**
 * What some filters need besides the filter itself, read from the database by the caller
 * (household-queries.ts `filterContextOf`): the project's coverage rules and today, for
 * `coverage`; the households whose last visit had the chosen attitude, for `attitude`.
 */
export type HouseholdFilterContext = {
  coverage?: { rules: CoverageRules; today: CalendarDay; timeZone: string };
  attitudeHouseholdIds?: string[];
};

const OPEN_TASK: Prisma.TaskWhereInput = { status: { in: ["OPEN", "IN_PROGRESS"] } };

/**
 * The households under a coverage rule that are due (or within it), as a `where`: the cases of
 * `coverageRuleDays()` in lib/domain/field-work.ts, each with its rule's days. Due = no visit on
 * or after the calendar day `today − rule days` in the deployment's zone (a visit exactly N days
 * ago under an N-day rule is still within it; never visited is due) — the same boundary as
 * `coverageStatus()`, so the coverage view's due count and this list agree
 * (tests/integration/coverage-view.test.ts).
 */
export function coverageWhere(
  kind: (typeof COVERAGE_FILTERS)[number],
  { rules, today, timeZone }: NonNullable<HouseholdFilterContext["coverage"]>,
): Prisma.HouseholdWhereInput {
  const hardship: Prisma.HouseholdWhereInput = { OR: [{ isHardship: true }, { isElderlySickDisabled: true }, { hasFamilyDispute: true }] };
  const noHardship: Prisma.HouseholdWhereInput = { isHardship: false, isElderlySickDisabled: false, hasFamilyDispute: false };
  const unsigned: Prisma.HouseholdWhereInput = { isExcluded: false, signing: { is: null } };
  const notUnsigned: Prisma.HouseholdWhereInput = { OR: [{ isExcluded: true }, { signing: { isNot: null } }] };
  const visitedSince = (ruleDays: number): Prisma.HouseholdWhereInput => {
    const since = instantFromWallClock(`${addDays(today, -ruleDays)}T00:00`, timeZone)!;
    const visits = { visitedAt: { gte: since } };
    return kind === "within" ? { visitLogs: { some: visits } } : { visitLogs: { none: visits } };
  };
  return {
    OR: [
      { AND: [hardship, notUnsigned, visitedSince(rules.hardshipDays)] },
      { AND: [hardship, unsigned, visitedSince(Math.min(rules.hardshipDays, rules.unsignedDays))] },
      { AND: [noHardship, unsigned, visitedSince(rules.unsignedDays)] },
    ],
  };
}

/** The `where` of the filter alone (no project, no scope: the use cases add those). A filter
 *  that needs a context (coverage, attitude) throws without it: it must never silently match
 *  everything. */
export function householdFilterWhere(
  filter: THouseholdFilter,
  now: Date = new Date(),
  context: HouseholdFilterContext = {},
): Prisma.HouseholdWhereInput {
  const and: Prisma.HouseholdWhereInput[] = [];
  if (filter.q) {
    const contains = likeLiteral(filter.q);
    and.push({
      OR: [
        { code: { contains, mode: "insensitive" } },
        { address: { contains, mode: "insensitive" } },
        { headName: { contains, mode: "insensitive" } },
      ],
    });
  }
  if (filter.state) and.push(householdStateWhere(filter.state));
  if (filter.group === UNASSIGNED) and.push({ signingGroupId: null });
  else if (filter.group) and.push({ signingGroupId: filter.group });
  if (filter.building) and.push({ building: filter.building });
  if (filter.tenure) and.push({ tenure: filter.tenure });
  if (filter.owner) and.push({ ownerLocation: filter.owner });
  if (filter.party) and.push({ isPartyMemberHousehold: true });
  if (filter.hardship) and.push({ OR: [{ isHardship: true }, { isElderlySickDisabled: true }, { hasFamilyDispute: true }] });
  if (filter.notVisitedDays) {
    const since = new Date(now.getTime() - filter.notVisitedDays * 24 * 3_600_000);
    and.push({ visitLogs: { none: { visitedAt: { gte: since } } } });
  }
  if (filter.eligible) and.push({ isExcluded: false });
  if (filter.signed === "yes") and.push({ isExcluded: false, signing: { isNot: null } });
  if (filter.signed === "no") and.push({ isExcluded: false, signing: { is: null } });
  if (filter.signedOn) {
    const timeZone = serverEnv().LIANXIN_TIME_ZONE;
    const from = instantFromWallClock(`${filter.signedOn}T00:00`, timeZone)!;
    const to = instantFromWallClock(`${addDays(filter.signedOn, 1)}T00:00`, timeZone)!;
    and.push({ signing: { is: { signedAt: { gte: from, lt: to } } } });
  }
  if (filter.vote) and.push({ firstRoundVote: filter.vote });
  if (filter.movedOut) and.push({ isExcluded: false, movedOutAt: { not: null } });
  if (filter.attitude) {
    if (!context.attitudeHouseholdIds) throw new Error("the attitude filter needs the households of that last attitude");
    and.push({ id: { in: context.attitudeHouseholdIds } });
  }
  if (filter.coverage) {
    if (!context.coverage) throw new Error("the coverage filter needs the project's coverage rules");
    and.push(coverageWhere(filter.coverage, context.coverage));
  }
  if (filter.openTask === "no") and.push({ tasks: { none: OPEN_TASK } });
  if (filter.openTask === "yes") and.push({ tasks: { some: OPEN_TASK } });
  return and.length === 0 ? {} : { AND: and };
}

/** Parses a URL's searchParams (a Next page's or a route's) into the list query. */
export function parseHouseholdListQuery(
  searchParams: Record<string, string | string[] | undefined> | URLSearchParams,
): THouseholdListQuery {
  const record: Record<string, string | string[] | undefined> = {};
  if (searchParams instanceof URLSearchParams) {
    for (const key of new Set(searchParams.keys())) record[key] = searchParams.getAll(key);
  } else Object.assign(record, searchParams);
  return ZHouseholdListQuery.parse(record);
}
