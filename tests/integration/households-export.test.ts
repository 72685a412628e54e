// The households export: the workbook is read back with exceljs and compared with the database —
// the roster's headers plus state, exactly the filtered households in list order, in scope — and
// its header row is accepted by the roster's own header matcher.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { householdState } from "@/lib/domain/household-state";
import { createTranslator } from "@/lib/i18n/translate";
import { exportHouseholds } from "@/lib/server/households/export-households";
import { listHouseholds } from "@/lib/server/households/list-households";
import { matchRosterHeaders, ROSTER_COLUMN_KEYS, rosterHeader } from "@/lib/roster/columns";
import { seedProject, type SeededProject } from "../../prisma/seed/factories.ts";

let project: SeededProject;
let secretary: Actor;
let leader: Actor;

async function readWorkbook(stream: ReadableStream<Uint8Array>): Promise<ExcelJS.Worksheet> {
  const buffer = Buffer.from(await new Response(stream).arrayBuffer());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

function rowsOf(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  project = await seedProject(db(), { households: 140, signingGroups: 2, signedShare: 0.5, activity: { visitsPerHousehold: 1 } });
  secretary = (await loadActor(db(), project.secretaryId))!;
  leader = (await loadActor(db(), project.signingGroups[0]!.leaderId))!;
});

describe("exportHouseholds", () => {
  it("writes the roster's Chinese headers plus state, one row per household with its facts", async () => {
    const file = await exportHouseholds(secretary, { projectId: project.project.id });
    expect(file.count).toBe(140);
    expect(file.filename).toContain(project.project.code);
    const rows = rowsOf(await readWorkbook(file.stream));
    expect(rows[0]).toEqual([...ROSTER_COLUMN_KEYS.map((k) => rosterHeader(k, "zh")), "状态"]);
    expect(rows).toHaveLength(141);

    const households = await db().household.findMany({
      where: { projectId: project.project.id },
      include: { signingGroup: true, signing: true, _count: { select: { visitLogs: true } } },
      orderBy: { code: "asc" },
    });
    const t = createTranslator("zh-CN");
    const col = (key: string) => ROSTER_COLUMN_KEYS.indexOf(key as never);
    households.forEach((h, i) => {
      const row = rows[i + 1]!;
      expect(row[col("code")]).toBe(h.code);
      expect(row[col("headName")]).toBe(h.headName);
      expect(row[col("address")]).toBe(h.address);
      expect(row[col("building")]).toBe(h.building);
      expect(String(row[col("floorArea")])).toBe(String(Number(h.floorArea.toFixed(2))));
      expect(row[col("signingGroupName")]).toBe(h.signingGroup?.name ?? undefined);
      const state = householdState({
        isExcluded: h.isExcluded,
        isSigned: h.signing !== null,
        firstRoundVote: h.firstRoundVote,
        movedOutAt: h.movedOutAt,
        handedOverAt: h.handedOverAt,
        hasBeenVisited: h._count.visitLogs > 0,
      });
      expect(row[ROSTER_COLUMN_KEYS.length]).toBe(t(`household.states.${state}`));
    });
  });

  it("the roster import recognises every roster column of the export", async () => {
    const file = await exportHouseholds(secretary, { projectId: project.project.id, q: "0001" });
    const [header] = rowsOf(await readWorkbook(file.stream));
    const match = matchRosterHeaders((header as string[]).slice(0, ROSTER_COLUMN_KEYS.length));
    expect(match.errors).toEqual([]);
    expect(match.columns).toEqual(ROSTER_COLUMN_KEYS);
  });

  it("exports exactly the filtered list, in its order", async () => {
    const query = { state: "SIGNED", sort: "head", dir: "desc" };
    const file = await exportHouseholds(secretary, { projectId: project.project.id, ...query });
    const codes = rowsOf(await readWorkbook(file.stream))
      .slice(1)
      .map((r) => r[0]);
    const list = await listHouseholds(secretary, { projectId: project.project.id, ...query, size: "100" });
    const rest =
      list.pageCount > 1 ? await listHouseholds(secretary, { projectId: project.project.id, ...query, size: "100", page: "2" }) : null;
    expect(codes).toEqual([...list.items, ...(rest?.items ?? [])].map((i) => i.code));
    expect(file.count).toBe(list.total);
  });

  it("English headers when asked, and a group leader exports only the own group", async () => {
    const file = await exportHouseholds(leader, { projectId: project.project.id, language: "en" });
    const rows = rowsOf(await readWorkbook(file.stream));
    expect(rows[0]![0]).toBe(rosterHeader("code", "en"));
    expect(rows[0]!.at(-1)).toBe("State");
    const own = await db().household.count({ where: { signingGroupId: project.signingGroups[0]!.id } });
    expect(rows).toHaveLength(own + 1);
  });

  it("an empty filter result is a workbook with only the header row", async () => {
    const file = await exportHouseholds(secretary, { projectId: project.project.id, q: "没有这样的房屋" });
    expect(file.count).toBe(0);
    expect(rowsOf(await readWorkbook(file.stream))).toHaveLength(1);
  });

  it("members may not export (FORBIDDEN); another project is NOT_FOUND", async () => {
    const member = (await loadActor(db(), project.signingGroups[0]!.memberIds[0]!))!;
    await expect(exportHouseholds(member, { projectId: project.project.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const other = await seedProject(db(), { households: 3, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
    await expect(exportHouseholds(secretary, { projectId: other.project.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
