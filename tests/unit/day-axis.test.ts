import { describe, expect, it } from "vitest";
import { dayAxisFormatter, dayValue } from "@/components/charts/day-axis";

describe("the cumulative chart's day axis", () => {
  it("names the month on every label, in both languages", () => {
    const zh = dayAxisFormatter("zh-CN");
    const en = dayAxisFormatter("en");
    const days = ["2026-11-15", "2026-11-22", "2026-12-01", "2026-12-06", "2027-01-05"];
    expect(days.map((d) => zh(dayValue(d)))).toEqual(["11月15日", "11月22日", "12月1日", "12月6日", "1月5日"]);
    expect(days.map((d) => en(dayValue(d)))).toEqual(["Nov 15", "Nov 22", "Dec 1", "Dec 6", "Jan 5"]);
  });

  it("places a day at local midnight, as ECharts reads a 'YYYY-MM-DD' value", () => {
    const at = new Date(dayValue("2026-12-01"));
    expect([at.getFullYear(), at.getMonth(), at.getDate(), at.getHours(), at.getMinutes()]).toEqual([2026, 11, 1, 0, 0]);
  });
});
