import { describe, expect, it } from "vitest";
import { formatters } from "@/lib/i18n/format";

const SHANGHAI = "Asia/Shanghai";
// ICU versions differ in the space before AM/PM (U+202F or a plain space).
const plain = (text: string) => text.replace(/[\u202f\u00a0]/g, " ");

describe("formatters", () => {
  // 2025-03-14T16:30Z is already the 15th in Shanghai (UTC+8); 15:59:59Z is still the 14th.
  const afterMidnight = new Date("2025-03-14T16:30:05Z");
  const beforeMidnight = new Date("2025-03-14T15:59:59Z");

  it("formats dates on the Shanghai day boundary in zh-CN", () => {
    const f = formatters("zh-CN", SHANGHAI);
    expect(f.date(afterMidnight)).toBe("2025年3月15日");
    expect(f.date(beforeMidnight)).toBe("2025年3月14日");
    expect(f.dateTime(afterMidnight)).toBe("2025年3月15日 00:30");
    expect(f.dateTime(beforeMidnight)).toBe("2025年3月14日 23:59");
    expect(f.dateTimeSeconds(afterMidnight)).toBe("2025/3/15 00:30:05");
    expect(f.time(afterMidnight)).toBe("00:30");
  });

  it("formats dates on the Shanghai day boundary in en", () => {
    const f = formatters("en", SHANGHAI);
    expect(f.date(afterMidnight)).toBe("Mar 15, 2025");
    expect(f.date(beforeMidnight)).toBe("Mar 14, 2025");
    expect(plain(f.dateTime(afterMidnight))).toBe("Mar 15, 2025, 12:30 AM");
    expect(plain(f.dateTime(beforeMidnight))).toBe("Mar 14, 2025, 11:59 PM");
    expect(plain(f.dateTimeSeconds(afterMidnight))).toBe("3/15/25, 12:30:05 AM");
    expect(plain(f.time(afterMidnight))).toBe("12:30 AM");
  });

  it("follows the zone it is given", () => {
    expect(formatters("en", "UTC").date(afterMidnight)).toBe("Mar 14, 2025");
    expect(formatters("en", SHANGHAI).date(afterMidnight)).toBe("Mar 15, 2025");
  });

  it("formats calendar days and date columns as that day, whatever the zone", () => {
    for (const zone of [SHANGHAI, "UTC", "America/Los_Angeles"]) {
      expect(formatters("zh-CN", zone).day("2025-03-15")).toBe("2025年3月15日");
      expect(formatters("en", zone).day("2025-03-15")).toBe("Mar 15, 2025");
      expect(formatters("en", zone).dateColumn(new Date("2025-03-15T00:00:00Z"))).toBe("Mar 15, 2025");
    }
  });

  it("formats numbers and percentages", () => {
    expect(formatters("zh-CN", SHANGHAI).number(1234567.5)).toBe("1,234,567.5");
    expect(formatters("en", SHANGHAI).number(2119)).toBe("2,119");
    expect(formatters("zh-CN", SHANGHAI).percent("54.3")).toBe("54.3%");
    expect(formatters("en", SHANGHAI).percent(null)).toBe("—");
  });

  it("gives the same output as the Intl objects the pages used before", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      const f = formatters(locale, SHANGHAI);
      expect(f.dateTime(afterMidnight)).toBe(
        new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: SHANGHAI }).format(afterMidnight),
      );
      expect(f.dateTimeSeconds(afterMidnight)).toBe(
        new Intl.DateTimeFormat(locale, { timeStyle: "medium", dateStyle: "short", timeZone: SHANGHAI }).format(afterMidnight),
      );
      expect(f.time(afterMidnight)).toBe(
        new Intl.DateTimeFormat(locale, { hour: "2-digit", minute: "2-digit", timeZone: SHANGHAI }).format(afterMidnight),
      );
    }
  });

  it("builds the formatters once per locale and zone", () => {
    expect(formatters("en", SHANGHAI)).toBe(formatters("en", SHANGHAI));
    expect(formatters("en", SHANGHAI)).not.toBe(formatters("zh-CN", SHANGHAI));
  });
});
