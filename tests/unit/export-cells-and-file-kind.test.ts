// The export cell helpers and the roster file judgement, at their edges: a rate through whole
// basis points, a time across UTC midnight in the deployment's zone, and files whose names lie.
import { describe, expect, it } from "vitest";
import { judgeRosterFile } from "@/lib/roster/file-kind";
import { xlsxDateTime, xlsxDay, xlsxRate } from "@/lib/server/route-xlsx";

describe("export cells", () => {
  it("writes a rate as the number the page's percentage shows", () => {
    expect(xlsxRate("70.03")).toMatchObject({ value: 0.7003, numFmt: "0.00%" });
    expect(xlsxRate("0.00").value).toBe(0);
    expect(xlsxRate("100.00").value).toBe(1);
    expect(xlsxRate(null).value).toBeNull();
  });

  it("writes a time as the zone's wall clock and a day as a date", () => {
    const cell = xlsxDateTime("2026-11-30T16:30:00.000Z", "Asia/Shanghai");
    expect((cell.value as Date).toISOString()).toBe("2026-12-01T00:30:00.000Z");
    expect(cell.numFmt).toBe("yyyy-mm-dd hh:mm");
    expect(xlsxDateTime(null, "Asia/Shanghai").value).toBeNull();
    expect((xlsxDay("2026-12-01").value as Date).toISOString()).toBe("2026-12-01T00:00:00.000Z");
  });
});

describe("judgeRosterFile", () => {
  const zip = Uint8Array.of(0x50, 0x4b, 0x03, 0x04, 0x14, 0);
  const ole2 = Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0);
  const text = new TextEncoder().encode("房屋编号,地址\nA-1,某路1号\n");

  it("decides by content, the name only between kinds of text and documents", () => {
    expect(judgeRosterFile("a.xlsx", zip)).toEqual({ ok: true, kind: "xlsx" });
    expect(judgeRosterFile("a.csv", zip)).toEqual({ ok: true, kind: "xlsx" });
    expect(judgeRosterFile("a.docx", zip)).toEqual({ ok: false, refusal: "office" });
    expect(judgeRosterFile("a.xls", ole2)).toEqual({ ok: false, refusal: "oldExcel" });
    expect(judgeRosterFile("a.csv", ole2)).toEqual({ ok: false, refusal: "oldExcel" });
    expect(judgeRosterFile("a.xlsx", ole2)).toEqual({ ok: false, unreadable: true });
    expect(judgeRosterFile("a.doc", ole2)).toEqual({ ok: false, refusal: "office" });
    expect(judgeRosterFile("a.csv", text)).toEqual({ ok: true, kind: "csv" });
    expect(judgeRosterFile("a.txt", text)).toEqual({ ok: false, refusal: "text" });
    expect(judgeRosterFile("a.csv", new TextEncoder().encode("%PDF-1.7"))).toEqual({ ok: false, refusal: "pdf" });
    expect(judgeRosterFile("a.csv", Uint8Array.of(0xff, 0xd8, 0xff, 0xe0))).toEqual({ ok: false, refusal: "image" });
    expect(judgeRosterFile("a.csv", Uint8Array.of(1, 2, 0, 3, 4))).toEqual({ ok: false, refusal: "other" });
  });
});
