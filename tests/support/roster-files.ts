// Real roster files for tests and the import benchmark: households generated from a seed,
// written as .xlsx with exceljs or as CSV text, and CSV encoded as GB18030 the way Excel on
// Chinese Windows saves it.
import ExcelJS from "exceljs";
import { formatRosterRow, ROSTER_COLUMNS, type RosterCellOut, type RosterRecord } from "../../lib/roster/columns.ts";
import { csvCell } from "../../lib/roster/csv.ts";

export const ZH_HEADERS = ROSTER_COLUMNS.map((c) => c.zh);
export const EN_HEADERS = ROSTER_COLUMNS.map((c) => c.en);

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
const GIVEN = ["建国", "秀英", "桂兰", "志强", "红梅", "伟", "芳", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟"];
const ROOMS = ["前客堂", "后客堂", "前厢房", "后厢房", "亭子间", "二层前楼", "二层后楼", "三层阁"];

/** n households with codes `${prefix}-00001`…; the same arguments give the same rows. */
export function rosterRecords(
  n: number,
  options: { prefix?: string; groupNames?: readonly string[]; start?: number } = {},
): RosterRecord[] {
  const prefix = options.prefix ?? "RST";
  const start = options.start ?? 1;
  const groups = options.groupNames ?? [];
  return Array.from({ length: n }, (_, k) => {
    const i = start + k;
    const lane = 100 + Math.floor(i / 40) * 2;
    const number = 1 + (Math.floor(i / 8) % 5);
    const room = ROOMS[i % ROOMS.length]!;
    const floorCents = 900 + ((i * 7919) % 4000);
    const livingCents = Math.floor(floorCents * 0.7);
    return {
      code: `${prefix}-${String(i).padStart(5, "0")}`,
      lane: `福佑路${lane}弄`,
      building: `${lane}弄${number}号`,
      number: `${number}号`,
      room,
      address: `黄浦区福佑路${lane}弄${number}号${room}`,
      tenure: i % 5 === 0 ? "PRIVATE_PROPERTY" : "PUBLIC_LEASE",
      headName: `${SURNAMES[i % SURNAMES.length]}${GIVEN[i % GIVEN.length]}`,
      phone: i % 6 === 0 ? null : `139${String(10_000_000 + i).padStart(8, "0")}`,
      registeredPopulation: 1 + (i % 5),
      residentCount: i % 4,
      floorArea: `${Math.floor(floorCents / 100)}.${String(floorCents % 100).padStart(2, "0")}`,
      livingArea: i % 9 === 0 ? null : `${Math.floor(livingCents / 100)}.${String(livingCents % 100).padStart(2, "0")}`,
      ownerLocation: i % 17 === 0 ? "OTHER_PROVINCE" : i % 53 === 0 ? "OVERSEAS" : "LOCAL",
      isPartyMemberHousehold: i % 10 === 0,
      isHardship: i % 13 === 0,
      isElderlySickDisabled: i % 7 === 0,
      hasFamilyDispute: i % 29 === 0,
      signingGroupName: groups.length ? groups[i % groups.length]! : null,
    } satisfies RosterRecord;
  });
}

/** Header row + one row per record, in the template's column order. */
export function rosterRows(records: readonly RosterRecord[], language: "zh" | "en" = "zh"): RosterCellOut[][] {
  return [language === "zh" ? ZH_HEADERS : EN_HEADERS, ...records.map((r) => formatRosterRow(r, language))];
}

export async function xlsxBytes(rows: readonly (readonly RosterCellOut[])[], sheetName = "花名册"): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) sheet.addRow([...row]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export function csvText(rows: readonly (readonly RosterCellOut[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function utf8Bytes(text: string, withBom = false): Uint8Array {
  const body = new TextEncoder().encode(text);
  if (!withBom) return body;
  const bytes = new Uint8Array(body.length + 3);
  bytes.set([0xef, 0xbb, 0xbf]);
  bytes.set(body, 3);
  return bytes;
}

let gbkTable: Map<string, number[]> | undefined;

/** GB18030 bytes of text (ASCII and the two-byte GBK range, which covers Chinese names and
 *  addresses), built by inverting the platform's decoder: no encoding library needed. */
export function gb18030Bytes(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder("gb18030");
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = decoder.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== "\ufffd" && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = gbkTable.get(ch);
      if (!pair) throw new Error(`no two-byte GB18030 code for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Uint8Array.from(bytes);
}

/**
 * An old-format Excel workbook (.xls) as Excel 97–2003 stores one: an OLE2 compound file
 * (512-byte sectors: one FAT sector, one directory sector) holding a "Workbook" stream of BIFF8
 * records (BOF of the workbook globals, EOF), padded to the 4,096 bytes below which a stream
 * would live in the mini stream. Enough for any reader to see what it is.
 */
export function xlsBytes(): Uint8Array {
  const SECTOR = 512;
  const STREAM_SECTORS = 8;
  const bytes = new Uint8Array(SECTOR * (1 + 2 + STREAM_SECTORS));
  const view = new DataView(bytes.buffer);
  const END = 0xfffffffe;
  const FREE = 0xffffffff;
  const NONE = 0xffffffff;
  // Header.
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], 0);
  view.setUint16(24, 0x003e, true);
  view.setUint16(26, 0x0003, true);
  view.setUint16(28, 0xfffe, true);
  view.setUint16(30, 9, true);
  view.setUint16(32, 6, true);
  view.setUint32(44, 1, true); // FAT sectors
  view.setUint32(48, 1, true); // first directory sector
  view.setUint32(56, 0x1000, true); // mini stream cutoff
  view.setUint32(60, END, true);
  view.setUint32(68, END, true);
  for (let i = 0; i < 109; i++) view.setUint32(76 + i * 4, i === 0 ? 0 : FREE, true);
  const sector = (n: number) => SECTOR * (n + 1);
  // FAT (sector 0): itself, the directory, then the stream's chain.
  const fat = sector(0);
  for (let i = 0; i < SECTOR / 4; i++) view.setUint32(fat + i * 4, FREE, true);
  view.setUint32(fat, 0xfffffffd, true);
  view.setUint32(fat + 4, END, true);
  for (let s = 2; s < 2 + STREAM_SECTORS; s++) view.setUint32(fat + s * 4, s === 1 + STREAM_SECTORS ? END : s + 1, true);
  // Directory (sector 1): the root entry and the Workbook stream.
  const entry = (index: number, name: string, type: number, child: number, start: number, size: number) => {
    const at = sector(1) + index * 128;
    for (let i = 0; i < name.length; i++) view.setUint16(at + i * 2, name.charCodeAt(i), true);
    view.setUint16(at + 64, (name.length + 1) * 2, true);
    bytes[at + 66] = type;
    bytes[at + 67] = 1;
    view.setUint32(at + 68, NONE, true);
    view.setUint32(at + 72, NONE, true);
    view.setUint32(at + 76, child, true);
    view.setUint32(at + 116, start, true);
    view.setUint32(at + 120, size, true);
  };
  entry(0, "Root Entry", 5, 1, END, 0);
  entry(1, "Workbook", 2, NONE, 2, SECTOR * STREAM_SECTORS);
  for (const index of [2, 3]) {
    const at = sector(1) + index * 128;
    view.setUint32(at + 68, NONE, true);
    view.setUint32(at + 72, NONE, true);
    view.setUint32(at + 76, NONE, true);
  }
  // The Workbook stream: BOF (BIFF8, workbook globals) and EOF.
  const stream = sector(2);
  view.setUint16(stream, 0x0809, true);
  view.setUint16(stream + 2, 16, true);
  view.setUint16(stream + 4, 0x0600, true);
  view.setUint16(stream + 6, 0x0005, true);
  view.setUint16(stream + 8, 0x0dbb, true);
  view.setUint16(stream + 10, 0x07cc, true);
  view.setUint16(stream + 20, 0x000a, true);
  return bytes;
}
