import "server-only";
import { ROSTER_LIMITS, type RosterCell } from "../../roster/columns.ts";
import { csvRecords, decodeCsvBytes } from "../../roster/csv.ts";
import { judgeRosterFile, ROSTER_SNIFF_BYTES } from "../../roster/file-kind.ts";
import type { RosterProblem, RosterProgressListener } from "../../roster/import-events.ts";
import { columnLetter, isBlankRow, type RosterTable } from "../../roster/validate.ts";
import { readXlsxRows, XlsxRefusal, type XlsxReadStats } from "./internal/xlsx-rows.ts";

export type RosterFileKind = "xlsx" | "csv";
/** How much of the file was read: its data rows (blank ones aside) and, for an .xlsx, the bytes
 *  its parts unpacked to. A refusal at a limit shows it stopped there. */
export type RosterFileRead = { rows: number; unpackedBytes: number };
export type ReadRosterFileResult = ({ ok: true; kind: RosterFileKind; table: RosterTable } | { ok: false; problem: RosterProblem }) & {
  read: RosterFileRead;
};

/** Rows between progress reports and turns of the event loop. */
const ROWS_PER_PAUSE = 500;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The file's own name, without any folder a browser or client put before it. */
const baseName = (fileName: string) => fileName.split(/[\\/]/).pop() ?? fileName;

type Problem = Omit<RosterProblem, "row" | "column"> & { row?: number | null; column?: string | null };
const refused = (problem: Problem, read: RosterFileRead): ReadRosterFileResult => ({
  ok: false,
  problem: {
    row: problem.row ?? null,
    column: problem.column ?? null,
    key: problem.key,
    ...(problem.params ? { params: problem.params } : {}),
  },
  read,
});

const TOO_MANY_ROWS = { key: "roster.file.tooManyRows", params: { max: ROSTER_LIMITS.maxRows } };
const CELL_TOO_LARGE = { key: "roster.file.cellTooLarge", params: { max: ROSTER_LIMITS.maxCellChars } };

/**
 * The header (the first row with anything in it) and the data rows after it, taken one at a time
 * from `rows`: reading stops at the first data row over ROSTER_LIMITS.maxRows, and yields to the
 * event loop every few hundred rows so other requests are answered meanwhile.
 */
async function collect(
  kind: RosterFileKind,
  rows: AsyncIterable<{ rowNumber: number; cells: RosterCell[] }> | Iterable<{ rowNumber: number; cells: RosterCell[] }>,
  read: RosterFileRead,
  onProgress?: RosterProgressListener,
): Promise<ReadRosterFileResult> {
  let header: RosterCell[] | null = null;
  const table: RosterTable["rows"] = [];
  let seen = 0;
  for await (const row of rows) {
    if (++seen % ROWS_PER_PAUSE === 0) {
      await onProgress?.({ phase: "parse", done: table.length, total: 0 });
      await pause();
    }
    if (isBlankRow(row.cells)) continue;
    if (header === null) {
      header = row.cells;
      continue;
    }
    table.push(row);
    read.rows = table.length;
    // Stopping here leaves the rest of the file unread (the xlsx reader's inflater is stopped).
    if (table.length > ROSTER_LIMITS.maxRows) return refused(TOO_MANY_ROWS, read);
  }
  if (header === null) return refused({ key: kind === "csv" ? "roster.file.empty" : "roster.file.noRows" }, read);
  await onProgress?.({ phase: "parse", done: table.length, total: table.length });
  return { ok: true, kind, table: { header, rows: table }, read };
}

async function readXlsx(bytes: Uint8Array, onProgress?: RosterProgressListener): Promise<ReadRosterFileResult> {
  const stats: XlsxReadStats = { unpackedBytes: 0 };
  const read: RosterFileRead = { rows: 0, unpackedBytes: 0 };
  try {
    return await collect("xlsx", readXlsxRows(bytes, stats), read, onProgress);
  } catch (error) {
    if (!(error instanceof XlsxRefusal)) throw error;
    const { row, column } = error.at;
    const params =
      error.key === "roster.file.cellTooLarge"
        ? CELL_TOO_LARGE.params
        : error.key === "roster.file.tooWide"
          ? { max: ROSTER_LIMITS.maxColumns }
          : error.key === "roster.file.unpackedTooLarge"
            ? { max: ROSTER_LIMITS.maxUnpackedBytes / 1024 / 1024 }
            : undefined;
    return refused({ key: error.key, row, column, ...(params ? { params } : {}) }, read);
  } finally {
    read.unpackedBytes = stats.unpackedBytes;
  }
}

async function readCsv(bytes: Uint8Array, onProgress?: RosterProgressListener): Promise<ReadRosterFileResult> {
  const { text } = decodeCsvBytes(bytes);
  const read: RosterFileRead = { rows: 0, unpackedBytes: 0 };
  const stopped: { at: { row: number; column: string } | null } = { at: null };
  function* rows() {
    let rowNumber = 0;
    for (const cells of csvRecords(text)) {
      rowNumber++;
      const index = cells.findIndex((cell) => cell.length > ROSTER_LIMITS.maxCellChars);
      if (index !== -1) {
        stopped.at = { row: rowNumber, column: columnLetter(index) };
        return;
      }
      yield { rowNumber, cells: cells as RosterCell[] };
    }
  }
  const result = await collect("csv", rows(), read, onProgress);
  return stopped.at ? refused({ ...CELL_TOO_LARGE, ...stopped.at }, read) : result;
}

/** Reads an uploaded roster (.xlsx, or .csv in UTF-8 / GB18030) into rows of plain cells, one row
 *  at a time, never more than ROSTER_LIMITS allow. File-level problems (type, size, empty,
 *  unreadable, a limit passed) come back as one problem. */
export async function readRosterFile(
  fileName: string,
  bytes: Uint8Array,
  onProgress?: RosterProgressListener,
): Promise<ReadRosterFileResult> {
  const nothing = { rows: 0, unpackedBytes: 0 };
  if (bytes.byteLength === 0) return refused({ key: "roster.file.empty" }, nothing);
  if (bytes.byteLength > ROSTER_LIMITS.maxFileBytes) {
    return refused({ key: "roster.file.tooLarge", params: { max: ROSTER_LIMITS.maxFileBytes / 1024 / 1024 } }, nothing);
  }
  // The content decides what the file is; the name only what kind of text it claims to be.
  const judged = judgeRosterFile(fileName, bytes.subarray(0, ROSTER_SNIFF_BYTES));
  if (!judged.ok) {
    return "unreadable" in judged
      ? refused({ key: "roster.file.unreadable" }, nothing)
      : refused({ key: `roster.file.refused.${judged.refusal}`, params: { name: baseName(fileName) } }, nothing);
  }
  await onProgress?.({ phase: "parse", done: 0, total: 0 });
  return judged.kind === "xlsx" ? readXlsx(bytes, onProgress) : readCsv(bytes, onProgress);
}
