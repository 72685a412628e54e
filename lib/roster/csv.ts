// CSV as Excel writes it: RFC 4180 quoting, CRLF or LF, and the encoding of the machine it was
// saved on — UTF-8 (with or without BOM) or, on Chinese Windows, GB18030 (a superset of GBK).
// "Unicode text" from Excel is UTF-16 LE with a BOM and tabs between cells.

export type DecodedText = { text: string; encoding: "utf-8" | "utf-16le" | "gb18030" };

/** Bytes → text: a BOM decides; otherwise strict UTF-8, and GB18030 when that fails. */
export function decodeCsvBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  }
  try {
    // fatal: invalid UTF-8 throws instead of turning into U+FFFD; the BOM is dropped.
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("gb18030").decode(bytes), encoding: "gb18030" };
  }
}

/** The delimiter of the header line: tab when it has tabs and no commas, else comma. */
function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const firstLine = end === -1 ? text : text.slice(0, end);
  if (firstLine.includes("\t") && !firstLine.includes(",")) return "\t";
  if (firstLine.includes(";") && !firstLine.includes(",")) return ";";
  return ",";
}

/**
 * Parses CSV text into records of cells. A quoted cell may hold the delimiter, doubled quotes
 * and line breaks. Record i (0-based) is the row Excel shows as i + 1.
 */
export function parseCsv(text: string): string[][] {
  return [...csvRecords(text)];
}

/** parseCsv one record at a time, so a reader can stop (and let others run) between records. */
export function* csvRecords(text: string): Generator<string[]> {
  const delimiter = detectDelimiter(text);
  let record: string[] = [];
  let cell = "";
  let inQuotes = false;
  let cellStarted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        cell += ch;
      }
      continue;
    }
    if (ch === '"' && !cellStarted) {
      inQuotes = true;
      cellStarted = true;
    } else if (ch === delimiter) {
      record.push(cell);
      cell = "";
      cellStarted = false;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      record.push(cell);
      yield record;
      record = [];
      cell = "";
      cellStarted = false;
    } else {
      cell += ch;
      cellStarted = true;
    }
  }
  if (cellStarted || cell !== "" || record.length > 0) {
    record.push(cell);
    yield record;
  }
}

/** One CSV cell: quoted when it holds a delimiter, a quote or a line break. */
export function csvCell(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
