import "server-only";
// The visit register's filters (走访台账), shared by its page and its .xlsx export so that the file
// holds exactly the rows the page lists: a date range of the visit (days in the deployment's zone),
// the household's signing group, channel, attitude and author.
import { z } from "zod";
import { instantFromWallClock } from "../../domain/calendar-day.ts";
import { serverEnv } from "../../env.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { ATTITUDES, VISIT_CHANNELS } from "./visit-input.ts";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);
/** A query string may repeat a key; the first value counts. */
const first = (value: unknown) => blankToUndefined(Array.isArray(value) ? value[0] : value);

export const ZVisitFilter = z.object({
  projectId: z.uuid(),
  from: z.preprocess(first, z.iso.date({ error: "validation.date" }).optional()),
  to: z.preprocess(first, z.iso.date({ error: "validation.date" }).optional()),
  groupId: z.preprocess(first, z.uuid({ error: "validation.invalid" }).optional()),
  channel: z.preprocess(first, z.enum(VISIT_CHANNELS, { error: "validation.invalid" }).optional()),
  /** An attitude, or "NONE" for visits where the resident stated none. */
  attitude: z.preprocess(first, z.enum([...ATTITUDES, "NONE"], { error: "validation.invalid" }).optional()),
  authorId: z.preprocess(first, z.uuid({ error: "validation.invalid" }).optional()),
});
export type TVisitFilter = z.output<typeof ZVisitFilter>;

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The filter as a `where` on VisitLog (without the reader's scope, which the caller adds). */
export function visitFilterWhere(filter: TVisitFilter): Prisma.VisitLogWhereInput {
  const zone = serverEnv().LIANXIN_TIME_ZONE;
  const visitedAt: Prisma.DateTimeFilter = {};
  if (filter.from) visitedAt.gte = instantFromWallClock(`${filter.from}T00:00`, zone)!;
  if (filter.to) visitedAt.lt = instantFromWallClock(`${nextDay(filter.to)}T00:00`, zone)!;
  return {
    projectId: filter.projectId,
    ...(filter.from || filter.to ? { visitedAt } : {}),
    ...(filter.groupId ? { household: { signingGroupId: filter.groupId } } : {}),
    ...(filter.channel ? { channel: filter.channel } : {}),
    ...(filter.attitude ? { attitude: filter.attitude === "NONE" ? null : filter.attitude } : {}),
    ...(filter.authorId ? { authorId: filter.authorId } : {}),
  };
}

/** The filter as the page's query string (without the project), for the export link. */
export function visitFilterQuery(filter: TVisitFilter): string {
  const params = new URLSearchParams();
  for (const key of ["from", "to", "groupId", "channel", "attitude", "authorId"] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** What one row of the register shows, for the page and the file alike. */
export const visitRowSelect = {
  id: true,
  visitedAt: true,
  channel: true,
  attitude: true,
  summary: true,
  nextStep: true,
  author: { select: { name: true } },
  participants: { select: { user: { select: { name: true } } } },
  task: { select: { kind: true } },
  household: { select: { id: true, code: true, headName: true, signingGroup: { select: { name: true } } } },
} satisfies Prisma.VisitLogSelect;
export type VisitRow = Prisma.VisitLogGetPayload<{ select: typeof visitRowSelect }>;
