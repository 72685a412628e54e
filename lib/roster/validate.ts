// Checks a whole roster before anything is written: headers, every cell, codes repeated inside
// the file, signing-group names the project does not have, the row limit. All problems are
// collected (not just the first), so people fix the file once.
import {
  cellText,
  exampleRosterRecord,
  matchRosterHeaders,
  parseRosterRow,
  rosterColumn,
  ROSTER_LIMITS,
  type RosterCell,
  type RosterColumnKey,
  type RosterLanguage,
  type RosterRecord,
} from "./columns.ts";
import { MAX_REPORTED_PROBLEMS, type RosterProblem, type RosterProgressListener } from "./import-events.ts";

export type RosterTable = {
  header: RosterCell[];
  /** Data rows with the row number Excel shows (the header is row 1). */
  rows: { rowNumber: number; cells: RosterCell[] }[];
};

/** A row that passed: the fields of the columns present in the file, code always. */
export type ValidRosterRow = { rowNumber: number; record: Partial<RosterRecord> & Pick<RosterRecord, "code"> };

export type RosterValidation =
  | { ok: true; columns: RosterColumnKey[]; rows: ValidRosterRow[]; skippedExample: boolean }
  | { ok: false; problems: RosterProblem[]; problemCount: number };

export type ValidateRosterOptions = {
  /** Names of the project's signing groups. */
  groupNames: ReadonlySet<string>;
  /** Language of the headers named in "missing column" problems. */
  language?: RosterLanguage;
  onProgress?: RosterProgressListener;
  /** Rows between progress reports (and pauses that let a stream flush). */
  progressEvery?: number;
};

/** Excel's column letters: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letter = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

export function isBlankRow(cells: readonly RosterCell[]): boolean {
  return cells.every((cell) => cellText(cell) === null);
}

export function normalizeGroupName(name: string): string {
  return name.normalize("NFKC").trim();
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

function isUntouchedExample(record: Partial<RosterRecord>, example: RosterRecord): boolean {
  const keys = Object.keys(record) as RosterColumnKey[];
  return keys.length > 1 && keys.every((key) => record[key] === example[key]);
}

export async function validateRoster(table: RosterTable, options: ValidateRosterOptions): Promise<RosterValidation> {
  const problems: RosterProblem[] = [];
  let problemCount = 0;
  const report = (problem: RosterProblem) => {
    problemCount++;
    if (problems.length < MAX_REPORTED_PROBLEMS) problems.push(problem);
  };

  const match = matchRosterHeaders(table.header, options.language);
  for (const error of match.errors) report({ row: 1, column: error.column, key: error.key, params: error.params });

  const dataRows = table.rows.filter((row) => !isBlankRow(row.cells));
  // Values under a header cell left blank: probably a column whose header was deleted.
  match.columns.forEach((key, index) => {
    const header = cellText(table.header[index]);
    if (key !== null || header) return;
    const used = dataRows.find((row) => cellText(row.cells[index]) !== null);
    if (used)
      report({
        row: used.rowNumber,
        column: columnLetter(index),
        key: "roster.file.unnamedColumn",
        params: { column: columnLetter(index) },
      });
  });
  // Cells to the right of the last header.
  const width = table.header.length;
  const beyond = dataRows.find((row) => row.cells.slice(width).some((cell) => cellText(cell) !== null));
  if (beyond) {
    const index = beyond.cells.findIndex((cell, i) => i >= width && cellText(cell) !== null);
    report({
      row: beyond.rowNumber,
      column: columnLetter(index),
      key: "roster.file.unnamedColumn",
      params: { column: columnLetter(index) },
    });
  }

  if (problemCount > 0) return { ok: false, problems, problemCount };
  if (dataRows.length === 0) return { ok: false, problems: [{ row: null, column: null, key: "roster.file.noRows" }], problemCount: 1 };
  if (dataRows.length > ROSTER_LIMITS.maxRows) {
    const problem = {
      row: null,
      column: null,
      key: "roster.file.tooManyRows",
      params: { max: ROSTER_LIMITS.maxRows },
    };
    return { ok: false, problems: [problem], problemCount: 1 };
  }

  const header = (key: RosterColumnKey) => match.headers[key] ?? rosterColumn(key).zh;
  const example = exampleRosterRecord();
  const firstRowOfCode = new Map<string, number>();
  const rows: ValidRosterRow[] = [];
  let skippedExample = false;
  const every = options.progressEvery ?? 1_000;
  const total = dataRows.length;

  for (let i = 0; i < total; i++) {
    const { rowNumber, cells } = dataRows[i]!;
    const { record, errors } = parseRosterRow(cells, match.columns);
    for (const error of errors) report({ row: rowNumber, column: header(error.column), key: error.key, params: error.params });

    if (record.code !== undefined) {
      const first = firstRowOfCode.get(record.code);
      if (first !== undefined) report({ row: rowNumber, column: header("code"), key: "roster.cell.duplicateCode", params: { row: first } });
      else firstRowOfCode.set(record.code, rowNumber);
    }
    if (record.signingGroupName && !options.groupNames.has(normalizeGroupName(record.signingGroupName))) {
      report({
        row: rowNumber,
        column: header("signingGroupName"),
        key: "roster.cell.unknownGroup",
        params: { name: record.signingGroupName },
      });
    }
    if (errors.length === 0 && record.code !== undefined) {
      // The template's example row, left in unchanged, is not a household.
      if (i === 0 && isUntouchedExample(record, example)) {
        skippedExample = true;
        firstRowOfCode.delete(record.code);
      } else {
        rows.push({ rowNumber, record: record as ValidRosterRow["record"] });
      }
    }
    if ((i + 1) % every === 0 || i + 1 === total) {
      await options.onProgress?.({ phase: "validate", done: i + 1, total });
      await pause();
    }
  }

  if (problemCount > 0) return { ok: false, problems, problemCount };
  if (rows.length === 0) return { ok: false, problems: [{ row: null, column: null, key: "roster.file.noRows" }], problemCount: 1 };
  return { ok: true, columns: match.columns.filter((key): key is RosterColumnKey => key !== null), rows, skippedExample };
}
