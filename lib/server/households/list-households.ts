import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { db } from "../../db.ts";
import type { HouseholdState } from "../../domain/household-state.ts";
import type { OwnerLocation, Prisma, Tenure } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { parseHouseholdListQuery, type THouseholdListQuery } from "./household-filter.ts";
import {
  columnOrderBy,
  findProjectInScope,
  isColumnSort,
  lastVisitOf,
  orderIdsByDerived,
  scopedFilterWhere,
  stateFactsSelect,
  stateOf,
  requireStaffReadScope,
} from "./household-queries.ts";

const ZListInput = z.object({ projectId: z.uuid() });

const listItemSelect = {
  id: true,
  code: true,
  building: true,
  address: true,
  headName: true,
  tenure: true,
  ownerLocation: true,
  isPartyMemberHousehold: true,
  isHardship: true,
  isElderlySickDisabled: true,
  hasFamilyDispute: true,
  signingGroup: { select: { id: true, name: true } },
  ...stateFactsSelect,
} satisfies Prisma.HouseholdSelect;

export type HouseholdListItem = {
  id: string;
  code: string;
  building: string;
  address: string;
  headName: string;
  tenure: Tenure;
  ownerLocation: OwnerLocation;
  isPartyMemberHousehold: boolean;
  hasHardship: boolean;
  group: { id: string; name: string } | null;
  state: HouseholdState;
  lastVisitAt: Date | null;
};

export type HouseholdListPage = {
  project: { id: string; code: string; name: string };
  query: THouseholdListQuery;
  items: HouseholdListItem[];
  /** Households matching the filter in the actor's scope. */
  total: number;
  pageCount: number;
};

/**
 * Rule: one page of a project's households that the actor may read (district: all; secretary:
 * their projects; group leader: their group's; member: households of their own tasks), filtered,
 * sorted and paged on the server. A project the actor cannot reach at all is NOT_FOUND.
 * `input` is `{ projectId, ...searchParams }`: the same query string the page, the export and
 * bulk assignment parse with ZHouseholdListQuery.
 */
export async function listHouseholds(actor: Actor, input: unknown): Promise<HouseholdListPage> {
  requireStaffReadScope(actor);
  const { projectId } = parseInput(ZListInput, input);
  const query = parseHouseholdListQuery(input as Record<string, string | string[] | undefined>);
  const project = await findProjectInScope(actor, projectId);
  const where = await scopedFilterWhere(actor, "read", projectId, query);
  const offset = (query.page - 1) * query.size;

  let total: number;
  let rows: Prisma.HouseholdGetPayload<{ select: typeof listItemSelect }>[];
  if (isColumnSort(query.sort)) {
    [total, rows] = await Promise.all([
      db().household.count({ where }),
      db().household.findMany({
        where,
        select: listItemSelect,
        orderBy: columnOrderBy(query.sort, query.dir),
        skip: offset,
        take: query.size,
      }),
    ]);
  } else {
    // State and last visit are derived: order the matching ids in SQL, then load one page.
    const ids = (await db().household.findMany({ where, select: { id: true } })).map((r) => r.id);
    total = ids.length;
    const pageIds = await orderIdsByDerived(ids, query.sort, query.dir, { limit: query.size, offset });
    const byId = new Map((await db().household.findMany({ where: { id: { in: pageIds } }, select: listItemSelect })).map((r) => [r.id, r]));
    rows = pageIds.map((id) => byId.get(id)!).filter(Boolean);
  }

  return {
    project: { id: project.id, code: project.code, name: project.name },
    query,
    total,
    pageCount: Math.max(1, Math.ceil(total / query.size)),
    items: rows.map((row) => ({
      id: row.id,
      code: row.code,
      building: row.building,
      address: row.address,
      headName: row.headName,
      tenure: row.tenure,
      ownerLocation: row.ownerLocation,
      isPartyMemberHousehold: row.isPartyMemberHousehold,
      hasHardship: row.isHardship || row.isElderlySickDisabled || row.hasFamilyDispute,
      group: row.signingGroup,
      state: stateOf(row),
      lastVisitAt: lastVisitOf(row),
    })),
  };
}
