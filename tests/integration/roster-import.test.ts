// importRoster against real Postgres with real files: .xlsx written by exceljs, CSV as UTF-8,
// UTF-8 with BOM and GB18030 bytes.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { formatRosterRow, ROSTER_COLUMNS, ROSTER_LIMITS, type RosterRecord } from "@/lib/roster/columns";
import type { RosterImportResult, RosterProgress } from "@/lib/roster/import-events";
import ExcelJS from "exceljs";
import { exportHouseholds } from "@/lib/server/households/export-households";
import { getRosterTemplate } from "@/lib/server/roster/get-roster-template";
import { importRoster } from "@/lib/server/roster/import-roster";
import { seedProject, type SeededProject } from "../../prisma/seed/factories.ts";
import { csvText, gb18030Bytes, rosterRecords, rosterRows, utf8Bytes, xlsxBytes, ZH_HEADERS } from "../support/roster-files.ts";

let project: SeededProject;
let projectId: string;
let secretary: Actor;
let groupNames: string[];

beforeAll(async () => {
  project = await seedProject(db(), { households: 20, signingGroups: 2, signedShare: 0.5, activity: { visitsPerHousehold: 0 } });
  projectId = project.project.id;
  secretary = (await loadActor(db(), project.secretaryId))!;
  groupNames = project.signingGroups.map((g) => g.name);
});

async function importXlsx(records: RosterRecord[], fileName = "roster.xlsx", onProgress?: (p: RosterProgress) => void | Promise<void>) {
  return importRoster(secretary, { projectId, fileName, bytes: await xlsxBytes(rosterRows(records)) }, onProgress);
}

function expectOk(result: RosterImportResult) {
  if (!result.ok) throw new Error(`import failed: ${JSON.stringify(result.problems.slice(0, 5))}`);
  return result;
}

function expectProblems(result: RosterImportResult) {
  if (result.ok) throw new Error("import unexpectedly succeeded");
  return result;
}

const householdsWithPrefix = (prefix: string) =>
  db().household.findMany({
    where: { projectId, code: { startsWith: `${prefix}-` } },
    orderBy: { code: "asc" },
    include: { signingGroup: true },
  });
const countWithPrefix = (prefix: string) => db().household.count({ where: { projectId, code: { startsWith: `${prefix}-` } } });

describe("importRoster: success and re-import", () => {
  it("creates every household of an .xlsx, with one import and one assign event each", async () => {
    const records = rosterRecords(60, { prefix: "XA", groupNames });
    const phases = new Set<string>();
    const result = expectOk(await importXlsx(records, "花名册.xlsx", (p) => void phases.add(p.phase)));
    expect(result).toMatchObject({ rows: 60, created: 60, updated: 0, unchanged: 0, reassigned: 0 });
    expect([...phases]).toEqual(["parse", "validate", "write"]);

    const saved = await householdsWithPrefix("XA");
    expect(saved).toHaveLength(60);
    for (const [i, household] of saved.entries()) {
      const r = records[i]!;
      expect(household).toMatchObject({
        code: r.code,
        lane: r.lane,
        building: r.building,
        number: r.number,
        room: r.room,
        address: r.address,
        tenure: r.tenure,
        headName: r.headName,
        phone: r.phone,
        registeredPopulation: r.registeredPopulation,
        residentCount: r.residentCount,
        ownerLocation: r.ownerLocation,
        isPartyMemberHousehold: r.isPartyMemberHousehold,
        isHardship: r.isHardship,
        isElderlySickDisabled: r.isElderlySickDisabled,
        hasFamilyDispute: r.hasFamilyDispute,
        version: 1,
        firstRoundVote: null,
        isExcluded: false,
      });
      expect(household.floorArea.toFixed(2)).toBe(r.floorArea);
      expect(household.livingArea?.toFixed(2) ?? null).toBe(r.livingArea);
      expect(household.signingGroup?.name).toBe(r.signingGroupName);
      // Timestamps are UTC like Prisma's own writes.
      expect(Math.abs(household.updatedAt.getTime() - Date.now())).toBeLessThan(5 * 60_000);
    }

    const ids = saved.map((h) => h.id);
    const imports = await db().auditEvent.findMany({ where: { action: "import:household", entityId: { in: ids } } });
    expect(imports).toHaveLength(60);
    expect(imports.every((e) => e.actorId === secretary.userId && e.projectId === projectId && e.entity === "household")).toBe(true);
    const first = imports.find((e) => e.entityId === saved[0]!.id)!;
    expect(first.before).toBeNull();
    expect(first.after).toMatchObject({
      outcome: "created",
      code: records[0]!.code,
      floorArea: records[0]!.floorArea,
      signingGroupName: records[0]!.signingGroupName,
    });
    const assigns = await db().auditEvent.findMany({ where: { action: "assign:household", entityId: { in: ids } } });
    expect(assigns).toHaveLength(60);
    expect(assigns.find((e) => e.entityId === saved[0]!.id)!.after).toEqual({
      signingGroupId: saved[0]!.signingGroupId,
      signingGroupName: saved[0]!.signingGroup!.name,
    });
  });

  it("changes nothing when the same file is imported again", async () => {
    const records = rosterRecords(60, { prefix: "XA", groupNames });
    const auditBefore = await db().auditEvent.count();
    const before = await householdsWithPrefix("XA");
    const result = expectOk(await importXlsx(records));
    expect(result).toMatchObject({ created: 0, updated: 0, unchanged: 60, reassigned: 0 });
    expect(await db().auditEvent.count()).toBe(auditBefore);
    const after = await householdsWithPrefix("XA");
    expect(after.map((h) => [h.version, h.updatedAt.getTime()])).toEqual(before.map((h) => [h.version, h.updatedAt.getTime()]));
  });

  it("updates only changed households, records only the changed fields, and counts reassignments", async () => {
    const records = rosterRecords(60, { prefix: "XA", groupNames });
    records[3] = { ...records[3]!, phone: "021-63280000", floorArea: "99.99" };
    const newGroup = groupNames.find((name) => name !== records[4]!.signingGroupName)!;
    const oldGroup = records[4]!.signingGroupName;
    records[4] = { ...records[4]!, signingGroupName: newGroup };
    const result = expectOk(await importXlsx(records));
    expect(result).toMatchObject({ created: 0, updated: 2, unchanged: 58, reassigned: 1 });

    const [h3, h4] = [(await householdsWithPrefix("XA"))[3]!, (await householdsWithPrefix("XA"))[4]!];
    expect(h3).toMatchObject({ phone: "021-63280000", version: 2 });
    expect(h3.floorArea.toFixed(2)).toBe("99.99");
    const event3 = await db().auditEvent.findFirstOrThrow({
      where: { action: "import:household", entityId: h3.id },
      orderBy: { id: "desc" },
    });
    expect(event3.before).toEqual({
      phone: rosterRecords(60, { prefix: "XA", groupNames })[3]!.phone,
      floorArea: rosterRecords(60, { prefix: "XA", groupNames })[3]!.floorArea,
    });
    expect(event3.after).toEqual({ outcome: "updated", phone: "021-63280000", floorArea: "99.99" });

    expect(h4.signingGroup?.name).toBe(newGroup);
    const assign = await db().auditEvent.findFirstOrThrow({
      where: { action: "assign:household", entityId: h4.id },
      orderBy: { id: "desc" },
    });
    expect((assign.before as { signingGroupName: string }).signingGroupName).toBe(oldGroup);
    expect(assign.after).toEqual({ signingGroupId: h4.signingGroupId, signingGroupName: newGroup });
  });

  it("accepts English headers in any order", async () => {
    const records = rosterRecords(5, { prefix: "EN", groupNames });
    const rows = rosterRows(records, "en").map((row) => [...row].reverse());
    const result = expectOk(await importRoster(secretary, { projectId, fileName: "roster.xlsx", bytes: await xlsxBytes(rows) }));
    expect(result.created).toBe(5);
    const saved = await householdsWithPrefix("EN");
    expect(saved.map((h) => h.headName)).toEqual(records.map((r) => r.headName));
    expect(saved[0]!.tenure).toBe(records[0]!.tenure);
  });

  it("leaves out columns the file does not have: defaults when creating, untouched when updating", async () => {
    const records = rosterRecords(3, { prefix: "PC", groupNames });
    expectOk(await importXlsx(records));
    const keys = ["code", "building", "address", "headName", "floorArea"] as const;
    const slim = records.map((r) => ({ ...r, headName: `${r.headName}新` }));
    const rows = [
      keys.map((k) => ROSTER_COLUMNS.find((c) => c.key === k)!.zh),
      ...slim.map((r) => formatRosterRow(r, "zh", keys)),
      // A new household with only the required columns.
      ["PC-99999", "1号", "某路1号", "新户主", 20],
    ];
    const result = expectOk(await importRoster(secretary, { projectId, fileName: "slim.xlsx", bytes: await xlsxBytes(rows) }));
    expect(result).toMatchObject({ created: 1, updated: 3 });
    const saved = await householdsWithPrefix("PC");
    expect(saved[0]).toMatchObject({ headName: `${records[0]!.headName}新`, phone: records[0]!.phone, tenure: records[0]!.tenure });
    expect(saved[0]!.signingGroup?.name).toBe(records[0]!.signingGroupName);
    expect(saved[3]).toMatchObject({
      code: "PC-99999",
      tenure: "OTHER",
      ownerLocation: "LOCAL",
      phone: null,
      signingGroupId: null,
      registeredPopulation: 0,
    });
  });

  it("skips the template's example row when it is left unchanged", async () => {
    const { exampleRosterRecord } = await import("@/lib/roster/columns");
    const records = [exampleRosterRecord(), ...rosterRecords(2, { prefix: "EX" })];
    const result = expectOk(await importXlsx(records));
    expect(result).toMatchObject({ rows: 2, created: 2 });
    expect(await db().household.count({ where: { projectId, code: exampleRosterRecord().code } })).toBe(0);
  });
});

describe("roster template", () => {
  it("has the Chinese headers, an example row, notes with allowed values and the project's groups; filled in, it imports", async () => {
    const template = await getRosterTemplate(secretary, { projectId });
    expect(template.fileName).toBe(`花名册模板-${project.project.code}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(template.bytes) as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(ZH_HEADERS);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 2)).toEqual(["EXAMPLE-0001"]);
    const tenureNote = JSON.stringify(sheet.getRow(1).getCell(ZH_HEADERS.indexOf("房屋性质") + 1).note);
    expect(tenureNote).toContain("公房 / 私房 / 其他");
    const groupNote = JSON.stringify(sheet.getRow(1).getCell(ZH_HEADERS.indexOf("签约小组") + 1).note);
    for (const name of groupNames) expect(groupNote).toContain(name);
    expect(workbook.worksheets[1]!.name).toBe("填写说明");

    // As downloaded: only the example, which is skipped.
    const untouched = expectProblems(await importRoster(secretary, { projectId, fileName: "t.xlsx", bytes: template.bytes }));
    expect(untouched.problems).toEqual([{ row: null, column: null, key: "roster.file.noRows" }]);

    // Filled in: the example row overwritten with a real household.
    const record = { ...rosterRecords(1, { prefix: "TPL", groupNames })[0]! };
    sheet.getRow(2).values = formatRosterRow(record);
    const filled = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(expectOk(await importRoster(secretary, { projectId, fileName: "t.xlsx", bytes: filled }))).toMatchObject({ created: 1 });
  });
});

describe("households export → roster import", () => {
  for (const language of ["zh", "en"] as const) {
    it(`imports an exported household list (${language}) unchanged`, async () => {
      const file = await exportHouseholds(secretary, { projectId, language });
      const bytes = new Uint8Array(await new Response(file.stream).arrayBuffer());
      const total = await db().household.count({ where: { projectId } });
      expect(file.count).toBe(total);
      const result = expectOk(await importRoster(secretary, { projectId, fileName: `${file.filename}.xlsx`, bytes, language }));
      expect(result).toMatchObject({ rows: total, created: 0, updated: 0, unchanged: total });
    });
  }
});

describe("importRoster: CSV encodings", () => {
  it("reads UTF-8 without BOM", async () => {
    const records = rosterRecords(10, { prefix: "CU", groupNames });
    const result = expectOk(
      await importRoster(secretary, { projectId, fileName: "roster.csv", bytes: utf8Bytes(csvText(rosterRows(records))) }),
    );
    expect(result.created).toBe(10);
    expect((await householdsWithPrefix("CU")).map((h) => h.address)).toEqual(records.map((r) => r.address));
  });

  it("reads UTF-8 with BOM (Excel's “CSV UTF-8”)", async () => {
    const records = rosterRecords(10, { prefix: "CB", groupNames });
    const result = expectOk(
      await importRoster(secretary, { projectId, fileName: "roster.csv", bytes: utf8Bytes(csvText(rosterRows(records)), true) }),
    );
    expect(result.created).toBe(10);
    expect((await householdsWithPrefix("CB")).map((h) => h.headName)).toEqual(records.map((r) => r.headName));
  });

  it("reads GB18030 (Excel's CSV on Chinese Windows)", async () => {
    const records = rosterRecords(10, { prefix: "CG", groupNames });
    // GBK has no "²": headers without the unit, as people type them.
    const [header, ...rows] = rosterRows(records);
    const plainHeader = header!.map((h) => String(h).replace(/（m²）$/, ""));
    const bytes = gb18030Bytes(csvText([plainHeader, ...rows]));
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow();
    const result = expectOk(await importRoster(secretary, { projectId, fileName: "花名册.csv", bytes }));
    expect(result.created).toBe(10);
    const saved = await householdsWithPrefix("CG");
    expect(saved.map((h) => h.address)).toEqual(records.map((r) => r.address));
    expect(saved.map((h) => h.signingGroup?.name ?? null)).toEqual(records.map((r) => r.signingGroupName));
  });

  it("reads quoted cells with commas, quotes and line breaks", async () => {
    const text = `${ZH_HEADERS.slice(0, 6).join(",")},户主,建筑面积\r\nCQ-1,"弄,甲",1号,,,"黄浦区""某""路
1号",张三,12.5\r\n`;
    const result = expectOk(await importRoster(secretary, { projectId, fileName: "q.csv", bytes: utf8Bytes(text) }));
    expect(result.created).toBe(1);
    const saved = await db().household.findFirstOrThrow({ where: { projectId, code: "CQ-1" } });
    expect(saved).toMatchObject({ lane: "弄,甲", address: '黄浦区"某"路\n1号', number: null });
  });
});

describe("importRoster: nothing is written when anything is wrong", () => {
  it("reports row 3,001 of 5,000 by row and column and writes nothing", async () => {
    const records = rosterRecords(5_000, { prefix: "BIG", groupNames });
    const rows = rosterRows(records);
    // Data row 3,001 is spreadsheet row 3,002 (the header is row 1).
    const floorIndex = ZH_HEADERS.indexOf("建筑面积（m²）");
    rows[3_001]![floorIndex] = "-3";
    const auditBefore = await db().auditEvent.count();
    const result = expectProblems(await importRoster(secretary, { projectId, fileName: "big.xlsx", bytes: await xlsxBytes(rows) }));
    expect(result.problemCount).toBe(1);
    expect(result.problems).toEqual([{ row: 3_002, column: "建筑面积（m²）", key: "roster.cell.areaPositive" }]);
    expect(await countWithPrefix("BIG")).toBe(0);
    expect(await db().auditEvent.count()).toBe(auditBefore);
  });

  it("reports every problem, not just the first", async () => {
    const records = rosterRecords(4, { prefix: "ER" });
    const rows = rosterRows(records);
    const col = (zh: string) => ZH_HEADERS.indexOf(zh);
    rows[1]![col("户主")] = "";
    rows[2]![col("房屋性质")] = "商品房";
    rows[2]![col("党员户")] = "也许";
    rows[3]![col("实际居住人数")] = 2.5;
    rows[4]![col("居住面积（m²）")] = 999;
    const result = expectProblems(await importRoster(secretary, { projectId, fileName: "x.xlsx", bytes: await xlsxBytes(rows) }));
    expect(result.problems).toEqual([
      { row: 2, column: "户主", key: "roster.cell.required" },
      { row: 3, column: "房屋性质", key: "roster.cell.tenure" },
      { row: 3, column: "党员户", key: "roster.cell.flag" },
      { row: 4, column: "实际居住人数", key: "roster.cell.integer", params: { max: 999 } },
      { row: 5, column: "居住面积（m²）", key: "roster.cell.livingAreaAboveFloorArea" },
    ]);
    expect(await countWithPrefix("ER")).toBe(0);
  });

  it("refuses a code used twice in the file, naming both rows", async () => {
    const records = rosterRecords(5, { prefix: "DU" });
    records[4] = { ...records[4]!, code: records[1]!.code.toLowerCase() };
    const result = expectProblems(await importXlsx(records));
    expect(result.problems).toEqual([{ row: 6, column: "房屋编号", key: "roster.cell.duplicateCode", params: { row: 3 } }]);
    expect(await countWithPrefix("DU")).toBe(0);
  });

  it("refuses a signing group the project does not have", async () => {
    const records = rosterRecords(3, { prefix: "UG", groupNames });
    records[2] = { ...records[2]!, signingGroupName: "签约九十九组" };
    const result = expectProblems(await importXlsx(records));
    expect(result.problems).toEqual([{ row: 4, column: "签约小组", key: "roster.cell.unknownGroup", params: { name: "签约九十九组" } }]);
    expect(await countWithPrefix("UG")).toBe(0);
  });

  it("refuses unknown and missing columns, as the file names them", async () => {
    const rows = [
      ["房屋编号", "幢/栋", "地址", "户主", "备注"],
      ["HC-1", "1号", "某路1号", "张三", "x"],
    ];
    const result = expectProblems(await importRoster(secretary, { projectId, fileName: "h.xlsx", bytes: await xlsxBytes(rows) }));
    expect(result.problems).toEqual([
      { row: 1, column: "备注", key: "roster.file.unknownColumn", params: { header: "备注" } },
      { row: 1, column: "建筑面积（m²）", key: "roster.file.missingColumn", params: { header: "建筑面积（m²）" } },
    ]);
  });

  it("answers wrong type, empty, header only, unreadable and too large clearly", async () => {
    const run = async (fileName: string, bytes: Uint8Array) =>
      expectProblems(await importRoster(secretary, { projectId, fileName, bytes })).problems.map((p) => p.key);
    expect(await run("roster.pdf", utf8Bytes("%PDF-1.4"))).toEqual(["roster.file.refused.pdf"]);
    expect(await run("roster.xls", Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toEqual([
      "roster.file.refused.oldExcel",
    ]);
    expect(await run("roster.csv", new Uint8Array())).toEqual(["roster.file.empty"]);
    expect(await run("roster.csv", utf8Bytes("\r\n\r\n", true))).toEqual(["roster.file.empty"]);
    expect(await run("roster.csv", utf8Bytes(ZH_HEADERS.join(",")))).toEqual(["roster.file.noRows"]);
    expect(await run("roster.xlsx", await xlsxBytes([ZH_HEADERS]))).toEqual(["roster.file.noRows"]);
    expect(await run("roster.xlsx", utf8Bytes("this is not a spreadsheet"))).toEqual(["roster.file.refused.text"]);
    // A password-protected .xlsx is an OLE2 file: it cannot be read (it is not an old .xls).
    expect(await run("roster.xlsx", Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1))).toEqual(["roster.file.unreadable"]);
    expect(await run("roster.xlsx", Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 1, 2, 3))).toEqual(["roster.file.unreadable"]);
    expect(await run("roster.csv", new Uint8Array(ROSTER_LIMITS.maxFileBytes + 1).fill(0x41))).toEqual(["roster.file.tooLarge"]);
  });

  it("refuses more rows than the limit", async () => {
    const lines = [["房屋编号", "幢/栋", "地址", "户主", "建筑面积"].join(",")];
    for (let i = 0; i <= ROSTER_LIMITS.maxRows; i++) lines.push(`TL-${i},1号,某路1号,张三,12`);
    const result = expectProblems(await importRoster(secretary, { projectId, fileName: "many.csv", bytes: utf8Bytes(lines.join("\n")) }));
    expect(result.problems).toEqual([{ row: null, column: null, key: "roster.file.tooManyRows", params: { max: ROSTER_LIMITS.maxRows } }]);
  });
});

describe("importRoster: workflow state and concurrency", () => {
  it("updates a signed, voted household's facts and keeps its signing, vote and exclusion", async () => {
    const signed = await db().household.findFirstOrThrow({
      where: { projectId, signing: { isNot: null }, firstRoundVote: { not: null } },
      include: { signing: true, signingGroup: true },
    });
    await db().household.update({ where: { id: signed.id }, data: { movedOutAt: new Date("2026-01-05T02:00:00Z") } });
    const fresh = await db().household.findUniqueOrThrow({ where: { id: signed.id } });
    const record: RosterRecord = {
      code: signed.code,
      lane: signed.lane,
      building: signed.building,
      number: signed.number,
      room: signed.room,
      address: signed.address,
      tenure: signed.tenure,
      headName: signed.headName,
      phone: "13912340000",
      registeredPopulation: signed.registeredPopulation + 1,
      residentCount: signed.residentCount,
      floorArea: signed.floorArea.toFixed(2),
      livingArea: signed.livingArea?.toFixed(2) ?? null,
      ownerLocation: signed.ownerLocation,
      isPartyMemberHousehold: signed.isPartyMemberHousehold,
      isHardship: signed.isHardship,
      isElderlySickDisabled: signed.isElderlySickDisabled,
      hasFamilyDispute: signed.hasFamilyDispute,
      signingGroupName: signed.signingGroup?.name ?? null,
    };
    const result = expectOk(await importXlsx([record]));
    expect(result).toMatchObject({ updated: 1, created: 0 });
    const after = await db().household.findUniqueOrThrow({ where: { id: signed.id }, include: { signing: true } });
    expect(after).toMatchObject({
      phone: "13912340000",
      registeredPopulation: signed.registeredPopulation + 1,
      version: fresh.version + 1,
      firstRoundVote: signed.firstRoundVote,
      firstRoundVotedAt: signed.firstRoundVotedAt,
      movedOutAt: fresh.movedOutAt,
      isExcluded: signed.isExcluded,
    });
    expect(after.signing).toEqual(signed.signing);
  });

  it("re-reads and keeps a signing recorded while the import was writing", async () => {
    const records = rosterRecords(30, { prefix: "RC", groupNames });
    expectOk(await importXlsx(records));
    const target = (await householdsWithPrefix("RC"))[7]!;
    const changed = records.map((r) => ({ ...r, headName: `${r.headName}甲` }));
    let raced = false;
    const result = expectOk(
      await importXlsx(changed, "race.xlsx", async (p) => {
        // Inside the write transaction, after it read the households: another user records a
        // vote the way the signing use cases do (version check and bump), and commits first.
        if (p.phase === "write" && p.done === 0 && !raced) {
          raced = true;
          const count = await db().household.updateMany({
            where: { id: target.id, version: target.version },
            data: { firstRoundVote: "AGREE", firstRoundVotedAt: new Date(), version: { increment: 1 } },
          });
          expect(count.count).toBe(1);
        }
      }),
    );
    expect(raced).toBe(true);
    expect(result).toMatchObject({ updated: 30, created: 0 });
    const after = await db().household.findUniqueOrThrow({ where: { id: target.id } });
    expect(after).toMatchObject({ firstRoundVote: "AGREE", headName: changed[7]!.headName, version: target.version + 2 });
    // One import event per household: the first attempt was rolled back whole.
    expect(await db().auditEvent.count({ where: { action: "import:household", entityId: target.id } })).toBe(2);
  });

  it("two imports of the same new file at once create each household once", async () => {
    const records = rosterRecords(40, { prefix: "TW", groupNames });
    const bytes = await xlsxBytes(rosterRows(records));
    const [a, b] = await Promise.all([
      importRoster(secretary, { projectId, fileName: "a.xlsx", bytes }),
      importRoster(secretary, { projectId, fileName: "b.xlsx", bytes }),
    ]);
    const results = [expectOk(a), expectOk(b)].map((r) => [r.created, r.unchanged]).sort();
    expect(results).toEqual([
      [0, 40],
      [40, 0],
    ]);
    expect(await countWithPrefix("TW")).toBe(40);
  });
});
