// Characters no input may carry, decided in one place (lib/validation.ts): control characters
// (NUL among them; tab and line breaks are text) anywhere in a use case's input, and, in names
// and addresses, bidirectional controls and zero-width characters — the same rule for the edit
// form's schemas and the roster import's cells (lib/roster/household-fields.ts).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { rosterColumn } from "@/lib/roster/columns";
import { ZHouseholdAddress, ZHouseholdHeadName, ZOptionalHouseholdAddressPart } from "@/lib/roster/household-fields";
import { parseInput } from "@/lib/validation";

function fieldErrorsOf(work: () => unknown): Record<string, string[]> | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") return error.fieldErrors;
    throw error;
  }
  return undefined;
}

const RTL_OVERRIDE = "\u202E";
const INVISIBLE = [
  "\u202A",
  "\u202B",
  "\u202C",
  "\u202D",
  "\u202E",
  "\u2066",
  "\u2067",
  "\u2068",
  "\u2069",
  "\u200B",
  "\u200C",
  "\u200D",
  "\uFEFF",
  "\u2060",
];

describe("parseInput refuses control characters in any string of the input", () => {
  const schema = z.object({ q: z.string().optional(), nested: z.object({ list: z.array(z.string()) }).optional() });

  it("a NUL in a search, whatever the schema would have done with it", () => {
    expect(fieldErrorsOf(() => parseInput(schema, { q: "福佑路\u0000" }))).toEqual({ q: ["validation.controlCharacter"] });
    // Even in a field the schema does not know (it would have been stripped and passed).
    expect(fieldErrorsOf(() => parseInput(schema, { other: "a\u0000" }))).toEqual({ other: ["validation.controlCharacter"] });
  });

  it("every C0 control but tab, line feed and carriage return, and DEL, at any depth", () => {
    for (let code = 0; code < 0x20; code++) {
      const char = String.fromCharCode(code);
      const errors = fieldErrorsOf(() => parseInput(schema, { nested: { list: ["ok", `x${char}y`] } }));
      if (char === "\t" || char === "\n" || char === "\r") expect(errors, `U+${code.toString(16)}`).toBeUndefined();
      else expect(errors, `U+${code.toString(16)}`).toEqual({ "nested.list.1": ["validation.controlCharacter"] });
    }
    expect(fieldErrorsOf(() => parseInput(schema, { q: "\u007f" }))).toEqual({ q: ["validation.controlCharacter"] });
    expect(fieldErrorsOf(() => parseInput(z.string(), "\u0000"))).toEqual({ _form: ["validation.controlCharacter"] });
  });

  it("leaves ordinary text, Chinese and emoji alone", () => {
    expect(parseInput(schema, { q: "黄浦区福佑路200弄3号\n前客堂\t😀" })).toEqual({ q: "黄浦区福佑路200弄3号\n前客堂\t😀" });
  });
});

describe("names and addresses refuse text-direction controls and zero-width characters", () => {
  it("the edit form's schemas", () => {
    for (const char of INVISIBLE) {
      const name = ZHouseholdHeadName.safeParse(`王${char}建国`);
      expect(name.success, `U+${char.codePointAt(0)!.toString(16)}`).toBe(false);
      expect(name.error?.issues.map((i) => i.message)).toEqual(["validation.invisibleCharacter"]);
      expect(ZHouseholdAddress.safeParse(`福佑路${char}200弄`).success).toBe(false);
      expect(ZOptionalHouseholdAddressPart.safeParse(`3${char}号`).success).toBe(false);
    }
    expect(ZHouseholdHeadName.parse(" 欧阳建国 ")).toBe("欧阳建国");
    expect(ZOptionalHouseholdAddressPart.parse("")).toBeNull();
  });

  it("the roster import's name and address cells, with the cell's own message; a group name only has to match", () => {
    for (const key of ["headName", "address", "lane", "building", "number", "room"] as const) {
      expect(rosterColumn(key).parse(`福佑路${RTL_OVERRIDE}200弄`), key).toEqual({ ok: false, key: "roster.cell.invisibleCharacter" });
      expect(rosterColumn(key).parse(`福佑路\u0000200弄`), key).toEqual({ ok: false, key: "roster.cell.controlCharacter" });
      expect(rosterColumn(key).parse("福佑路200弄"), key).toMatchObject({ ok: true });
    }
    expect(rosterColumn("signingGroupName").parse(`签约一组${RTL_OVERRIDE}`)).toMatchObject({ ok: true });
  });
});
