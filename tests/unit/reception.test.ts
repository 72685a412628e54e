import { describe, expect, it } from "vitest";
import { isoWeekday, minutesOfTime, SERIES_MAX_SLOTS, seriesSlots, weekStartOf } from "@/lib/domain/reception";

describe("reception series", () => {
  it("knows the weekday and the week's Monday of a calendar day", () => {
    expect(isoWeekday("2026-12-07")).toBe(1); // a Monday
    expect(isoWeekday("2026-12-13")).toBe(7);
    expect(weekStartOf("2026-12-13")).toBe("2026-12-07");
    expect(weekStartOf("2026-12-07")).toBe("2026-12-07");
    expect(weekStartOf("2027-01-01")).toBe("2026-12-28");
  });

  it("reads HH:MM times and refuses others", () => {
    expect(minutesOfTime("09:30")).toBe(570);
    expect(minutesOfTime("24:00")).toBeNaN();
    expect(minutesOfTime("9:30")).toBeNaN();
  });

  it("makes weekdays 9:00–11:30 in 30-minute slots, the last ending by 11:30", () => {
    const { slots, tooMany } = seriesSlots({
      fromDay: "2026-12-04", // a Friday
      toDay: "2026-12-07", // the Monday after
      weekdays: [1, 2, 3, 4, 5],
      dayStart: "09:00",
      dayEnd: "11:30",
      slotMinutes: 30,
    });
    expect(tooMany).toBe(false);
    expect(slots.map((s) => s.start)).toEqual([
      "2026-12-04T09:00",
      "2026-12-04T09:30",
      "2026-12-04T10:00",
      "2026-12-04T10:30",
      "2026-12-04T11:00",
      "2026-12-07T09:00",
      "2026-12-07T09:30",
      "2026-12-07T10:00",
      "2026-12-07T10:30",
      "2026-12-07T11:00",
    ]);
    expect(slots[4]!.end).toBe("2026-12-04T11:30");
  });

  it("leaves out a slot that would end after the day's end", () => {
    const { slots } = seriesSlots({
      fromDay: "2026-12-07",
      toDay: "2026-12-07",
      weekdays: [1],
      dayStart: "09:00",
      dayEnd: "10:40",
      slotMinutes: 45,
    });
    expect(slots.map((s) => `${s.start}–${s.end}`)).toEqual(["2026-12-07T09:00–2026-12-07T09:45", "2026-12-07T09:45–2026-12-07T10:30"]);
  });

  it("stops at the cap and says so", () => {
    const { slots, tooMany } = seriesSlots({
      fromDay: "2026-12-01",
      toDay: "2027-01-31",
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      dayStart: "08:00",
      dayEnd: "18:00",
      slotMinutes: 15,
    });
    expect(tooMany).toBe(true);
    expect(slots).toHaveLength(SERIES_MAX_SLOTS);
  });

  it("makes nothing for an empty range or no weekday", () => {
    expect(
      seriesSlots({ fromDay: "2026-12-08", toDay: "2026-12-07", weekdays: [1], dayStart: "09:00", dayEnd: "10:00", slotMinutes: 30 }).slots,
    ).toEqual([]);
    expect(
      seriesSlots({ fromDay: "2026-12-07", toDay: "2026-12-07", weekdays: [2], dayStart: "09:00", dayEnd: "10:00", slotMinutes: 30 }).slots,
    ).toEqual([]);
  });
});
