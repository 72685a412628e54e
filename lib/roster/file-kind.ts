// What an uploaded roster file is, decided by its first bytes (a name can be anything): an .xlsx
// is a ZIP, an old .xls is an OLE2 compound file, a CSV is text. Pure and plain (no server-only,
// no dependencies): the import form says the same before uploading that the server says after.

/** Bytes to read from the start of a file to judge it. */
export const ROSTER_SNIFF_BYTES = 4096;

/** Why a file is refused, each with its own message (roster.file.refused.*). */
export type RosterFileRefusal = "oldExcel" | "pdf" | "image" | "text" | "office" | "other";

export type RosterFileJudgement =
  | { ok: true; kind: "xlsx" | "csv" }
  /** Named .xlsx but neither a workbook nor anything else we recognise (encrypted, truncated). */
  | { ok: false; unreadable: true }
  | { ok: false; refusal: RosterFileRefusal };

const startsWith = (head: Uint8Array, ...bytes: number[]) => bytes.every((b, i) => head[i] === b);
const ascii = (head: Uint8Array, text: string, at = 0) => [...text].every((c, i) => head[at + i] === c.charCodeAt(0));

/** Text: no NUL bytes (UTF-16 with its BOM aside) and few control characters other than tab
 *  and line breaks; UTF-8 and GB18030 both pass. */
function isText(head: Uint8Array): boolean {
  if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff)) return true;
  let control = 0;
  for (const b of head) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control <= head.length / 100;
}

const OFFICE_DOCUMENTS = new Set(["doc", "docx", "ppt", "pptx", "odt", "odp", "wps", "dps", "msg"]);

export function extensionOf(fileName: string): string {
  return /\.([^.\\/]+)$/.exec(fileName.toLowerCase())?.[1] ?? "";
}

/** Judges a roster upload by its first bytes (at least the first ROSTER_SNIFF_BYTES when the
 *  file is that long); the name only tells a CSV from other text and a workbook from a document. */
export function judgeRosterFile(fileName: string, head: Uint8Array): RosterFileJudgement {
  const extension = extensionOf(fileName);
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) {
    // A ZIP: .xlsx (whatever it is called), unless it names itself a Word or PowerPoint file.
    return OFFICE_DOCUMENTS.has(extension) ? { ok: false, refusal: "office" } : { ok: true, kind: "xlsx" };
  }
  if (startsWith(head, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    if (OFFICE_DOCUMENTS.has(extension)) return { ok: false, refusal: "office" };
    // A password-protected .xlsx is an OLE2 file too: "cannot read", not "old Excel".
    if (extension === "xlsx") return { ok: false, unreadable: true };
    return { ok: false, refusal: "oldExcel" };
  }
  if (ascii(head, "%PDF")) return { ok: false, refusal: "pdf" };
  if (
    startsWith(head, 0x89, 0x50, 0x4e, 0x47) ||
    startsWith(head, 0xff, 0xd8, 0xff) ||
    ascii(head, "GIF8") ||
    ascii(head, "BM") ||
    (ascii(head, "RIFF") && ascii(head, "WEBP", 8))
  ) {
    return { ok: false, refusal: "image" };
  }
  if (isText(head)) return extension === "csv" ? { ok: true, kind: "csv" } : { ok: false, refusal: "text" };
  if (extension === "xlsx") return { ok: false, unreadable: true };
  return { ok: false, refusal: "other" };
}
