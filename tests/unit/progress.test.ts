import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  dayNumber,
  dayOfNumber,
  daysBetween,
  forecastDay,
  meanDaysSince,
  medianDaysSince,
  oneDecimal,
  paceOf,
  partyLead,
  rankGroupLeague,
  type DailyCount,
} from "@/lib/domain/progress";
import { formatPercent } from "@/lib/domain/rates";

describe("calendar arithmetic", () => {
  it("adds days across months and years", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-11-01", "2026-11-22")).toBe(21);
    expect(daysBetween("2026-11-22", "2026-11-01")).toBe(-21);
  });

  it("numbers every day from 1900 to 2200 as the Date of its UTC midnight does, and back", () => {
    const DAY_MS = 86_400_000;
    const wrong: string[] = [];
    for (let n = Date.UTC(1900, 0, 1) / DAY_MS; n <= Date.UTC(2200, 11, 31) / DAY_MS; n++) {
      const day = new Date(n * DAY_MS).toISOString().slice(0, 10);
      if (dayNumber(day) !== n || dayOfNumber(n) !== day) wrong.push(`${n} ${day} ${dayNumber(day)} ${dayOfNumber(n)}`);
    }
    expect(wrong).toEqual([]);
    expect(dayNumber("2024-02-29")).toBe(dayNumber("2024-03-01") - 1);
  });

  it("is not a number for text that is not a day", () => {
    for (const text of ["", "2026-1-01", "2026/11/01", "2026-11-0x", "20261101"]) expect(dayNumber(text)).toBeNaN();
  });
});

describe("pace: the last 7 completed days, launch day left out", () => {
  const daily = (counts: [string, number][]) => counts.map(([day, count]) => ({ day, count }));
  const week = (from: string, n: number) => Array.from({ length: 7 }, (_, i) => [addDays(from, i), n] as [string, number]);

  it("is the mean of yesterday and the 6 days before; today's signings are not in it", () => {
    // 2026-11-15 … 2026-11-21 at 13 a day, 500 today.
    const pace = paceOf({
      today: "2026-11-22",
      signingStart: "2026-11-01",
      daily: daily([...week("2026-11-15", 13), ["2026-11-22", 500]]),
    });
    expect(pace).toEqual({ signings: 91, days: 7, perDay: "13.0" });
    // The 8th day back is outside the window.
    expect(paceOf({ today: "2026-11-22", signingStart: "2026-11-01", daily: daily([["2026-11-14", 70]]) })).toEqual({
      signings: 0,
      days: 7,
      perDay: "0.0",
    });
  });

  it("leaves out launch day while it is inside the window, and keeps 7 days once it is outside", () => {
    // 清水河: 1,392 on launch day, then 29, 10, 4. Today is the 5th day: 3 completed days after launch.
    const qsh = daily([
      ["2026-11-20", 1392],
      ["2026-11-21", 29],
      ["2026-11-22", 10],
      ["2026-11-23", 4],
    ]);
    expect(paceOf({ today: "2026-11-24", signingStart: "2026-11-20", daily: qsh })).toEqual({ signings: 43, days: 3, perDay: "14.3" });
    // Launch day 8 days back: the window is the full 7 days before today.
    const later = daily([["2026-11-20", 1392], ...week("2026-11-21", 2)]);
    expect(paceOf({ today: "2026-11-28", signingStart: "2026-11-20", daily: later })).toEqual({ signings: 14, days: 7, perDay: "2.0" });
    // Launch day exactly 7 days back (inside the window): left out, 6 days remain.
    expect(paceOf({ today: "2026-11-27", signingStart: "2026-11-20", daily: later })?.days).toBe(6);
  });

  it("has no pace before 3 completed days after the start date, or without a start", () => {
    const launch = daily([
      ["2026-11-20", 1392],
      ["2026-11-21", 29],
      ["2026-11-22", 10],
    ]);
    expect(paceOf({ today: "2026-11-20", signingStart: "2026-11-20", daily: launch })).toBeNull();
    expect(paceOf({ today: "2026-11-22", signingStart: "2026-11-20", daily: launch })).toBeNull();
    // Two completed days after launch (the 21st and 22nd): still none.
    expect(paceOf({ today: "2026-11-23", signingStart: "2026-11-20", daily: launch })).toBeNull();
    expect(paceOf({ today: "2026-11-24", signingStart: "2026-11-20", daily: launch })).toEqual({ signings: 39, days: 3, perDay: "13.0" });
    expect(paceOf({ today: "2026-11-22", signingStart: "2026-12-01", daily: [] })).toBeNull();
    expect(paceOf({ today: "2026-11-22", signingStart: null, daily: launch })).toBeNull();
  });

  it("rounds the mean to one decimal, half up", () => {
    expect(oneDecimal(92, 7)).toBe("13.1");
    expect(oneDecimal(1, 20)).toBe("0.1");
    expect(oneDecimal(1, 40)).toBe("0.0");
    expect(oneDecimal(3, 40)).toBe("0.1");
    expect(oneDecimal(-1, 2)).toBe("-0.5");
  });
});

describe("forecast at the pace", () => {
  const pace = (signings: number, days = 7) => ({ signings, days, perDay: oneDecimal(signings, days) });

  it("is today + ⌈remaining ÷ pace⌉ days", () => {
    // 91 in 7 days → 13 a day; 95 remaining → ⌈7.3⌉ = 8 days.
    expect(forecastDay({ today: "2026-11-22", pace: pace(91), signed: 1707, target: 1802 })).toEqual({ kind: "on", day: "2026-11-30" });
    // Exactly divisible: 91 remaining at 13 a day → 7 days.
    expect(forecastDay({ today: "2026-11-22", pace: pace(91), signed: 0, target: 91 })).toEqual({ kind: "on", day: "2026-11-29" });
  });

  it("清水河 two days after launch: 43 unsigned, no pace yet — never 'tomorrow'", () => {
    const p = paceOf({
      today: "2026-11-22",
      signingStart: "2026-11-20",
      daily: [
        { day: "2026-11-20", count: 1392 },
        { day: "2026-11-21", count: 29 },
      ],
    });
    expect(forecastDay({ today: "2026-11-22", pace: p, signed: 1421, target: 1464 })).toEqual({ kind: "noPace" });
  });

  it("reached once the target is met; no date at a pace of 0 or without a pace", () => {
    expect(forecastDay({ today: "2026-11-22", pace: null, signed: 1392, target: 1391 })).toEqual({ kind: "reached" });
    expect(forecastDay({ today: "2026-11-22", pace: pace(0), signed: 50, target: 100 })).toEqual({ kind: "noPace" });
    expect(forecastDay({ today: "2026-11-22", pace: null, signed: 50, target: 100 })).toEqual({ kind: "noPace" });
  });

  it("never forecasts a day before tomorrow for an unmet target, and a faster pace is never later", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 3, max: 7 }),
        (perDay, remaining, days) => {
          const slow = forecastDay({ today: "2026-11-22", pace: pace(perDay * days, days), signed: 0, target: remaining });
          const fast = forecastDay({ today: "2026-11-22", pace: pace((perDay + 1) * days, days), signed: 0, target: remaining });
          if (slow.kind !== "on" || fast.kind !== "on") throw new Error("expected dates");
          expect(daysBetween("2026-11-22", slow.day)).toBeGreaterThanOrEqual(1);
          expect(daysBetween(fast.day, slow.day)).toBeGreaterThanOrEqual(0);
        },
      ),
    );
  });
});

/** One entry per signing, sorted, and the textbook median of them: the reference for the medians. */
function medianOfEverySigning(from: string, daily: readonly DailyCount[]): number | null {
  const values = daily.flatMap((d) => Array.from({ length: d.count }, () => daysBetween(from, d.day))).sort((a, b) => a - b);
  if (values.length === 0) return null;
  const mid = Math.floor(values.length / 2);
  return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
}

describe("Party-member lead", () => {
  it("gives both sides' rate, first-day rate and mean days to sign (day one = 0, one decimal)", () => {
    const lead = partyLead({
      signingStart: "2026-11-01",
      partyEligible: 205,
      otherEligible: 10,
      partyDaily: [
        { day: "2026-11-01", count: 2 },
        { day: "2026-11-03", count: 1 },
      ],
      otherDaily: [
        { day: "2026-11-01", count: 1 },
        { day: "2026-11-05", count: 1 },
        { day: "2026-11-07", count: 1 },
        { day: "2026-11-10", count: 1 },
      ],
    });
    expect(formatPercent(lead.party.rate)).toBe("1.46");
    expect(formatPercent(lead.party.firstDayRate)).toBe("0.98");
    // (0 + 0 + 2) ÷ 3 = 0.67 → 0.7
    expect(lead.party.meanDays).toBe("0.7");
    expect(lead.party.medianDays).toBe(0);
    expect(formatPercent(lead.other.rate)).toBe("40.00");
    expect(formatPercent(lead.other.firstDayRate)).toBe("10.00");
    // (0 + 4 + 6 + 9) ÷ 4 = 4.75 → 4.8
    expect(lead.other.meanDays).toBe("4.8");
    expect(lead.other.medianDays).toBe(5);
  });

  it("most sign on day one: the medians are both 0, the means still tell them apart", () => {
    const lead = partyLead({
      signingStart: "2026-11-01",
      partyEligible: 10,
      otherEligible: 10,
      partyDaily: [{ day: "2026-11-01", count: 9 }],
      otherDaily: [
        { day: "2026-11-01", count: 6 },
        { day: "2026-11-11", count: 3 },
      ],
    });
    expect([lead.party.medianDays, lead.other.medianDays]).toEqual([0, 0]);
    expect([lead.party.meanDays, lead.other.meanDays]).toEqual(["0.0", "3.3"]);
  });

  it("has no means or medians without signings or without a signing start", () => {
    expect(medianDaysSince("2026-11-01", [])).toBeNull();
    expect(meanDaysSince("2026-11-01", [])).toBeNull();
    expect(medianDaysSince("2026-11-01", [{ day: "2026-11-02", count: 0 }])).toBeNull();
    const none = partyLead({ signingStart: "2026-11-01", partyEligible: 0, otherEligible: 0, partyDaily: [], otherDaily: [] });
    expect([none.party.meanDays, none.party.medianDays, formatPercent(none.party.rate)]).toEqual([null, null, null]);
    const unstarted = partyLead({
      signingStart: null,
      partyEligible: 3,
      otherEligible: 0,
      partyDaily: [{ day: "2026-11-02", count: 1 }],
      otherDaily: [],
    });
    expect([unstarted.party.meanDays, unstarted.party.medianDays, unstarted.party.firstDaySigned]).toEqual([null, null, 0]);
  });

  it("the median from per-day counts equals the median of every signing, in any order of days", () => {
    const day = fc.integer({ min: -5, max: 60 }).map((n) => addDays("2026-11-01", n));
    fc.assert(
      fc.property(fc.array(fc.record({ day, count: fc.integer({ min: 0, max: 40 }) }), { maxLength: 30 }), (daily) => {
        expect(medianDaysSince("2026-11-01", daily)).toBe(medianOfEverySigning("2026-11-01", daily));
      }),
    );
  });
});

describe("group league", () => {
  it("ranks by exact rate, then signed; ties share a rank; empty groups last", () => {
    const league = rankGroupLeague([
      { groupId: "a", name: "签约一组", households: 200, signed: 150, visitsLast7Days: 30, overdueTasks: 1 },
      { groupId: "b", name: "签约二组", households: 100, signed: 75, visitsLast7Days: 12, overdueTasks: 0 },
      { groupId: "c", name: "签约三组", households: 100, signed: 75, visitsLast7Days: 9, overdueTasks: 3 },
      { groupId: "d", name: "签约四组", households: 90, signed: 81, visitsLast7Days: 5, overdueTasks: 0 },
      { groupId: "e", name: "签约五组", households: 0, signed: 0, visitsLast7Days: 0, overdueTasks: 0 },
    ]);
    expect(league.map((r) => [r.groupId, r.rank])).toEqual([
      ["d", 1],
      ["a", 2],
      ["b", 3],
      ["c", 3],
      ["e", 5],
    ]);
  });

  it("equal rate and equal signed share a rank (1, 2, 2, 4), listed by name; equal rate alone does not", () => {
    const league = rankGroupLeague([
      { groupId: "a", name: "签约四组", households: 40, signed: 40, visitsLast7Days: 0, overdueTasks: 0 },
      { groupId: "b", name: "签约二组", households: 30, signed: 30, visitsLast7Days: 0, overdueTasks: 0 },
      { groupId: "c", name: "签约一组", households: 30, signed: 30, visitsLast7Days: 0, overdueTasks: 0 },
      { groupId: "d", name: "签约三组", households: 20, signed: 20, visitsLast7Days: 0, overdueTasks: 0 },
    ]);
    // All at 100.00%: by signed, then by name; 二组 and 一组 tie.
    expect(league.map((r) => [r.name, r.rank])).toEqual([
      ["签约四组", 1],
      ["签约二组", 2],
      ["签约一组", 2],
      ["签约三组", 4],
    ]);
    expect(league.every((r) => formatPercent(r.rate) === "100.00")).toBe(true);
  });
});
