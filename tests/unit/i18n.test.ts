import { describe, expect, it } from "vitest";
import { en } from "@/lib/i18n/messages/en";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import { createTranslator, lookup } from "@/lib/i18n/translate";

function keys(node: unknown, prefix = ""): string[] {
  if (typeof node === "string") return [prefix];
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe("message catalogs", () => {
  it("have the same keys in zh-CN and en", () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it("use the same placeholders in both languages", () => {
    for (const key of keys(zhCN)) {
      const placeholders = (text: string | undefined) => (text?.match(/\{\w+\}/g) ?? []).sort();
      expect(placeholders(lookup(en, key)), key).toEqual(placeholders(lookup(zhCN, key)));
    }
  });

  it("translates with parameters, Chinese by default", () => {
    expect(createTranslator("zh-CN")("project.gapValue", { count: 12 })).toBe("12 户");
    expect(createTranslator("en")("project.gapValue", { count: 12 })).toBe("12 households");
  });
});
