import { describe, expect, it } from "vitest";
import { calendarDayOf, calendarDayOfDateColumn, instantFromWallClock, wallClockOf } from "@/lib/domain/calendar-day";

describe("calendar days in the deployment's time zone", () => {
  it("puts an instant on its Shanghai day", () => {
    expect(calendarDayOf(new Date("2025-03-14T15:59:59Z"), "Asia/Shanghai")).toBe("2025-03-14");
    expect(calendarDayOf(new Date("2025-03-14T16:00:00Z"), "Asia/Shanghai")).toBe("2025-03-15");
  });

  it("reads a date column as its day", () => {
    expect(calendarDayOfDateColumn(new Date("2025-03-14T00:00:00Z"))).toBe("2025-03-14");
  });

  it("turns a datetime-local value into the instant it means in the zone, and back", () => {
    expect(instantFromWallClock("2025-03-14T09:30", "Asia/Shanghai")).toEqual(new Date("2025-03-14T01:30:00Z"));
    expect(instantFromWallClock("2025-03-14T00:00", "Europe/Berlin")).toEqual(new Date("2025-03-13T23:00:00Z"));
    expect(wallClockOf(new Date("2025-03-14T01:30:00Z"), "Asia/Shanghai")).toBe("2025-03-14T09:30");
  });

  it("rejects what is not a wall-clock time", () => {
    expect(instantFromWallClock("2025-02-30T09:30", "Asia/Shanghai")).toBeNull();
    expect(instantFromWallClock("2025-03-14 09:30", "Asia/Shanghai")).toBeNull();
    expect(instantFromWallClock("2025-03-14T24:30", "Asia/Shanghai")).toBeNull();
  });
});
