import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween, forecastDay, medianDaysSince, partyLead, rankGroupLeague, type DailyCount } from "@/lib/domain/progress";
import { formatPercent } from "@/lib/domain/rates";

describe("calendar arithmetic", () => {
  it("adds days across months and years", () => {
    expect(addDays("2026-11-30", 1)).toBe("2026-12-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
    expect(daysBetween("2026-11-01", "2026-11-22")).toBe(21);
    expect(daysBetween("2026-11-22", "2026-11-01")).toBe(-21);
  });
});

describe("forecast at the last 7 days' pace", () => {
  const daily = (counts: [string, number][]) => counts.map(([day, count]) => ({ day, count }));

  it("projects the remaining signings at the window's mean", () => {
    // 70 signings in the 7 days up to today → 10 a day; 95 remaining → ⌈9.5⌉ = 10 days.
    const window = Array.from({ length: 7 }, (_, i) => [addDays("2026-11-16", i), 10] as [string, number]);
    const result = forecastDay({
      today: "2026-11-22",
      signingStart: "2026-11-01",
      daily: daily([["2026-11-10", 500], ...window]),
      signed: 1707,
      target: 1802,
    });
    expect(result).toEqual({ kind: "on", day: "2026-12-02" });
  });

  it("uses only the days since the start when the signing began less than 7 days ago", () => {
    // Launch day: 1,392 signed today; 0 remaining to 1,391 → reached; to 1,464: 72 at 1,392/day → 1 day.
    expect(
      forecastDay({ today: "2026-11-20", signingStart: "2026-11-20", daily: daily([["2026-11-20", 1392]]), signed: 1392, target: 1391 }),
    ).toEqual({ kind: "reached" });
    expect(
      forecastDay({ today: "2026-11-20", signingStart: "2026-11-20", daily: daily([["2026-11-20", 1392]]), signed: 1392, target: 1464 }),
    ).toEqual({ kind: "on", day: "2026-11-21" });
    // Two days in: 1,392 + 29 over 2 days.
    expect(
      forecastDay({
        today: "2026-11-21",
        signingStart: "2026-11-20",
        daily: daily([
          ["2026-11-20", 1392],
          ["2026-11-21", 29],
        ]),
        signed: 1421,
        target: 1464,
      }),
    ).toEqual({ kind: "on", day: "2026-11-22" });
  });

  it("says never when nothing was signed in the window or the signing has not started", () => {
    expect(
      forecastDay({ today: "2026-11-22", signingStart: "2026-11-01", daily: daily([["2026-11-02", 50]]), signed: 50, target: 100 }),
    ).toEqual({ kind: "never" });
    expect(forecastDay({ today: "2026-11-22", signingStart: "2026-12-01", daily: [], signed: 0, target: 100 })).toEqual({ kind: "never" });
    expect(forecastDay({ today: "2026-11-22", signingStart: null, daily: [], signed: 0, target: 100 })).toEqual({ kind: "never" });
  });

  it("never forecasts a day before tomorrow for an unmet target, and a faster pace is never later", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 5000 }), (perDay, remaining) => {
        const window = (n: number) => daily(Array.from({ length: 7 }, (_, i) => [addDays("2026-11-16", i), n] as [string, number]));
        const slow = forecastDay({ today: "2026-11-22", signingStart: "2026-11-01", daily: window(perDay), signed: 0, target: remaining });
        const fast = forecastDay({
          today: "2026-11-22",
          signingStart: "2026-11-01",
          daily: window(perDay + 1),
          signed: 0,
          target: remaining,
        });
        if (slow.kind !== "on" || fast.kind !== "on") throw new Error("expected dates");
        expect(daysBetween("2026-11-22", slow.day)).toBeGreaterThanOrEqual(1);
        expect(daysBetween(fast.day, slow.day)).toBeGreaterThanOrEqual(0);
      }),
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
  it("gives the Party households' rate and median days to sign against the others", () => {
    const lead = partyLead({
      signingStart: "2026-11-01",
      partyEligible: 205,
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
    expect(formatPercent(lead.partyRate)).toBe("1.46");
    expect(lead.partyMedianDays).toBe(0);
    expect(lead.otherMedianDays).toBe(5);
  });

  it("has no medians without signings or without a signing start", () => {
    expect(medianDaysSince("2026-11-01", [])).toBeNull();
    expect(medianDaysSince("2026-11-01", [{ day: "2026-11-02", count: 0 }])).toBeNull();
    expect(partyLead({ signingStart: "2026-11-01", partyEligible: 0, partyDaily: [], otherDaily: [] }).partyMedianDays).toBeNull();
    expect(
      partyLead({ signingStart: null, partyEligible: 3, partyDaily: [{ day: "2026-11-02", count: 1 }], otherDaily: [] }).partyMedianDays,
    ).toBeNull();
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
});
