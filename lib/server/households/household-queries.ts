import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission, type Action } from "../../auth/permissions.ts";
import { householdScope, projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { calendarDayOf } from "../../domain/calendar-day.ts";
import { householdState, type HouseholdState } from "../../domain/household-state.ts";
import { serverEnv } from "../../env.ts";
import { AppError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import {
  householdFilterWhere,
  NO_ATTITUDE,
  type HouseholdFilterContext,
  type HouseholdSort,
  type THouseholdFilter,
} from "./household-filter.ts";

// Queries shared by the household use cases (list, export, bulk assignment): the scoped `where`
// of a filtered list and the order of its rows. Not use cases themselves: callers check the
// permission first.

/** The staff views of households (list, household page) need a staff scope to read households;
 *  a resident's only scope is their own household, which they see through getOwnHousehold. */
export function requireStaffReadScope(actor: Actor): void {
  const scopes = requirePermission(actor, "read", "household");
  if (!scopes.some((scope) => scope !== "own")) throw new AppError("FORBIDDEN", { detail: "read:household (staff)" });
}

/** The project, if the actor may reach it at all; NOT_FOUND otherwise (also for unknown ids). */
export async function findProjectInScope(actor: Actor, projectId: string) {
  const project = await db().project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor)] },
    select: { id: true, code: true, name: true, agreementsEffectiveAt: true, signingFailedAt: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  return project;
}

/**
 * What the field-work filters need from the database, read only when they are set: the
 * project's coverage rule days (Project.coverageHardshipDays/coverageUnsignedDays) and today in
 * the deployment's zone for `coverage`; for `attitude`, the project's households whose last visit
 * (latest visitedAt; of two at the same time, the later written) had that attitude — or, for
 * "none", no attitude or no visit at all.
 */
export async function filterContextOf(
  projectId: string,
  filter: THouseholdFilter,
  now: Date = new Date(),
  client: Prisma.TransactionClient = db(),
): Promise<HouseholdFilterContext> {
  const context: HouseholdFilterContext = {};
  if (filter.coverage) {
    const project = await client.project.findUnique({
      where: { id: projectId },
      select: { coverageHardshipDays: true, coverageUnsignedDays: true },
    });
    const timeZone = serverEnv().LIANXIN_TIME_ZONE;
    context.coverage = {
      // An unknown project matches nothing anyway (the where names its id).
      rules: { hardshipDays: project?.coverageHardshipDays ?? 7, unsignedDays: project?.coverageUnsignedDays ?? 14 },
      today: calendarDayOf(now, timeZone),
      timeZone,
    };
  }
  if (filter.attitude) {
    const matches =
      filter.attitude === NO_ATTITUDE ? Prisma.sql`lv.attitude IS NULL` : Prisma.sql`lv.attitude = ${filter.attitude}::"Attitude"`;
    const rows = await client.$queryRaw<{ id: string }[]>`
      SELECT h.id::text AS id
      FROM "Household" h
      LEFT JOIN LATERAL (
        SELECT v.attitude FROM "VisitLog" v WHERE v."householdId" = h.id
        ORDER BY v."visitedAt" DESC, v."createdAt" DESC, v.id DESC LIMIT 1
      ) lv ON true
      WHERE h."projectId" = ${projectId}::uuid AND ${matches}`;
    context.attitudeHouseholdIds = rows.map((r) => r.id);
  }
  return context;
}

/** Households of one project that match the filter and lie in the actor's scope for `action`.
 *  Async because the field-work filters read the project's rules or last visits first. */
export async function scopedFilterWhere(
  actor: Actor,
  action: Action,
  projectId: string,
  filter: THouseholdFilter,
  now: Date = new Date(),
  client: Prisma.TransactionClient = db(),
): Promise<Prisma.HouseholdWhereInput> {
  const context = await filterContextOf(projectId, filter, now, client);
  return { AND: [householdScope(actor, action, "household"), { projectId }, householdFilterWhere(filter, now, context)] };
}

/** A household's own facts, the ones the roster describes (lib/roster/columns.ts). */
export const householdFactsSelect = {
  code: true,
  lane: true,
  building: true,
  number: true,
  room: true,
  address: true,
  tenure: true,
  headName: true,
  phone: true,
  registeredPopulation: true,
  residentCount: true,
  floorArea: true,
  livingArea: true,
  ownerLocation: true,
  isPartyMemberHousehold: true,
  isHardship: true,
  isElderlySickDisabled: true,
  hasFamilyDispute: true,
} satisfies Prisma.HouseholdSelect;

/** The facts `householdState()` needs, as a Prisma select. */
export const stateFactsSelect = {
  isExcluded: true,
  firstRoundVote: true,
  movedOutAt: true,
  handedOverAt: true,
  signing: { select: { id: true } },
  visitLogs: { select: { visitedAt: true }, orderBy: { visitedAt: "desc" }, take: 1 },
} satisfies Prisma.HouseholdSelect;

type StateFacts = Prisma.HouseholdGetPayload<{ select: typeof stateFactsSelect }>;

export function stateOf(facts: StateFacts): HouseholdState {
  return householdState({
    isExcluded: facts.isExcluded,
    isSigned: facts.signing !== null,
    firstRoundVote: facts.firstRoundVote,
    movedOutAt: facts.movedOutAt,
    handedOverAt: facts.handedOverAt,
    hasBeenVisited: facts.visitLogs.length > 0,
  });
}

export function lastVisitOf(facts: StateFacts): Date | null {
  return facts.visitLogs[0]?.visitedAt ?? null;
}

export type Direction = "asc" | "desc";

const COLUMN_ORDER: Record<
  Exclude<HouseholdSort, "state" | "lastVisit">,
  (dir: Direction) => Prisma.HouseholdOrderByWithRelationInput[]
> = {
  code: (dir) => [{ code: dir }],
  building: (dir) => [{ building: dir }, { code: "asc" }],
  head: (dir) => [{ headName: dir }, { code: "asc" }],
};

export function isColumnSort(sort: HouseholdSort): sort is keyof typeof COLUMN_ORDER {
  return sort in COLUMN_ORDER;
}

export function columnOrderBy(sort: keyof typeof COLUMN_ORDER, dir: Direction): Prisma.HouseholdOrderByWithRelationInput[] {
  return COLUMN_ORDER[sort](dir);
}

/**
 * A household's state in SQL as its index in HOUSEHOLD_STATES (0 NOT_CONTACTED … 6 EXCLUDED): the
 * checks of `householdState()` in the same order. Needs the household as `h`, its signing as `s`
 * (LEFT JOIN) and `hasBeenVisited`, a boolean expression over them (evaluated only for households
 * that reach that check).
 */
export function householdStateRankSql(hasBeenVisited: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`CASE
          WHEN h."isExcluded" THEN 6
          WHEN h."handedOverAt" IS NOT NULL THEN 5
          WHEN h."movedOutAt" IS NOT NULL THEN 4
          WHEN s.id IS NOT NULL THEN 3
          WHEN h."firstRoundVote" = 'AGREE' THEN 2
          WHEN ${hasBeenVisited} THEN 1
          ELSE 0 END`;
}

/**
 * Orders the given households by a derived value Prisma cannot sort by: their state (in the
 * order of HOUSEHOLD_STATES, the same checks as `householdState()`) or their last visit
 * (ascending puts never-visited households first: they have waited longest). Ties by code.
 */
export async function orderIdsByDerived(
  ids: string[],
  sort: "state" | "lastVisit",
  dir: Direction,
  page?: { limit: number; offset: number },
): Promise<string[]> {
  if (ids.length === 0) return [];
  const direction = Prisma.raw(dir === "desc" ? "DESC" : "ASC");
  const key =
    sort === "lastVisit"
      ? Prisma.sql`lv."lastVisitAt" ${direction} ${Prisma.raw(dir === "desc" ? "NULLS LAST" : "NULLS FIRST")}`
      : Prisma.sql`${householdStateRankSql(Prisma.sql`lv."lastVisitAt" IS NOT NULL`)} ${direction}`;
  const limit = page ? Prisma.sql`LIMIT ${page.limit} OFFSET ${page.offset}` : Prisma.empty;
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT h.id::text AS id
    FROM "Household" h
    LEFT JOIN "Signing" s ON s."householdId" = h.id
    LEFT JOIN LATERAL (SELECT max(v."visitedAt") AS "lastVisitAt" FROM "VisitLog" v WHERE v."householdId" = h.id) lv ON true
    WHERE h.id = ANY(${ids}::uuid[])
    ORDER BY ${key}, h.code ASC
    ${limit}`;
  return rows.map((r) => r.id);
}

/** Every id of the matching households in list order (for exports and bulk work). */
export async function orderedHouseholdIds(where: Prisma.HouseholdWhereInput, sort: HouseholdSort, dir: Direction): Promise<string[]> {
  if (isColumnSort(sort)) {
    const rows = await db().household.findMany({ where, select: { id: true }, orderBy: columnOrderBy(sort, dir) });
    return rows.map((r) => r.id);
  }
  const rows = await db().household.findMany({ where, select: { id: true } });
  return orderIdsByDerived(
    rows.map((r) => r.id),
    sort,
    dir,
  );
}
