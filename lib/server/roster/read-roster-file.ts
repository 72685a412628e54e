import "server-only";
import ExcelJS from "exceljs";
import { ROSTER_LIMITS, type RosterCell } from "../../roster/columns.ts";
import { decodeCsvBytes, parseCsv } from "../../roster/csv.ts";
import { judgeRosterFile, ROSTER_SNIFF_BYTES } from "../../roster/file-kind.ts";
import type { RosterProblem, RosterProgressListener } from "../../roster/import-events.ts";
import { isBlankRow, type RosterTable } from "../../roster/validate.ts";

export type RosterFileKind = "xlsx" | "csv";
export type ReadRosterFileResult = { ok: true; kind: RosterFileKind; table: RosterTable } | { ok: false; problem: RosterProblem };

const fileProblem = (key: string, params?: RosterProblem["params"]): ReadRosterFileResult => ({
  ok: false,
  problem: { row: null, column: null, key, ...(params ? { params } : {}) },
});

/** The file's own name, without any folder a browser or client put before it. */
const baseName = (fileName: string) => fileName.split(/[\\/]/).pop() ?? fileName;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** exceljs cell values → plain values: rich text joined, formula results, hyperlink text. */
function plainCell(value: ExcelJS.CellValue): RosterCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date) return value;
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((part) => part.text).join("");
    if ("result" in value) return plainCell((value as { result?: ExcelJS.CellValue }).result ?? null);
    if ("formula" in value || "sharedFormula" in value) return null;
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String(value.error);
  }
  return null;
}

async function readXlsx(bytes: Uint8Array, onProgress?: RosterProgressListener): Promise<ReadRosterFileResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return fileProblem("roster.file.unreadable");
  }
  // The first sheet with anything in it (the template keeps its notes on a later sheet).
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0);
  if (!sheet) return fileProblem("roster.file.noRows");
  const total = sheet.rowCount;
  let header: RosterCell[] | null = null;
  const rows: RosterTable["rows"] = [];
  for (let rowNumber = 1; rowNumber <= total; rowNumber++) {
    const values = sheet.getRow(rowNumber).values;
    const cells = Array.isArray(values) ? values.slice(1).map(plainCell) : [];
    if (header === null) {
      // The header is the first row with anything in it.
      if (!isBlankRow(cells)) header = cells;
    } else {
      rows.push({ rowNumber, cells });
    }
    if (rowNumber % 2_000 === 0 || rowNumber === total) {
      await onProgress?.({ phase: "parse", done: rowNumber, total });
      await pause();
    }
  }
  if (header === null) return fileProblem("roster.file.noRows");
  return { ok: true, kind: "xlsx", table: { header, rows } };
}

async function readCsv(bytes: Uint8Array, onProgress?: RosterProgressListener): Promise<ReadRosterFileResult> {
  const { text } = decodeCsvBytes(bytes);
  const records = parseCsv(text);
  const headerIndex = records.findIndex((cells) => !isBlankRow(cells));
  if (headerIndex === -1) return fileProblem("roster.file.empty");
  const rows = records.slice(headerIndex + 1).map((cells, i) => ({ rowNumber: headerIndex + 2 + i, cells: cells as RosterCell[] }));
  await onProgress?.({ phase: "parse", done: records.length, total: records.length });
  await pause();
  return { ok: true, kind: "csv", table: { header: records[headerIndex]!, rows } };
}

/** Reads an uploaded roster (.xlsx, or .csv in UTF-8 / GB18030) into rows of plain cells.
 *  File-level problems (type, size, empty, unreadable) come back as one problem. */
export async function readRosterFile(
  fileName: string,
  bytes: Uint8Array,
  onProgress?: RosterProgressListener,
): Promise<ReadRosterFileResult> {
  if (bytes.byteLength === 0) return fileProblem("roster.file.empty");
  if (bytes.byteLength > ROSTER_LIMITS.maxFileBytes) {
    return fileProblem("roster.file.tooLarge", { max: ROSTER_LIMITS.maxFileBytes / 1024 / 1024 });
  }
  // The content decides what the file is; the name only what kind of text it claims to be.
  const judged = judgeRosterFile(fileName, bytes.subarray(0, ROSTER_SNIFF_BYTES));
  if (!judged.ok) {
    return "unreadable" in judged
      ? fileProblem("roster.file.unreadable")
      : fileProblem(`roster.file.refused.${judged.refusal}`, { name: baseName(fileName) });
  }
  await onProgress?.({ phase: "parse", done: 0, total: 0 });
  return judged.kind === "xlsx" ? readXlsx(bytes, onProgress) : readCsv(bytes, onProgress);
}
