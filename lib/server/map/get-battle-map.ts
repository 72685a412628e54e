import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { householdScope, projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { HOUSEHOLD_STATES, householdState, type HouseholdState } from "../../domain/household-state.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";

export const ZBattleMapInput = z.object({
  projectId: z.uuid(),
  groupId: z
    .uuid()
    .optional()
    .or(z.literal("").transform(() => undefined)),
});

const tileSelect = {
  id: true,
  code: true,
  building: true,
  number: true,
  room: true,
  isExcluded: true,
  firstRoundVote: true,
  movedOutAt: true,
  handedOverAt: true,
  signing: { select: { id: true } },
  _count: { select: { visitLogs: true } },
} satisfies Prisma.HouseholdSelect;

export type BattleMapTile = { id: string; code: string; label: string; state: HouseholdState };
export type BattleMap = {
  project: { id: string; code: string; name: string };
  groups: { id: string; name: string }[];
  counts: Record<HouseholdState, number>;
  total: number;
  buildings: { building: string; tiles: BattleMapTile[] }[];
};

const collator = new Intl.Collator("zh-CN", { numeric: true });

/** 挂图作战: every household the actor may see in the project, one tile each, grouped by
 *  building, with its state from householdState() and the count of each state. */
export async function getBattleMap(actor: Actor, input: unknown): Promise<BattleMap> {
  requirePermission(actor, "read", "household");
  const { projectId, groupId } = parseInput(ZBattleMapInput, input);
  const project = await db().project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor)] },
    select: { id: true, code: true, name: true },
  });
  if (!project) throw new AppError("NOT_FOUND");

  const scoped: Prisma.HouseholdWhereInput = { AND: [{ projectId }, householdScope(actor)] };
  const [rows, groups] = await Promise.all([
    db().household.findMany({
      where: groupId ? { AND: [scoped, { signingGroupId: groupId }] } : scoped,
      select: tileSelect,
    }),
    db().workingGroup.findMany({
      where: { projectId, kind: "SIGNING", households: { some: householdScope(actor) } },
      select: { id: true, name: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);

  const counts = Object.fromEntries(HOUSEHOLD_STATES.map((s) => [s, 0])) as Record<HouseholdState, number>;
  const byBuilding = new Map<string, BattleMapTile[]>();
  for (const row of rows) {
    const state = householdState({
      isExcluded: row.isExcluded,
      isSigned: row.signing !== null,
      firstRoundVote: row.firstRoundVote,
      movedOutAt: row.movedOutAt,
      handedOverAt: row.handedOverAt,
      hasBeenVisited: row._count.visitLogs > 0,
    });
    counts[state] += 1;
    const label = [row.number, row.room].filter(Boolean).join(" ") || row.code;
    const tiles = byBuilding.get(row.building) ?? [];
    tiles.push({ id: row.id, code: row.code, label, state });
    byBuilding.set(row.building, tiles);
  }
  const buildings = [...byBuilding.entries()]
    .sort(([a], [b]) => collator.compare(a, b))
    .map(([building, tiles]) => ({ building, tiles: tiles.sort((a, b) => collator.compare(a.code, b.code)) }));
  return { project, groups, counts, total: rows.length, buildings };
}
