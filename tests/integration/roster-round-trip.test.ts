// The portal's own export imports back: the whole demo roster, every project, exported through
// the household export use case as a real .xlsx and imported through the real import, leaves
// every household exactly as it was (every column of the table, version and updatedAt included:
// nothing is rewritten). An address at the one limit is among them, saved through the edit form's
// use case, which refuses one character more — the limit the import applies too. Text that a
// spreadsheet would take for a formula (= + - @ at the start) is among them too: the export writes
// it as string cells, and the import reads it back as the same text.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { HOUSEHOLD_ADDRESS_MAX } from "@/lib/roster/household-fields";
import { exportHouseholds } from "@/lib/server/households/export-households";
import { updateHousehold } from "@/lib/server/households/update-household";
import { importRoster } from "@/lib/server/roster/import-roster";
import { seedDemo } from "@/prisma/seed/demo";
import { testDb } from "../support/test-db.ts";

process.env.LIANXIN_DATA_KEY ??= "3c1d5e7f9a0b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e0f2a4b6c8d";

type DemoProject = { id: string; code: string; secretary: Actor };
let projects: DemoProject[];
const longAddress = (n: number) => `黄浦区福佑路200弄3号前客堂${"东".repeat(n - 15)}`;

/** Every column of every household of the project, in code order. */
async function snapshot(projectId: string): Promise<unknown[]> {
  return testDb().$queryRaw<unknown[]>`SELECT * FROM "Household" WHERE "projectId" = ${projectId}::uuid ORDER BY code`;
}

beforeAll(async () => {
  await seedDemo(testDb(), { anchor: "2026-12-01" });
  const rows = await testDb().project.findMany({
    select: { id: true, code: true, memberships: { where: { role: "SECRETARY" }, select: { userId: true }, take: 1 } },
    orderBy: { code: "asc" },
  });
  projects = [];
  for (const p of rows) {
    const userId = p.memberships[0]?.userId;
    if (userId) projects.push({ id: p.id, code: p.code, secretary: (await loadActor(testDb(), userId))! });
  }
  // Formula-like text in every kind of text column of one household (the secretary's file has the
  // phone whole, so the phone column is plain data here too).
  const { id: projectId } = projects.find((p) => p.code === "HP-BXL")!;
  const household = await testDb().household.findFirstOrThrow({ where: { projectId }, orderBy: { code: "asc" } });
  await testDb().household.update({
    where: { id: household.id },
    data: {
      headName: '=HYPERLINK("http://evil.example","点击")',
      lane: "+SUM(1,1)",
      building: "-2+3",
      room: "@A1",
      address: "=1+1 黄浦区福佑路",
    },
  });
}, 300_000);

describe("the demo roster: export → import", () => {
  it("the edit form saves an address at the limit and refuses one character more", async () => {
    const { id: projectId, secretary } = projects.find((p) => p.code === "HP-BXL")!;
    const household = await testDb().household.findFirstOrThrow({ where: { projectId }, orderBy: { code: "desc" } });
    const form = {
      projectId,
      householdId: household.id,
      version: household.version,
      lane: household.lane ?? "",
      building: household.building,
      number: household.number ?? "",
      room: household.room ?? "",
      headName: household.headName,
      phone: household.phone ?? "",
      registeredPopulation: household.registeredPopulation,
      residentCount: household.residentCount,
      floorArea: household.floorArea.toFixed(2),
      livingArea: household.livingArea?.toFixed(2) ?? "",
      tenure: household.tenure,
      ownerLocation: household.ownerLocation,
      isPartyMemberHousehold: household.isPartyMemberHousehold,
      isHardship: household.isHardship,
      isElderlySickDisabled: household.isElderlySickDisabled,
      hasFamilyDispute: household.hasFamilyDispute,
    };
    await expect(updateHousehold(secretary, { ...form, address: longAddress(HOUSEHOLD_ADDRESS_MAX + 1) })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { address: ["households.errors.addressTooLong"] },
    });
    const saved = await updateHousehold(secretary, { ...form, address: longAddress(HOUSEHOLD_ADDRESS_MAX) });
    expect(saved.changed).toEqual(["address"]);
    const after = await testDb().household.findUniqueOrThrow({ where: { id: household.id } });
    expect(after.address).toHaveLength(HOUSEHOLD_ADDRESS_MAX);
  });

  it("imports every project's exported roster back unchanged, field for field", async () => {
    expect(projects.length).toBeGreaterThanOrEqual(3);
    let atLimit = 0;
    let formulaLike = 0;
    for (const { id: projectId, code, secretary } of projects) {
      const before = await snapshot(projectId);
      atLimit += (before as { address: string }[]).filter((h) => h.address.length === HOUSEHOLD_ADDRESS_MAX).length;
      formulaLike += (before as { headName: string }[]).filter((h) => h.headName.startsWith("=")).length;
      const file = await exportHouseholds(secretary, { projectId, language: "zh" });
      const bytes = new Uint8Array(await new Response(file.stream).arrayBuffer());
      expect(file.count, code).toBe(before.length);
      const result = await importRoster(secretary, { projectId, fileName: `${file.filename}.xlsx`, bytes, language: "zh" });
      if (!result.ok) throw new Error(`${code}: ${JSON.stringify(result.problems.slice(0, 3))}`);
      expect(result, code).toMatchObject({ rows: before.length, created: 0, updated: 0, unchanged: before.length });
      expect(await snapshot(projectId), code).toEqual(before);
    }
    expect(atLimit).toBe(1);
    expect(formulaLike).toBe(1);
  }, 300_000);
});
