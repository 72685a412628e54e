import "server-only";
import type ExcelJS from "exceljs";
import { wallClockOf, type CalendarDay } from "../domain/calendar-day.ts";

const XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** A download's Content-Disposition: an ASCII name for clients that know no other, and the real
 *  (usually Chinese) name in RFC 6266 / 5987 form for the rest. */
export function attachmentDisposition(asciiName: string, filename: string): string {
  return `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** A .xlsx download of the exports and the roster template; never cached, as it is one reader's
 *  view of data that changes. */
export function xlsxResponse(
  body: Uint8Array | ReadableStream<Uint8Array>,
  file: { asciiName: string; filename: string },
  headers: Record<string, string> = {},
): Response {
  return new Response(body as BodyInit, {
    headers: {
      "content-type": XLSX_CONTENT_TYPE,
      "content-disposition": attachmentDisposition(file.asciiName, file.filename),
      "cache-control": "no-store",
      ...headers,
    },
  });
}

// ─────────────────────────── cells ───────────────────────────
// Every export writes figures, times and days the one way below, so a file says what the page
// says and Excel can sum, sort and filter it: a rate is a number with a percent format (the
// page's "70.03%" is 0.7003 shown as 70.03%), a time is a date-time in the deployment's zone (the
// zone's wall clock, as the page shows it; Excel cells have no zone), a calendar day is a date.
//
// Text is always a string cell, whatever it starts with: exceljs writes a JavaScript string as a
// shared string (t="s") or, in the streaming writers without shared strings, as t="str" with the
// text in <v> — never an <f> formula element, which only a `{ formula }` value makes and no export
// passes (XlsxValue has no such case). So a name like =HYPERLINK(…) or +SUM(…) opens as the text
// it is, not a formula (OWASP's CSV-injection advice, for .xlsx), and imports back unchanged;
// no quote is prefixed, since in .xlsx it would become part of the data (decision 030,
// tests/integration/exports-disclosure.test.ts).

export const XLSX_PERCENT_FORMAT = "0.00%";
export const XLSX_DATE_TIME_FORMAT = "yyyy-mm-dd hh:mm";
export const XLSX_DAY_FORMAT = "yyyy-mm-dd";

/** A value with its number format, for `addXlsxRow`. */
export class XlsxFormatted {
  constructor(
    readonly value: number | Date | null,
    readonly numFmt: string,
  ) {}
}

export type XlsxValue = string | number | null | XlsxFormatted;

/** A rate as lib/domain writes it ("70.03", percent with two decimals) → 0.7003 as 70.03%;
 *  an empty cell when there is no rate (nothing eligible). */
export function xlsxRate(text: string | null): XlsxFormatted {
  if (text === null) return new XlsxFormatted(null, XLSX_PERCENT_FORMAT);
  // Through whole basis points, so 70.03 is the double nearest 0.7003, not 0.7003000000000001.
  return new XlsxFormatted(Math.round(Number(text) * 100) / 10000, XLSX_PERCENT_FORMAT);
}

/** An instant as the wall-clock time of `timeZone`, to the minute (the pages' "统计时间"). */
export function xlsxDateTime(instant: Date | string | null, timeZone: string): XlsxFormatted {
  if (instant === null) return new XlsxFormatted(null, XLSX_DATE_TIME_FORMAT);
  const local = wallClockOf(typeof instant === "string" ? new Date(instant) : instant, timeZone);
  return new XlsxFormatted(new Date(`${local}:00Z`), XLSX_DATE_TIME_FORMAT);
}

/** A calendar day ("2026-12-01") as a date cell. */
export function xlsxDay(day: CalendarDay | null): XlsxFormatted {
  return new XlsxFormatted(day === null ? null : new Date(`${day}T00:00:00Z`), XLSX_DAY_FORMAT);
}

/** Adds a row to a sheet (a workbook's or a streaming writer's), giving formatted values their
 *  number format. */
export function addXlsxRow(sheet: Pick<ExcelJS.Worksheet, "addRow">, values: readonly XlsxValue[]): ExcelJS.Row {
  const row = sheet.addRow(values.map((v) => (v instanceof XlsxFormatted ? v.value : v)));
  values.forEach((v, index) => {
    if (v instanceof XlsxFormatted) row.getCell(index + 1).numFmt = v.numFmt;
  });
  return row;
}
