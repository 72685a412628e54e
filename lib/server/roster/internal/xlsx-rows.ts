import "server-only";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import { cellText, ROSTER_LIMITS, type RosterCell } from "../../../roster/columns.ts";
import { columnLetter } from "../../../roster/validate.ts";
import { listZipParts, unpackPart, UnpackBudget, UnpackedTooLarge, ZipUnreadable, type ZipPart } from "./zip-parts.ts";

// The rows of a workbook's first non-empty sheet, read as its XML unpacks, never the whole sheet
// at once (decision 023). Cells come out as exceljs's full reader gave them (strings, numbers,
// booleans, dates for date-formatted numbers, rich text joined, a formula's cached result), and
// reading stops at the first cell, column or unpacked byte over ROSTER_LIMITS. The caller stops
// at the row limit by no longer asking for rows.

export type XlsxRow = { rowNumber: number; cells: RosterCell[] };

/** A limit passed or a file that cannot be read, with where it was (row and column when known). */
export class XlsxRefusal extends Error {
  constructor(
    readonly key: "roster.file.unreadable" | "roster.file.cellTooLarge" | "roster.file.tooWide" | "roster.file.unpackedTooLarge",
    readonly at: { row: number | null; column: string | null } = { row: null, column: null },
  ) {
    super(key);
  }
}

export type XlsxReadStats = { unpackedBytes: number };

type XmlEvent =
  | { kind: "open"; name: string; attributes: Record<string, string>; selfClosing: boolean }
  | { kind: "close"; name: string }
  | { kind: "text"; text: string };

/** Characters the parser may hold without an event: a cell at the limit written entirely as
 *  character references ("&#12345;", 8 per character) fits; a 300 MB text node does not. */
const MAX_CHARS_BETWEEN_EVENTS = ROSTER_LIMITS.maxCellChars * 10;
/** Unpacked chunks (16 KB each) between turns of the event loop. */
const CHUNKS_PER_PAUSE = 8;

const pause = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Element and attribute names without a namespace prefix (x:row and row alike). */
const local = (name: string) => name.slice(name.indexOf(":") + 1);

/** The XML of a part as events, one batch per unpacked chunk, pausing between batches. */
async function* xmlEvents(chunks: AsyncIterable<Buffer>, where: () => XlsxRefusal["at"]): AsyncGenerator<XmlEvent[]> {
  const parser = new SaxesParser();
  let batch: XmlEvent[] = [];
  let failed: Error | null = null;
  parser.on("error", (error) => {
    failed ??= error;
  });
  parser.on("opentag", (tag: SaxesTagPlain) =>
    batch.push({ kind: "open", name: local(tag.name), attributes: tag.attributes, selfClosing: tag.isSelfClosing }),
  );
  parser.on("closetag", (tag: SaxesTagPlain) => batch.push({ kind: "close", name: local(tag.name) }));
  parser.on("text", (text) => batch.push({ kind: "text", text }));
  parser.on("cdata", (text) => batch.push({ kind: "text", text }));
  const decoder = new TextDecoder("utf-8");
  let sinceEvent = 0;
  let chunkCount = 0;
  const feed = (text: string) => {
    parser.write(text);
    if (failed) throw new XlsxRefusal("roster.file.unreadable");
    sinceEvent = batch.length > 0 ? 0 : sinceEvent + text.length;
    if (sinceEvent > MAX_CHARS_BETWEEN_EVENTS) throw new XlsxRefusal("roster.file.cellTooLarge", where());
  };
  for await (const chunk of chunks) {
    feed(decoder.decode(chunk, { stream: true }));
    if (batch.length > 0) {
      yield batch;
      batch = [];
    }
    if (++chunkCount % CHUNKS_PER_PAUSE === 0) await pause();
  }
  feed(decoder.decode());
  parser.close();
  if (failed) throw new XlsxRefusal("roster.file.unreadable");
  if (batch.length > 0) yield batch;
}

/** Part names relative to the part that names them ("worksheets/sheet1.xml" from xl/). */
function resolvePart(from: string, target: string): string {
  const path = target.startsWith("/") ? target.slice(1) : `${from.slice(0, from.lastIndexOf("/") + 1)}${target}`;
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "..") out.pop();
    else if (segment !== "." && segment !== "") out.push(segment);
  }
  return out.join("/").toLowerCase();
}

const relsOf = (part: string) => {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
};

// Number formats Excel builds in that show dates or times (en and zh-CN).
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A custom format shows a date when, quoted text and [colour] sections aside, it has a date
 *  or time letter (as exceljs decides). */
function isDateFormatCode(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** Excel's serial day number → Date, as exceljs converts it. */
function excelDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function columnOf(ref: string | undefined): number | null {
  const letters = ref ? /^[A-Za-z]+/.exec(ref)?.[0] : undefined;
  if (!letters) return null;
  let column = 0;
  for (const letter of letters.toUpperCase()) column = column * 26 + (letter.charCodeAt(0) - 64);
  return column;
}

/**
 * Reads an .xlsx's rows. Parts read, in this order whatever the ZIP's order: the workbook and its
 * relationships, the styles (which numbers are dates), the shared strings, then the sheets in the
 * workbook's order until one has a row with anything in it; that sheet's rows are yielded and no
 * other sheet is read. `stats` tells how much was unpacked.
 */
export async function* readXlsxRows(bytes: Uint8Array, stats?: XlsxReadStats): AsyncGenerator<XlsxRow> {
  let parts: Map<string, ZipPart>;
  try {
    parts = listZipParts(bytes);
  } catch (error) {
    if (error instanceof ZipUnreadable) throw new XlsxRefusal("roster.file.unreadable");
    throw error;
  }
  const budget = new UnpackBudget(ROSTER_LIMITS.maxUnpackedBytes);
  const nowhere = () => ({ row: null, column: null });
  async function* part(name: string, where: () => XlsxRefusal["at"] = nowhere): AsyncGenerator<XmlEvent[]> {
    const found = parts.get(name);
    if (!found) return;
    try {
      yield* xmlEvents(unpackPart(bytes, found, budget), where);
    } catch (error) {
      if (error instanceof ZipUnreadable) throw new XlsxRefusal("roster.file.unreadable");
      if (error instanceof XlsxRefusal) throw error;
      if (error instanceof UnpackedTooLarge) throw new XlsxRefusal("roster.file.unpackedTooLarge", where());
      throw error;
    } finally {
      if (stats) stats.unpackedBytes = budget.used;
    }
  }
  const relationships = async (name: string) => {
    const found: { id: string; type: string; target: string }[] = [];
    for await (const events of part(relsOf(name))) {
      for (const e of events) {
        if (e.kind === "open" && e.name === "Relationship" && e.attributes.TargetMode !== "External") {
          found.push({ id: e.attributes.Id ?? "", type: e.attributes.Type ?? "", target: resolvePart(name, e.attributes.Target ?? "") });
        }
      }
    }
    return found;
  };

  const workbookName = (await relationships("")).find((r) => r.type.endsWith("/officeDocument"))?.target ?? "xl/workbook.xml";
  if (!parts.has(workbookName)) throw new XlsxRefusal("roster.file.unreadable");
  const workbookRels = await relationships(workbookName);
  let date1904 = false;
  const sheetIds: string[] = [];
  for await (const events of part(workbookName)) {
    for (const e of events) {
      if (e.kind !== "open") continue;
      if (e.name === "workbookPr") date1904 = e.attributes.date1904 === "1" || e.attributes.date1904 === "true";
      if (e.name === "sheet") {
        const idKey = Object.keys(e.attributes).find((key) => key === "id" || key.endsWith(":id"));
        if (idKey) sheetIds.push(e.attributes[idKey]!);
      }
    }
  }
  const target = (type: string, fallback: string) => workbookRels.find((r) => r.type.endsWith(`/${type}`))?.target ?? fallback;

  // Styles: which cell formats show a date.
  const dateStyles: boolean[] = [];
  const customFormats = new Map<number, string>();
  const formatOfStyle: number[] = [];
  let inCellFormats = false;
  for await (const events of part(target("styles", "xl/styles.xml"))) {
    for (const e of events) {
      if (e.kind === "open" && e.name === "numFmt") customFormats.set(Number(e.attributes.numFmtId), e.attributes.formatCode ?? "");
      else if (e.kind === "open" && e.name === "cellXfs") inCellFormats = !e.selfClosing;
      else if (e.kind === "close" && e.name === "cellXfs") inCellFormats = false;
      else if (e.kind === "open" && e.name === "xf" && inCellFormats) formatOfStyle.push(Number(e.attributes.numFmtId ?? 0));
    }
  }
  formatOfStyle.forEach((id, style) => {
    const custom = customFormats.get(id);
    dateStyles[style] = custom !== undefined ? isDateFormatCode(custom) : DATE_FORMAT_IDS.has(id);
  });

  // Shared strings (rich text joined, phonetic guides left out).
  const strings: string[] = [];
  {
    let value: string | null = null;
    let inText = false;
    let phonetic = 0;
    for await (const events of part(target("sharedStrings", "xl/sharedstrings.xml"))) {
      for (const e of events) {
        if (e.kind === "open") {
          if (e.name === "si") value = "";
          else if (e.name === "rPh") phonetic++;
          else if (e.name === "t" && !e.selfClosing) inText = value !== null && phonetic === 0;
        } else if (e.kind === "close") {
          if (e.name === "si") {
            strings.push(value ?? "");
            value = null;
          } else if (e.name === "rPh") phonetic--;
          else if (e.name === "t") inText = false;
        } else if (inText && value !== null) {
          value += e.text;
          if (value.length > ROSTER_LIMITS.maxCellChars) throw new XlsxRefusal("roster.file.cellTooLarge");
        }
      }
    }
  }

  for (const id of sheetIds) {
    const sheetName = workbookRels.find((r) => r.id === id)?.target;
    if (!sheetName || !parts.has(sheetName)) continue;
    let found = false;
    let rowNumber = 0;
    let cells: RosterCell[] | null = null;
    let column = 0;
    let cell: { type: string; style: number; value: string | null; inline: string | null; formula: boolean } | null = null;
    let into: "value" | "inline" | null = null;
    let phonetic = 0;
    const where = () => ({ row: rowNumber || null, column: column ? columnLetter(column - 1) : null });
    const tooLarge = () => new XlsxRefusal("roster.file.cellTooLarge", where());

    for await (const events of part(sheetName, where)) {
      const rows: XlsxRow[] = [];
      for (const e of events) {
        if (e.kind === "text") {
          if (!cell || !into) continue;
          const before = cell[into] ?? "";
          if (before.length + e.text.length > ROSTER_LIMITS.maxCellChars) throw tooLarge();
          cell[into] = before + e.text;
        } else if (e.kind === "open") {
          switch (e.name) {
            case "row":
              rowNumber = Number.parseInt(e.attributes.r ?? "", 10) || rowNumber + 1;
              cells = [];
              column = 0;
              if (e.selfClosing) cells = null;
              break;
            case "c":
              if (!cells) break;
              column = columnOf(e.attributes.r) ?? column + 1;
              cell = { type: e.attributes.t ?? "n", style: Number(e.attributes.s ?? 0), value: null, inline: null, formula: false };
              break;
            case "v":
              if (cell) into = "value";
              break;
            case "f":
              if (cell) cell.formula = true;
              break;
            case "rPh":
              phonetic++;
              into = null;
              break;
            case "t":
              if (cell && cell.type === "inlineStr" && phonetic === 0) {
                into = "inline";
                cell.inline ??= "";
              }
              break;
          }
        } else {
          switch (e.name) {
            case "v":
            case "t":
              into = null;
              break;
            case "rPh":
              phonetic--;
              break;
            case "c": {
              if (!cell || !cells) break;
              const value = cellValue(cell, strings, dateStyles, date1904);
              if (cellText(value) !== null) {
                if (column > ROSTER_LIMITS.maxColumns) throw new XlsxRefusal("roster.file.tooWide", where());
                if (typeof value === "string" && value.length > ROSTER_LIMITS.maxCellChars) throw tooLarge();
                while (cells.length < column - 1) cells.push(null);
                cells[column - 1] = value;
              }
              cell = null;
              into = null;
              break;
            }
            case "row":
              if (cells && cells.length > 0) rows.push({ rowNumber, cells });
              cells = null;
              column = 0;
              break;
          }
        }
      }
      for (const row of rows) {
        found = true;
        yield row;
      }
    }
    if (found) return;
  }
}

function cellValue(
  cell: { type: string; style: number; value: string | null; inline: string | null; formula: boolean },
  strings: readonly string[],
  dateStyles: readonly boolean[],
  date1904: boolean,
): RosterCell {
  const { type, value } = cell;
  if (type === "inlineStr") return cell.inline ?? value;
  if (value === null) return null;
  // A formula counts by its cached result: text when Excel says so, otherwise a number.
  if (cell.formula) return type === "str" ? value : Number.parseFloat(value);
  switch (type) {
    case "s":
      return strings[Number.parseInt(value, 10)] ?? null;
    case "str":
      return value;
    case "b":
      return Number.parseInt(value, 10) !== 0;
    case "e":
      return value;
    case "d": {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : date;
    }
    default: {
      const number = Number.parseFloat(value);
      return dateStyles[cell.style] ? excelDate(number, date1904) : number;
    }
  }
}
