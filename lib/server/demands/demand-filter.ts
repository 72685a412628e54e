import "server-only";
import { z } from "zod";
import { DEMAND_CATEGORIES, DEMAND_STATUSES, type DemandColour } from "../../domain/field-work.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

// The demand list's filters as they travel in the URL, for the list page and its export alike.
// Lenient like the household list's: a value that does not parse is dropped, not an error.

/** `group=none`: demands routed to no special group yet. */
export const NO_GROUP = "none";
export const DEMAND_COLOURS = ["green", "amber", "red"] as const satisfies readonly DemandColour[];
/** `status=unresolved`: anything but RESOLVED (the default of a special group's work list). */
export const UNRESOLVED = "unresolved";

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string") return undefined;
  const trimmed = first.trim();
  return trimmed === "" ? undefined : trimmed;
}

function lenient<T extends z.ZodType>(schema: T) {
  return z.preprocess(firstString, schema.optional()).catch(undefined);
}

export const ZDemandFilter = z.object({
  status: lenient(z.enum([...DEMAND_STATUSES, UNRESOLVED])),
  category: lenient(z.enum(DEMAND_CATEGORIES)),
  /** A special group's id, or "none". */
  group: lenient(z.union([z.uuid(), z.literal(NO_GROUP)])),
  /** The demand clock's colour now (lib/domain/field-work.ts demandClock). */
  colour: lenient(z.enum(DEMAND_COLOURS)),
});
export type TDemandFilter = z.output<typeof ZDemandFilter>;

export const DEMAND_FILTER_KEYS = ["status", "category", "group", "colour"] as const;

export function parseDemandFilter(searchParams: Record<string, string | string[] | undefined> | URLSearchParams): TDemandFilter {
  const record: Record<string, string | string[] | undefined> = {};
  if (searchParams instanceof URLSearchParams) {
    for (const key of new Set(searchParams.keys())) record[key] = searchParams.getAll(key);
  } else Object.assign(record, searchParams);
  return ZDemandFilter.parse(record);
}

export function demandFilterParams(filter: TDemandFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of DEMAND_FILTER_KEYS) if (filter[key] !== undefined) params.set(key, String(filter[key]));
  return params;
}

/** The `where` of the filter's columns (the colour is decided afterwards, from the clock). */
export function demandFilterWhere(filter: TDemandFilter): Prisma.DemandWhereInput {
  const and: Prisma.DemandWhereInput[] = [];
  if (filter.status === UNRESOLVED) and.push({ status: { not: "RESOLVED" } });
  else if (filter.status) and.push({ status: filter.status });
  if (filter.category) and.push({ category: filter.category });
  if (filter.group === NO_GROUP) and.push({ routedGroupId: null });
  else if (filter.group) and.push({ routedGroupId: filter.group });
  return and.length === 0 ? {} : { AND: and };
}
