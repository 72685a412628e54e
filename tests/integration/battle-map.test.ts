import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { HOUSEHOLD_STATES } from "@/lib/domain/household-state";
import { getBattleMap } from "@/lib/server/map/get-battle-map";
import { seedProject, type SeededProject } from "../../prisma/seed/factories.ts";

let project: SeededProject;

beforeAll(async () => {
  project = await seedProject(db(), { households: 60, signingGroups: 3, signedShare: 0.5, excludedHouseholds: 2, seed: "battle-map" });
});

describe("battle map", () => {
  it("shows every household once, grouped by building, with state counts that add up", async () => {
    const secretary = (await loadActor(db(), project.secretaryId))!;
    const map = await getBattleMap(secretary, { projectId: project.project.id });
    const tiles = map.buildings.flatMap((b) => b.tiles);
    expect(tiles).toHaveLength(60);
    expect(new Set(tiles.map((t) => t.id)).size).toBe(60);
    expect(HOUSEHOLD_STATES.reduce((sum, s) => sum + map.counts[s], 0)).toBe(60);
    expect(map.counts.EXCLUDED).toBe(2);
    // Signed-or-later states equal the Signing rows of non-excluded households.
    const signedRows = await db().signing.count({ where: { projectId: project.project.id, household: { isExcluded: false } } });
    expect(map.counts.SIGNED + map.counts.MOVED_OUT + map.counts.HANDED_OVER).toBe(signedRows);
    for (const building of map.buildings) {
      const rows = await db().household.count({ where: { projectId: project.project.id, building: building.building } });
      expect(building.tiles).toHaveLength(rows);
    }
  });

  it("filters by group, and a group leader sees only their own group", async () => {
    const group = project.signingGroups[0]!;
    const secretary = (await loadActor(db(), project.secretaryId))!;
    const inGroup = await db().household.count({ where: { signingGroupId: group.id } });
    const filtered = await getBattleMap(secretary, { projectId: project.project.id, groupId: group.id });
    expect(filtered.total).toBe(inGroup);
    const leader = (await loadActor(db(), group.leaderId))!;
    const own = await getBattleMap(leader, { projectId: project.project.id });
    expect(own.total).toBe(inGroup);
    expect(own.groups.map((g) => g.id)).toEqual([group.id]);
  });
});
