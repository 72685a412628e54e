import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import { lookup } from "@/lib/i18n/translate";
import {
  exampleRosterRecord,
  formatRosterRow,
  matchRosterHeaders,
  parseRosterRow,
  rosterColumn,
  ROSTER_COLUMNS,
  type RosterCell,
  type RosterColumnKey,
} from "@/lib/roster/columns";
import { decodeCsvBytes, parseCsv } from "@/lib/roster/csv";
import { columnLetter, validateRoster } from "@/lib/roster/validate";
import { gb18030Bytes, utf8Bytes } from "../support/roster-files.ts";

const parse = (key: RosterColumnKey, cell: RosterCell) => rosterColumn(key).parse(cell);
const ok = (value: unknown) => ({ ok: true, value });
const bad = (key: string, params?: object) => ({ ok: false, key: `roster.cell.${key}`, ...(params ? { params } : {}) });

describe("roster columns: each column's good and bad values", () => {
  it("household code: required, upper-cased, letters, digits and hyphens", () => {
    expect(parse("code", " bxl-0001 ")).toEqual(ok("BXL-0001"));
    expect(parse("code", 1001)).toEqual(ok("1001"));
    expect(parse("code", "ＢＸＬ－０００２")).toEqual(ok("BXL-0002"));
    expect(parse("code", "")).toEqual(bad("required"));
    expect(parse("code", null)).toEqual(bad("required"));
    expect(parse("code", "BXL 0001")).toEqual(bad("code"));
    expect(parse("code", "-0001")).toEqual(bad("code"));
    expect(parse("code", "宝兴里1")).toEqual(bad("code"));
    expect(parse("code", "A".repeat(41))).toEqual(bad("tooLong", { max: 40 }));
  });

  it("text columns: trimmed, empty is none when optional, required when not, dates refused", () => {
    expect(parse("lane", "  福佑路200弄 ")).toEqual(ok("福佑路200弄"));
    expect(parse("lane", "")).toEqual(ok(null));
    expect(parse("lane", "\u3000")).toEqual(ok(null));
    expect(parse("room", 101)).toEqual(ok("101"));
    expect(parse("number", new Date())).toEqual(bad("text"));
    expect(parse("building", "")).toEqual(bad("required"));
    expect(parse("building", "3号")).toEqual(ok("3号"));
    expect(parse("address", "x".repeat(201))).toEqual(bad("tooLong", { max: 200 }));
    expect(parse("headName", "王建国")).toEqual(ok("王建国"));
    expect(parse("headName", " ")).toEqual(bad("required"));
    expect(parse("signingGroupName", "签约一组")).toEqual(ok("签约一组"));
    expect(parse("signingGroupName", null)).toEqual(ok(null));
  });

  it("tenure: Chinese, English enum and labels; empty is 其他", () => {
    expect(parse("tenure", "公房")).toEqual(ok("PUBLIC_LEASE"));
    expect(parse("tenure", "私房")).toEqual(ok("PRIVATE_PROPERTY"));
    expect(parse("tenure", "其他")).toEqual(ok("OTHER"));
    expect(parse("tenure", "private_property")).toEqual(ok("PRIVATE_PROPERTY"));
    expect(parse("tenure", "Public lease")).toEqual(ok("PUBLIC_LEASE"));
    expect(parse("tenure", "")).toEqual(ok("OTHER"));
    expect(parse("tenure", "商品房")).toEqual(bad("tenure"));
  });

  it("owner location: the five places in Chinese or English; empty is 本市", () => {
    expect(parse("ownerLocation", "本市")).toEqual(ok("LOCAL"));
    expect(parse("ownerLocation", "外市")).toEqual(ok("OTHER_CITY"));
    expect(parse("ownerLocation", "外省")).toEqual(ok("OTHER_PROVINCE"));
    expect(parse("ownerLocation", "港澳台")).toEqual(ok("HK_MACAO_TW"));
    expect(parse("ownerLocation", "境外")).toEqual(ok("OVERSEAS"));
    expect(parse("ownerLocation", "HK_MACAO_TW")).toEqual(ok("HK_MACAO_TW"));
    expect(parse("ownerLocation", "overseas")).toEqual(ok("OVERSEAS"));
    expect(parse("ownerLocation", null)).toEqual(ok("LOCAL"));
    expect(parse("ownerLocation", "火星")).toEqual(bad("ownerLocation"));
  });

  it("flags: 是/否, yes/no, true/false, Excel booleans; empty is no", () => {
    for (const key of ["isPartyMemberHousehold", "isHardship", "isElderlySickDisabled", "hasFamilyDispute"] as const) {
      expect(parse(key, "是")).toEqual(ok(true));
      expect(parse(key, "否")).toEqual(ok(false));
      expect(parse(key, "Yes")).toEqual(ok(true));
      expect(parse(key, "no")).toEqual(ok(false));
      expect(parse(key, true)).toEqual(ok(true));
      expect(parse(key, 1)).toEqual(ok(true));
      expect(parse(key, "")).toEqual(ok(false));
      expect(parse(key, "也许")).toEqual(bad("flag"));
    }
  });

  it("phone: mobile, landline with area code, empty; letters refused", () => {
    expect(parse("phone", 13912345678)).toEqual(ok("13912345678"));
    expect(parse("phone", "021-63281234")).toEqual(ok("021-63281234"));
    expect(parse("phone", "+852 9123 4567")).toEqual(ok("+852 9123 4567"));
    expect(parse("phone", "")).toEqual(ok(null));
    expect(parse("phone", "找居委")).toEqual(bad("phone"));
    expect(parse("phone", "123")).toEqual(bad("phone"));
  });

  it("counts: whole numbers 0–999, empty is 0", () => {
    for (const key of ["registeredPopulation", "residentCount"] as const) {
      expect(parse(key, 3)).toEqual(ok(3));
      expect(parse(key, "4")).toEqual(ok(4));
      expect(parse(key, "2.0")).toEqual(ok(2));
      expect(parse(key, null)).toEqual(ok(0));
      expect(parse(key, 2.5)).toEqual(bad("integer", { max: 999 }));
      expect(parse(key, -1)).toEqual(bad("integer", { max: 999 }));
      expect(parse(key, 1000)).toEqual(bad("integer", { max: 999 }));
      expect(parse(key, "三")).toEqual(bad("integer", { max: 999 }));
    }
  });

  it("floor area: required, > 0, two decimals, units and float noise tolerated", () => {
    expect(parse("floorArea", 18.6)).toEqual(ok("18.60"));
    expect(parse("floorArea", 12.34 + 1e-12)).toEqual(ok("12.34"));
    expect(parse("floorArea", "18.6")).toEqual(ok("18.60"));
    expect(parse("floorArea", "18.60 m²")).toEqual(ok("18.60"));
    expect(parse("floorArea", "1,234.5平方米")).toEqual(ok("1234.50"));
    expect(parse("floorArea", "20.500")).toEqual(ok("20.50"));
    expect(parse("floorArea", 7)).toEqual(ok("7.00"));
    expect(parse("floorArea", "")).toEqual(bad("required"));
    expect(parse("floorArea", 0)).toEqual(bad("areaPositive"));
    expect(parse("floorArea", "-3")).toEqual(bad("areaPositive"));
    expect(parse("floorArea", 12.345)).toEqual(bad("areaDecimals"));
    expect(parse("floorArea", "12.345")).toEqual(bad("areaDecimals"));
    expect(parse("floorArea", "约20")).toEqual(bad("area"));
    expect(parse("floorArea", 100_000_000)).toEqual(bad("area"));
  });

  it("living area: optional, same number rules, not above the floor area", () => {
    expect(parse("livingArea", "")).toEqual(ok(null));
    expect(parse("livingArea", 12.4)).toEqual(ok("12.40"));
    expect(parse("livingArea", 0)).toEqual(bad("areaPositive"));
    const { errors } = parseRosterRow([20, 25], ["floorArea", "livingArea"]);
    expect(errors).toEqual([{ column: "livingArea", key: "roster.cell.livingAreaAboveFloorArea" }]);
    expect(parseRosterRow([20, 20], ["floorArea", "livingArea"]).errors).toEqual([]);
  });
});

describe("roster headers", () => {
  it("recognises the Chinese and the English headers, in any order", () => {
    const zh = matchRosterHeaders(ROSTER_COLUMNS.map((c) => c.zh));
    expect(zh.errors).toEqual([]);
    expect(zh.columns).toEqual(ROSTER_COLUMNS.map((c) => c.key));
    const shuffled = [...ROSTER_COLUMNS].reverse();
    const english = matchRosterHeaders(shuffled.map((c) => c.en));
    expect(english.errors).toEqual([]);
    expect(english.columns).toEqual(shuffled.map((c) => c.key));
  });

  it("takes common variants: 幢 or 栋, no unit, other case and spacing", () => {
    const match = matchRosterHeaders(["房屋编号", "栋", "地址", "户主", "建筑面积", "HEAD OF HOUSEHOLD ", "floor area(m2)"]);
    expect(match.columns.slice(0, 5)).toEqual(["code", "building", "address", "headName", "floorArea"]);
    expect(match.errors.map((e) => e.key)).toEqual(["roster.file.duplicateColumn", "roster.file.duplicateColumn"]);
  });

  it("skips the read-only state column an export adds", () => {
    const match = matchRosterHeaders([...ROSTER_COLUMNS.map((c) => c.zh), "状态"]);
    expect(match.errors).toEqual([]);
    expect(match.columns.at(-1)).toBeNull();
    expect(matchRosterHeaders([...ROSTER_COLUMNS.map((c) => c.en), "State"]).errors).toEqual([]);
  });

  it("refuses unknown columns and lists each missing required column", () => {
    const match = matchRosterHeaders(["房屋编号", "备注", "联系电话"]);
    expect(match.errors).toEqual([
      { key: "roster.file.unknownColumn", column: "备注", params: { header: "备注" } },
      { key: "roster.file.missingColumn", column: "幢/栋", params: { header: "幢/栋" } },
      { key: "roster.file.missingColumn", column: "地址", params: { header: "地址" } },
      { key: "roster.file.missingColumn", column: "户主", params: { header: "户主" } },
      { key: "roster.file.missingColumn", column: "建筑面积（m²）", params: { header: "建筑面积（m²）" } },
    ]);
    expect(matchRosterHeaders(["code"], "en").errors.at(-1)).toMatchObject({ column: "Floor area (m²)" });
  });
});

describe("roster format ↔ parse", () => {
  it("a formatted record parses back to itself, in either language", () => {
    const record = { ...exampleRosterRecord(), signingGroupName: "签约一组", livingArea: null, phone: null };
    for (const language of ["zh", "en"] as const) {
      const cells = formatRosterRow(record, language);
      const headers = matchRosterHeaders(ROSTER_COLUMNS.map((c) => (language === "zh" ? c.zh : c.en)));
      expect(parseRosterRow(cells, headers.columns)).toEqual({ record, errors: [] });
    }
  });

  it("formats enums and flags in Chinese for the template and exports", () => {
    const cells = formatRosterRow({ ...exampleRosterRecord(), tenure: "PRIVATE_PROPERTY", ownerLocation: "OVERSEAS", isHardship: true });
    const at = (key: RosterColumnKey) => cells[ROSTER_COLUMNS.findIndex((c) => c.key === key)];
    expect([at("tenure"), at("ownerLocation"), at("isHardship"), at("floorArea")]).toEqual(["私房", "境外", "是", 18.6]);
  });
});

describe("roster CSV", () => {
  it("decodes UTF-8, UTF-8 with BOM and GB18030", () => {
    const text = "房屋编号,户主\r\nA-1,王建国\r\n";
    expect(decodeCsvBytes(utf8Bytes(text))).toEqual({ text, encoding: "utf-8" });
    expect(decodeCsvBytes(utf8Bytes(text, true))).toEqual({ text, encoding: "utf-8" });
    expect(decodeCsvBytes(gb18030Bytes(text))).toEqual({ text, encoding: "gb18030" });
  });

  it("parses quotes, doubled quotes, delimiters and line breaks inside cells", () => {
    expect(parseCsv('a,"b,c","d""e"\r\n"x\ny",,z')).toEqual([
      ["a", "b,c", 'd"e'],
      ["x\ny", "", "z"],
    ]);
    expect(parseCsv("a\tb\n1\t2\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
    ]);
  });
});

describe("roster validation", () => {
  const header = ["房屋编号", "幢/栋", "地址", "户主", "建筑面积", "签约小组"];
  const row = (rowNumber: number, cells: RosterCell[]) => ({ rowNumber, cells });

  it("collects every problem with the row Excel shows and the header as the file spells it", async () => {
    const result = await validateRoster(
      {
        header,
        rows: [
          row(2, ["A-1", "1号", "某路1号", "张三", 12, "签约一组"]),
          row(3, ["a-1", "1号", "某路1号", "", 0, "签约九组"]),
          row(4, [null, null, null, null, null, null]),
          row(5, ["A-2", "1号", "某路1号", "李四", 15, ""]),
        ],
      },
      { groupNames: new Set(["签约一组"]) },
    );
    expect(result).toEqual({
      ok: false,
      problemCount: 4,
      problems: [
        { row: 3, column: "户主", key: "roster.cell.required" },
        { row: 3, column: "建筑面积", key: "roster.cell.areaPositive" },
        { row: 3, column: "房屋编号", key: "roster.cell.duplicateCode", params: { row: 2 } },
        { row: 3, column: "签约小组", key: "roster.cell.unknownGroup", params: { name: "签约九组" } },
      ],
    });
  });

  it("refuses values under a blank header", async () => {
    const result = await validateRoster(
      { header: [...header, null], rows: [row(2, ["A-1", "1号", "某路1号", "张三", 12, "", "x"])] },
      { groupNames: new Set() },
    );
    expect(result).toMatchObject({
      ok: false,
      problems: [{ row: 2, column: "G", key: "roster.file.unnamedColumn", params: { column: "G" } }],
    });
    expect(columnLetter(0)).toBe("A");
    expect(columnLetter(26)).toBe("AA");
  });

  it("passes the columns present and skips blank rows", async () => {
    const result = await validateRoster(
      { header, rows: [row(2, ["A-1", "1号", "某路1号", "张三", 12, null]), row(3, ["", "", "", "", "", ""])] },
      { groupNames: new Set() },
    );
    expect(result).toEqual({
      ok: true,
      skippedExample: false,
      columns: ["code", "building", "address", "headName", "floorArea", "signingGroupName"],
      rows: [
        {
          rowNumber: 2,
          record: { code: "A-1", building: "1号", address: "某路1号", headName: "张三", floorArea: "12.00", signingGroupName: null },
        },
      ],
    });
  });
});

describe("roster messages", () => {
  it("every key a cell or file check can raise exists in both catalogs", () => {
    const keys = [
      "required",
      "tooLong",
      "code",
      "text",
      "controlCharacter",
      "invisibleCharacter",
      "integer",
      "area",
      "areaPositive",
      "areaDecimals",
      "tenure",
      "ownerLocation",
      "flag",
      "phone",
      "livingAreaAboveFloorArea",
      "duplicateCode",
      "unknownGroup",
    ]
      .map((k) => `roster.cell.${k}`)
      .concat(
        [
          "unknownColumn",
          "duplicateColumn",
          "missingColumn",
          "unnamedColumn",
          "refused.oldExcel",
          "refused.pdf",
          "refused.image",
          "refused.text",
          "refused.office",
          "refused.other",
          "empty",
          "tooLarge",
          "tooManyRows",
          "cellTooLarge",
          "tooWide",
          "unpackedTooLarge",
          "noRows",
          "unreadable",
        ].map((k) => `roster.file.${k}`),
      );
    for (const key of keys) {
      expect(lookup(zhCN, key), key).toBeTypeOf("string");
      expect(lookup(en, key), key).toBeTypeOf("string");
    }
  });
});
