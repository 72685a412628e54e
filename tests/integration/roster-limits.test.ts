// The roster's limits hold while a file is read, not after: a sheet of ten times the row limit,
// a cell of megabytes and a ZIP part that unpacks far beyond its size are each refused at the
// limit, with what was read to show it stopped there (rows seen, bytes unpacked). Real files,
// written part by part in the test (tests/support/xlsx-zip.ts); nothing is written to the database.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { ROSTER_LIMITS } from "@/lib/roster/columns";
import { importRoster } from "@/lib/server/roster/import-roster";
import { readRosterFile } from "@/lib/server/roster/read-roster-file";
import { seedProject } from "../../prisma/seed/factories.ts";
import { utf8Bytes } from "../support/roster-files.ts";
import { inlineRow, workbookOf, xmlText } from "../support/xlsx-zip.ts";

const HEADER = ["房屋编号", "幢/栋", "地址", "户主", "建筑面积"];
const MAX_MB = ROSTER_LIMITS.maxUnpackedBytes / 1024 / 1024;
/** What the reader may unpack beyond a limit before it notices: one inflater chunk and the
 *  characters held between two XML events. */
const SLACK = 1024 * 1024;

let secretary: Actor;
let projectId: string;

beforeAll(async () => {
  const project = await seedProject(db(), { households: 3, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  projectId = project.project.id;
  secretary = (await loadActor(db(), project.secretaryId))!;
});

function* dataRows(count: number, from = 2) {
  for (let n = from; n < from + count; n++) yield inlineRow(n, [`LIM-${n}`, "1号", "某路1号", "张三", "12"]);
}

/** `text` repeated to `length` characters, in pieces of a megabyte. */
function* repeated(text: string, length: number) {
  const piece = text.repeat(Math.ceil((1024 * 1024) / text.length));
  for (let left = length; left > 0; left -= piece.length) yield piece.slice(0, Math.min(piece.length, left));
}

const byteLength = (pieces: Iterable<string>) => {
  let bytes = 0;
  for (const piece of pieces) bytes += Buffer.byteLength(piece);
  return bytes;
};

describe("the row limit stops the reading", () => {
  const ROWS = 5 * ROSTER_LIMITS.maxRows;

  it(`refuses an .xlsx of ${ROWS.toLocaleString("en")} rows at row ${(ROSTER_LIMITS.maxRows + 1).toLocaleString("en")}, the rest never unpacked`, async () => {
    const rows = () => [inlineRow(1, HEADER), ...dataRows(ROWS)];
    const bytes = await workbookOf({ rows });
    expect(bytes.byteLength).toBeLessThan(ROSTER_LIMITS.maxFileBytes);
    const sheetBytes = byteLength(rows());

    const file = await readRosterFile("many.xlsx", bytes);
    expect(file.ok).toBe(false);
    if (file.ok) return;
    expect(file.problem).toEqual({ row: null, column: null, key: "roster.file.tooManyRows", params: { max: ROSTER_LIMITS.maxRows } });
    expect(file.read.rows).toBe(ROSTER_LIMITS.maxRows + 1);
    // A fifth of the rows read: little more than a fifth of the sheet unpacked.
    expect(file.read.unpackedBytes).toBeLessThan(sheetBytes / 5 + SLACK);

    const before = await db().household.count({ where: { projectId } });
    const result = await importRoster(secretary, { projectId, fileName: "many.xlsx", bytes });
    expect(result).toEqual({ ok: false, problemCount: 1, problems: [file.problem] });
    expect(await db().household.count({ where: { projectId } })).toBe(before);
  }, 180_000);

  it(`refuses a .csv of ${ROWS.toLocaleString("en")} rows at row ${(ROSTER_LIMITS.maxRows + 1).toLocaleString("en")}`, async () => {
    const lines = [HEADER.join(",")];
    for (let n = 2; n < ROWS + 2; n++) lines.push(`LIM-${n},1号,某路1号,张三,12`);
    const file = await readRosterFile("many.csv", utf8Bytes(lines.join("\r\n")));
    expect(file.ok).toBe(false);
    if (file.ok) return;
    expect(file.problem).toMatchObject({ key: "roster.file.tooManyRows", params: { max: ROSTER_LIMITS.maxRows } });
    expect(file.read.rows).toBe(ROSTER_LIMITS.maxRows + 1);
  }, 120_000);

  it("reads a file of exactly the limit", async () => {
    const bytes = await workbookOf({ rows: () => [inlineRow(1, HEADER), ...dataRows(ROSTER_LIMITS.maxRows)] });
    const file = await readRosterFile("full.xlsx", bytes);
    expect(file.ok && file.table.rows.length).toBe(ROSTER_LIMITS.maxRows);
  }, 120_000);
});

describe("the cell limit", () => {
  const HUGE = 50 * 1024 * 1024;

  it("refuses a 50 MB inline cell by its row and column, having unpacked little of it", async () => {
    const bytes = await workbookOf({
      rows: function* () {
        yield inlineRow(1, HEADER);
        yield `<row r="2"><c r="A2" t="inlineStr"><is><t>LIM-1</t></is></c><c r="C2" t="inlineStr"><is><t>`;
        yield* repeated("某", HUGE);
        yield `</t></is></c></row>`;
      },
    });
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    const file = await readRosterFile("cell.xlsx", bytes);
    expect(file.ok).toBe(false);
    if (file.ok) return;
    expect(file.problem).toEqual({ row: 2, column: "C", key: "roster.file.cellTooLarge", params: { max: ROSTER_LIMITS.maxCellChars } });
    expect(file.read.unpackedBytes).toBeLessThan(SLACK + 10 * ROSTER_LIMITS.maxCellChars * 3);
  }, 120_000);

  it("refuses a 50 MB shared string, having unpacked little of it", async () => {
    const bytes = await workbookOf({
      rows: () => [inlineRow(1, HEADER), `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`],
      sharedStrings: function* () {
        yield "<si><t>";
        yield* repeated("a", HUGE);
        yield "</t></si>";
      },
    });
    const file = await readRosterFile("shared.xlsx", bytes);
    expect(file.ok).toBe(false);
    if (file.ok) return;
    expect(file.problem).toEqual({ row: null, column: null, key: "roster.file.cellTooLarge", params: { max: ROSTER_LIMITS.maxCellChars } });
    expect(file.read.unpackedBytes).toBeLessThan(SLACK + 10 * ROSTER_LIMITS.maxCellChars);
  }, 120_000);

  it("refuses one character over the limit and reads a cell at it", async () => {
    const workbook = (length: number) =>
      workbookOf({ rows: () => [inlineRow(1, HEADER), inlineRow(2, ["LIM-1", "1号", "某".repeat(length), "张三", "12"])] });
    const over = await readRosterFile("over.xlsx", await workbook(ROSTER_LIMITS.maxCellChars + 1));
    expect(!over.ok && over.problem).toEqual({
      row: 2,
      column: "C",
      key: "roster.file.cellTooLarge",
      params: { max: ROSTER_LIMITS.maxCellChars },
    });
    const at = await readRosterFile("at.xlsx", await workbook(ROSTER_LIMITS.maxCellChars));
    expect(at.ok && at.table.rows[0]!.cells[2]).toBe("某".repeat(ROSTER_LIMITS.maxCellChars));
    // Written as character references, the same cell is still one cell at the limit.
    const escaped = await readRosterFile(
      "escaped.xlsx",
      await workbookOf({
        rows: () => [
          inlineRow(1, HEADER),
          `<row r="2"><c r="C2" t="inlineStr"><is><t>${"&#26576;".repeat(ROSTER_LIMITS.maxCellChars)}</t></is></c></row>`,
        ],
      }),
    );
    expect(escaped.ok && escaped.table.rows[0]!.cells[2]).toBe("某".repeat(ROSTER_LIMITS.maxCellChars));
  });

  it("refuses a CSV cell over the limit by its row and column", async () => {
    const text = `${HEADER.join(",")}\r\nLIM-1,1号,${"a".repeat(ROSTER_LIMITS.maxCellChars + 1)},张三,12\r\n`;
    const file = await readRosterFile("cell.csv", utf8Bytes(text));
    expect(!file.ok && file.problem).toEqual({
      row: 2,
      column: "C",
      key: "roster.file.cellTooLarge",
      params: { max: ROSTER_LIMITS.maxCellChars },
    });
  });

  it("refuses a value beyond the last column a roster may have", async () => {
    const far = `<row r="2"><c r="A2" t="inlineStr"><is><t>LIM-1</t></is></c><c r="XFD2" t="inlineStr"><is><t>${xmlText("x")}</t></is></c></row>`;
    const file = await readRosterFile("wide.xlsx", await workbookOf({ rows: () => [inlineRow(1, HEADER), far] }));
    expect(!file.ok && file.problem).toEqual({
      row: 2,
      column: "XFD",
      key: "roster.file.tooWide",
      params: { max: ROSTER_LIMITS.maxColumns },
    });
  });
});

describe("the unpacked-size limit", () => {
  it("stops a shared-strings part that claims 1 KB and unpacks beyond the limit, at the limit", async () => {
    const bytes = await workbookOf({
      rows: () => [inlineRow(1, HEADER), `<row r="2"><c r="A2" t="s"><v>0</v></c></row>`],
      // Short strings, each under the cell limit: only the total is too much.
      sharedStrings: () => repeated(`<si><t>${"福佑路".repeat(30)}</t></si>`, ROSTER_LIMITS.maxUnpackedBytes / 2),
      declared: { "xl/sharedStrings.xml": 1024 },
    });
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    const file = await readRosterFile("bomb.xlsx", bytes);
    expect(file.ok).toBe(false);
    if (file.ok) return;
    expect(file.problem).toEqual({ row: null, column: null, key: "roster.file.unpackedTooLarge", params: { max: MAX_MB } });
    expect(file.read.unpackedBytes).toBeGreaterThan(ROSTER_LIMITS.maxUnpackedBytes);
    expect(file.read.unpackedBytes).toBeLessThan(ROSTER_LIMITS.maxUnpackedBytes + SLACK);
  }, 120_000);

  it("refuses a part whose data is not what its header says", async () => {
    const bytes = await workbookOf({ rows: () => [inlineRow(1, HEADER), ...dataRows(3)] });
    // Damage the sheet's deflated data: the reader says it cannot read the file.
    const damaged = Uint8Array.from(bytes);
    const at = Buffer.from(damaged).indexOf("xl/worksheets/sheet1.xml") + 40;
    for (let i = 0; i < 64; i++) damaged[at + i] = 0xff;
    const file = await readRosterFile("damaged.xlsx", damaged);
    expect(!file.ok && file.problem.key).toBe("roster.file.unreadable");
  });
});
