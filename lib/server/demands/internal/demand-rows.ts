import "server-only";
// The demand rows the list and its export read: one select, one DTO, the clock applied, one
// order — so the file has exactly the rows the list shows.
import type { Actor } from "../../../auth/actor-types.ts";
import { projectScope, demandScope } from "../../../auth/scope.ts";
import { db } from "../../../db.ts";
import { demandClock, type DemandColour } from "../../../domain/field-work.ts";
import { AppError } from "../../../errors.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import type { DemandCategory, DemandStatus } from "../../../generated/prisma/enums.ts";
import { demandFilterWhere, type TDemandFilter } from "../demand-filter.ts";

export const demandRowSelect = {
  id: true,
  category: true,
  status: true,
  description: true,
  createdAt: true,
  escalatedAt: true,
  resolvedAt: true,
  resolution: true,
  version: true,
  routedGroup: { select: { id: true, name: true } },
  household: { select: { id: true, code: true, address: true, headName: true } },
  raisedBy: { select: { name: true } },
} satisfies Prisma.DemandSelect;

type DemandRow = Prisma.DemandGetPayload<{ select: typeof demandRowSelect }>;

export type DemandListItem = {
  id: string;
  householdId: string;
  householdCode: string;
  householdAddress: string;
  headName: string;
  category: DemandCategory;
  status: DemandStatus;
  description: string;
  groupId: string | null;
  groupName: string | null;
  raisedAt: Date;
  raisedByName: string | null;
  escalatedAt: Date | null;
  resolvedAt: Date | null;
  resolution: string | null;
  version: number;
  colour: DemandColour;
  /** Of the target time: what is left (negative: how far past it), and the target. */
  remainingMs: number;
  targetMs: number;
};

export function toDemandListItem(row: DemandRow, now: Date): DemandListItem {
  const clock = demandClock({ category: row.category, raisedAt: row.createdAt, resolvedAt: row.resolvedAt }, now);
  return {
    id: row.id,
    householdId: row.household.id,
    householdCode: row.household.code,
    householdAddress: row.household.address,
    headName: row.household.headName,
    category: row.category,
    status: row.status,
    description: row.description,
    groupId: row.routedGroup?.id ?? null,
    groupName: row.routedGroup?.name ?? null,
    raisedAt: row.createdAt,
    raisedByName: row.raisedBy?.name ?? null,
    escalatedAt: row.escalatedAt,
    resolvedAt: row.resolvedAt,
    resolution: row.resolution,
    version: row.version,
    colour: clock.colour,
    remainingMs: clock.remainingMs,
    targetMs: clock.targetMs,
  };
}

/** The project, if the actor may reach its demands for `action` at all; else NOT_FOUND. */
export async function findDemandProject(actor: Actor, projectId: string, action: "read" | "export") {
  const project = await db().project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor, action, "demand")] },
    select: { id: true, code: true, name: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  return project;
}

/**
 * The project's demands in the actor's scope for `action` that match the filter, the colour
 * included. Order: unresolved ones first, the least time left first (red, then amber, then
 * green); then resolved ones, the latest first.
 */
export async function readDemandRows(
  actor: Actor,
  action: "read" | "export",
  projectId: string,
  filter: TDemandFilter,
  now: Date,
): Promise<DemandListItem[]> {
  const rows = await db().demand.findMany({
    where: { AND: [{ projectId }, demandScope(actor, action), demandFilterWhere(filter)] },
    select: demandRowSelect,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const items = rows.map((row) => toDemandListItem(row, now)).filter((item) => !filter.colour || item.colour === filter.colour);
  return items.sort((a, b) => {
    const aDone = a.status === "RESOLVED";
    const bDone = b.status === "RESOLVED";
    if (aDone !== bDone) return aDone ? 1 : -1;
    if (aDone) return (b.resolvedAt?.getTime() ?? 0) - (a.resolvedAt?.getTime() ?? 0);
    return a.remainingMs - b.remainingMs;
  });
}
