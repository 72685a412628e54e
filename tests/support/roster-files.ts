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
