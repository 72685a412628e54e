// What the roster import takes, judged by content, with real files made here: an old Excel
// workbook (.xls, an OLE2 compound file) is told to be re-saved as .xlsx in the reader's
// language; a .txt (even holding CSV text) and a PDF called .csv are refused, saying what was
// received; an .xlsx called .csv is read as the workbook it is. The template's drop-downs (Excel
// data validations) are read back in both languages, and every value they offer imports.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { createTranslator, type MessageKey } from "@/lib/i18n/translate";
import { ROSTER_COLUMNS, ROSTER_LIMITS } from "@/lib/roster/columns";
import type { RosterImportResult } from "@/lib/roster/import-events";
import { columnLetter } from "@/lib/roster/validate";
import { getRosterTemplate } from "@/lib/server/roster/get-roster-template";
import { importRoster } from "@/lib/server/roster/import-roster";
import { seedProject, type SeededProject } from "@/prisma/seed/factories";
import { csvText, rosterRecords, rosterRows, utf8Bytes, xlsBytes, xlsxBytes, ZH_HEADERS } from "../support/roster-files.ts";

let project: SeededProject;
let projectId: string;
let secretary: Actor;
let groupNames: string[];

beforeAll(async () => {
  project = await seedProject(db(), { households: 5, signingGroups: 2, activity: { visitsPerHousehold: 0 } });
  projectId = project.project.id;
  secretary = (await loadActor(db(), project.secretaryId))!;
  groupNames = project.signingGroups.map((g) => g.name);
});

function refusal(result: RosterImportResult) {
  if (result.ok) throw new Error("import unexpectedly succeeded");
  expect(result.problems).toHaveLength(1);
  return result.problems[0]!;
}

const zh = createTranslator("zh-CN");
const en = createTranslator("en");

describe("roster files are judged by content", () => {
  it("an old .xls is told to be saved as .xlsx, in Chinese and in English", async () => {
    const problem = refusal(await importRoster(secretary, { projectId, fileName: "花名册.xls", bytes: xlsBytes() }));
    expect(problem).toEqual({ row: null, column: null, key: "roster.file.refused.oldExcel", params: { name: "花名册.xls" } });
    expect(zh(problem.key as MessageKey, problem.params)).toBe(
      "“花名册.xls”是旧版 Excel 文件（.xls），不能直接导入。请用 Excel 或 WPS 打开它，选择“另存为”→“Excel 工作簿（*.xlsx）”，再上传新的 .xlsx 文件。",
    );
    expect(en(problem.key as MessageKey, problem.params)).toContain("Save As → “Excel Workbook (*.xlsx)”");
    // Renamed to .csv it is still an old workbook.
    expect(refusal(await importRoster(secretary, { projectId, fileName: "roster.csv", bytes: xlsBytes() })).key).toBe(
      "roster.file.refused.oldExcel",
    );
  });

  it("a .txt is refused even when it holds CSV text, and says it is a text file", async () => {
    const text = utf8Bytes(csvText(rosterRows(rosterRecords(2, { prefix: "TXT", groupNames }))));
    const problem = refusal(await importRoster(secretary, { projectId, fileName: "roster.txt", bytes: text }));
    expect(problem).toMatchObject({ key: "roster.file.refused.text", params: { name: "roster.txt" } });
    expect(zh(problem.key as MessageKey, problem.params)).toContain("“roster.txt”是文本文件");
    expect(await db().household.count({ where: { projectId, code: { startsWith: "TXT-" } } })).toBe(0);
    // The same text named .csv imports.
    const csv = await importRoster(secretary, { projectId, fileName: "roster.csv", bytes: text });
    expect(csv).toMatchObject({ ok: true, created: 2 });
  });

  it("says what was received when the name claims a spreadsheet", async () => {
    const pdf = refusal(await importRoster(secretary, { projectId, fileName: "roster.csv", bytes: utf8Bytes("%PDF-1.4\n%âãÏÓ\n") }));
    expect(pdf).toMatchObject({ key: "roster.file.refused.pdf", params: { name: "roster.csv" } });
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d);
    expect(refusal(await importRoster(secretary, { projectId, fileName: "roster.xlsx", bytes: png })).key).toBe(
      "roster.file.refused.image",
    );
    const binary = Uint8Array.from({ length: 64 }, (_, i) => (i * 37) % 256);
    expect(refusal(await importRoster(secretary, { projectId, fileName: "roster.bin", bytes: binary })).key).toBe(
      "roster.file.refused.other",
    );
  });

  it("reads an .xlsx by its content whatever it is called", async () => {
    const bytes = await xlsxBytes(rosterRows(rosterRecords(2, { prefix: "ZIPCSV", groupNames })));
    expect(await importRoster(secretary, { projectId, fileName: "roster.csv", bytes })).toMatchObject({ ok: true, created: 2 });
  });
});

describe("cells as Excel stores them", () => {
  it("reads dates, rich text, a formula's result and booleans as exceljs does, past an empty first sheet", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("说明");
    const sheet = workbook.addWorksheet("花名册");
    sheet.addRow(["房屋编号", "幢/栋", "地址", "户主", "建筑面积", "室", "党员户"]);
    const row = sheet.addRow(["CELL-1", { richText: [{ text: "200弄" }, { text: "3号", font: { bold: true } }] }, "某路1号", "张三"]);
    row.getCell(5).value = { formula: "10+2.5", result: 12.5 };
    // Excel turns a room typed as 3-1 into a date: read as a date, which the import refuses.
    row.getCell(6).value = new Date(Date.UTC(2026, 2, 1));
    row.getCell(7).value = true;
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const result = await importRoster(secretary, { projectId, fileName: "cells.xlsx", bytes });
    // The empty first sheet is passed over; the room is the one problem.
    expect(result).toEqual({ ok: false, problemCount: 1, problems: [{ row: 2, column: "室", key: "roster.cell.text" }] });

    row.getCell(6).value = "前客堂";
    const fixed = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await importRoster(secretary, { projectId, fileName: "cells.xlsx", bytes: fixed })).toMatchObject({ ok: true, created: 1 });
    const saved = await db().household.findFirstOrThrow({ where: { projectId, code: "CELL-1" } });
    expect(saved).toMatchObject({ building: "200弄3号", room: "前客堂", isPartyMemberHousehold: true });
    expect(saved.floorArea.toFixed(2)).toBe("12.50");
  });
});

describe("the template's drop-downs", () => {
  async function template(language: "zh" | "en") {
    const file = await getRosterTemplate(secretary, { projectId, language });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.bytes) as unknown as ExcelJS.Buffer);
    return { file, workbook };
  }

  /** The values a column's drop-down offers, read through its rule's range on the lists sheet. */
  function choicesOf(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, key: string, row = 2): string[] | null {
    const index = ROSTER_COLUMNS.findIndex((c) => c.key === key);
    const rule = (sheet as unknown as { dataValidations: { find(address: string): unknown } }).dataValidations.find(
      `${columnLetter(index)}${row}`,
    ) as ExcelJS.DataValidation | undefined;
    if (!rule) return null;
    expect(rule.type).toBe("list");
    expect(rule.allowBlank).toBe(true);
    const match = /^'([^']+)'!\$([A-Z]+)\$(\d+):\$[A-Z]+\$(\d+)$/.exec(String(rule.formulae[0]))!;
    const lists = workbook.getWorksheet(match[1]!)!;
    expect(lists.state).toBe("hidden");
    const values: string[] = [];
    for (let r = Number(match[3]); r <= Number(match[4]); r++) values.push(String(lists.getCell(`${match[2]}${r}`).value));
    return values;
  }

  it("offers 是/否, the tenure kinds, the owner's location and the project's groups in Chinese", async () => {
    const { file, workbook } = await template("zh");
    expect(file.fileName).toBe(`花名册模板-${project.project.code}.xlsx`);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(ZH_HEADERS);
    expect(choicesOf(workbook, sheet, "isPartyMemberHousehold")).toEqual(["是", "否"]);
    expect(choicesOf(workbook, sheet, "hasFamilyDispute", ROSTER_LIMITS.maxRows + 1)).toEqual(["是", "否"]);
    expect(choicesOf(workbook, sheet, "tenure")).toEqual(["公房", "私房", "其他"]);
    expect(choicesOf(workbook, sheet, "ownerLocation")).toEqual(["本市", "外市", "外省", "港澳台", "境外"]);
    expect(choicesOf(workbook, sheet, "signingGroupName")).toEqual(groupNames);
    expect(choicesOf(workbook, sheet, "address")).toBeNull();
    expect(workbook.worksheets[1]!.name).toBe("填写说明");
  });

  it("offers them in English for an English reader, and every offered value imports", async () => {
    const { file, workbook } = await template("en");
    expect(file.fileName).toBe(`roster-template-${project.project.code}.xlsx`);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Household code");
    const flags = choicesOf(workbook, sheet, "isHardship")!;
    const tenures = choicesOf(workbook, sheet, "tenure")!;
    const locations = choicesOf(workbook, sheet, "ownerLocation")!;
    expect(flags).toEqual(["yes", "no"]);
    expect(tenures).toEqual(["Public lease", "Private property", "Other"]);
    expect(locations).toEqual(["Local", "Other city", "Other province", "Hong Kong, Macao, Taiwan", "Overseas"]);

    // Fill the template with one household per offered value, in both languages' words.
    const zhBook = (await template("zh")).workbook;
    const zhSheet = zhBook.worksheets[0]!;
    const words = {
      tenure: [...tenures, ...choicesOf(zhBook, zhSheet, "tenure")!],
      ownerLocation: [...locations, ...choicesOf(zhBook, zhSheet, "ownerLocation")!],
      flag: [...flags, ...choicesOf(zhBook, zhSheet, "isHardship")!],
    };
    const col = (key: string) => ROSTER_COLUMNS.findIndex((c) => c.key === key) + 1;
    const n = Math.max(words.tenure.length, words.ownerLocation.length, words.flag.length);
    for (let i = 0; i < n; i++) {
      const row = sheet.getRow(2 + i);
      row.getCell(col("code")).value = `DD-${i}`;
      row.getCell(col("building")).value = "1号";
      row.getCell(col("address")).value = `某路1号${i}室`;
      row.getCell(col("headName")).value = "张三";
      row.getCell(col("floorArea")).value = 20;
      row.getCell(col("tenure")).value = words.tenure[i % words.tenure.length]!;
      row.getCell(col("ownerLocation")).value = words.ownerLocation[i % words.ownerLocation.length]!;
      row.getCell(col("isHardship")).value = words.flag[i % words.flag.length]!;
      row.getCell(col("signingGroupName")).value = groupNames[i % groupNames.length]!;
      row.commit();
    }
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const result = await importRoster(secretary, { projectId, fileName: file.fileName, bytes, language: "en" });
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
    expect(result.created).toBe(n);
    const saved = await db().household.findMany({ where: { projectId, code: { startsWith: "DD-" } }, orderBy: { code: "asc" } });
    expect(new Set(saved.map((h) => h.ownerLocation))).toEqual(
      new Set(["LOCAL", "OTHER_CITY", "OTHER_PROVINCE", "HK_MACAO_TW", "OVERSEAS"]),
    );
    expect(new Set(saved.map((h) => h.tenure))).toEqual(new Set(["PUBLIC_LEASE", "PRIVATE_PROPERTY", "OTHER"]));
    expect(new Set(saved.map((h) => h.isHardship))).toEqual(new Set([true, false]));
  });
});
