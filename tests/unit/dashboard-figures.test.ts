import { describe, expect, it } from "vitest";
import {
  cumulativeSeries,
  firstDaySigned,
  signingRisk,
  mergeDaily,
  progressFigures,
  progressSeries,
  projectFigures,
  type ProgressInput,
} from "@/lib/domain/dashboard";

const base: ProgressInput = {
  counts: { eligible: 2119, signed: 2015, movedOut: 0, agreed: 2071, partyEligible: 205 },
  signingThresholdBp: 8500,
  firstRoundThresholdBp: 9000,
  signingStart: "2026-11-01",
  signingEnd: "2026-12-12",
  today: "2026-11-01",
  dailyParty: [{ day: "2026-11-01", count: 205 }],
  dailyOther: [{ day: "2026-11-01", count: 1810 }],
  agreementsEffective: true,
  signingFailed: false,
};

describe("projectFigures", () => {
  it("matches DOMAIN.md's check: 2,015 of 2,119 is 95.09%, 85% needs 1,802, so no gap", () => {
    expect(projectFigures({ eligible: 2119, signed: 2015, movedOut: 0, agreed: 2071 }, 8500)).toEqual({
      eligible: 2119,
      signed: 2015,
      movedOut: 0,
      agreed: 2071,
      signingRate: "95.09",
      relocationRate: "0.00",
      firstRoundApproval: "97.73",
      signingThreshold: "85.00",
      gapToThreshold: 0,
      hasReachedThreshold: true,
      isCleared: false,
    });
  });

  it("the gap at the threshold boundary: 1,801 signed is one short, 1,802 reaches it", () => {
    const short = projectFigures({ eligible: 2119, signed: 1801, movedOut: 0, agreed: 0 }, 8500);
    expect([short.gapToThreshold, short.hasReachedThreshold]).toEqual([1, false]);
    const reached = projectFigures({ eligible: 2119, signed: 1802, movedOut: 0, agreed: 0 }, 8500);
    expect([reached.gapToThreshold, reached.hasReachedThreshold]).toEqual([0, true]);
    expect(projectFigures({ eligible: 3, signed: 2, movedOut: 0, agreed: 0 }, 6667).signingThreshold).toBe("66.67");
  });

  it("zero eligible households: no rates, nothing reached, not cleared", () => {
    const f = projectFigures({ eligible: 0, signed: 0, movedOut: 0, agreed: 0 }, 8500);
    expect([f.signingRate, f.relocationRate, f.firstRoundApproval]).toEqual([null, null, null]);
    expect([f.gapToThreshold, f.hasReachedThreshold, f.isCleared]).toEqual([0, false, false]);
  });

  it("cleared once every eligible household has moved out", () => {
    expect(projectFigures({ eligible: 10, signed: 10, movedOut: 9, agreed: 10 }, 8500).isCleared).toBe(false);
    const f = projectFigures({ eligible: 10, signed: 10, movedOut: 10, agreed: 10 }, 8500);
    expect([f.isCleared, f.relocationRate]).toEqual([true, "100.00"]);
  });

  it("is the headline part of progressFigures: the dashboard and the project list show the same digits", () => {
    const { partyEligible: _party, ...counts } = base.counts;
    expect(progressFigures(base)).toMatchObject(projectFigures(counts, base.signingThresholdBp));
  });
});

describe("progressFigures", () => {
  it("matches DOMAIN.md's check: 2,015 of 2,119 on day one is 95.09%, 85% needs 1,802", () => {
    const f = progressFigures(base);
    expect(f.signingRate).toBe("95.09");
    expect(f.firstDaySigned).toBe(2015);
    expect(f.firstDayRate).toBe("95.09");
    expect(f.requiredForThreshold).toBe(1802);
    expect(f.gapToThreshold).toBe(0);
    expect(f.hasReachedThreshold).toBe(true);
    expect(f.signingThreshold).toBe("85.00");
    expect(f.firstRoundApproval).toBe("97.73");
    expect(f.firstRoundThreshold).toBe("90.00");
    expect(f.partyRate).toBe("100.00");
    expect(f.partyMedianDays).toBe(0);
    expect(f.partyMeanDays).toBe("0.0");
    expect(f.partyFirstDayRate).toBe("100.00");
    // Launch day: no pace yet, so no 100% date ("100% by tomorrow" was launch day's burst).
    expect(f.pace).toBeNull();
    expect(f.forecastThreshold).toEqual({ kind: "reached" });
    expect(f.forecastFull).toEqual({ kind: "noPace" });
    expect(f.risk).toBeNull();
    expect(f.daysLeft).toBe(41);
    expect(f.periodEnded).toBe(false);
    expect(f.agreementStatus).toBe("effective");
    expect(progressSeries(base)).toEqual([{ day: "2026-11-01", signed: 2015, cumulative: 2015, rate: "95.09" }]);
  });

  it("gap at the threshold boundary: 1,801 signed is one short, 1,802 reaches it", () => {
    const short = progressFigures({
      ...base,
      counts: { ...base.counts, signed: 1801 },
      dailyParty: [],
      dailyOther: [{ day: "2026-11-01", count: 1801 }],
    });
    expect(short.gapToThreshold).toBe(1);
    expect(short.hasReachedThreshold).toBe(false);
    const reached = progressFigures({
      ...base,
      counts: { ...base.counts, signed: 1802 },
      dailyParty: [],
      dailyOther: [{ day: "2026-11-01", count: 1802 }],
    });
    expect(reached.gapToThreshold).toBe(0);
    expect(reached.hasReachedThreshold).toBe(true);
  });

  it("zero eligible households: no rates, nothing reached, no forecast", () => {
    const f = progressFigures({
      ...base,
      counts: { eligible: 0, signed: 0, movedOut: 0, agreed: 0, partyEligible: 0 },
      dailyParty: [],
      dailyOther: [],
    });
    expect(f.signingRate).toBeNull();
    expect(f.firstDayRate).toBeNull();
    expect(f.relocationRate).toBeNull();
    expect(f.partyRate).toBeNull();
    expect(f.hasReachedThreshold).toBe(false);
    expect(f.isCleared).toBe(false);
    expect(f.forecastThreshold).toEqual({ kind: "noPace" });
    expect(f.risk).toBeNull();
  });

  it("excluded households are not in the counts: 10 eligible of 12, 9 signed is 90.00%", () => {
    const f = progressFigures({
      ...base,
      counts: { eligible: 10, signed: 9, movedOut: 10, agreed: 10, partyEligible: 0 },
      dailyParty: [],
      dailyOther: [{ day: "2026-11-01", count: 9 }],
    });
    expect(f.signingRate).toBe("90.00");
    expect(f.isCleared).toBe(true);
    expect(f.relocationRate).toBe("100.00");
  });

  it("forecasts at the last 7 completed days' pace and marks the threshold risk when it falls after the end", () => {
    // 100 eligible, 85 needed. Launch day 11-01 (20), then 5 a day 11-02 … 11-08; today 11-09
    // (3 signed so far today). Pace 35 ÷ 7 = 5; 85 − 58 = 27 to go → ⌈5.4⌉ = 6 days.
    const daily = [
      { day: "2026-11-01", count: 20 },
      ...Array.from({ length: 7 }, (_, i) => ({ day: `2026-11-0${i + 2}`, count: 5 })),
      { day: "2026-11-09", count: 3 },
    ];
    const input: ProgressInput = {
      ...base,
      counts: { eligible: 100, signed: 58, movedOut: 0, agreed: 90, partyEligible: 0 },
      today: "2026-11-09",
      signingEnd: "2026-11-14",
      dailyParty: [],
      dailyOther: daily,
      agreementsEffective: false,
    };
    const f = progressFigures(input);
    expect(f.pace).toEqual({ signings: 35, days: 7, perDay: "5.0" });
    expect(f.forecastThreshold).toEqual({ kind: "on", day: "2026-11-15" });
    // 42 to go → ⌈8.4⌉ = 9 days.
    expect(f.forecastFull).toEqual({ kind: "on", day: "2026-11-18" });
    expect(f.risk).toBe("threshold");
    expect(f.isAtRisk).toBe(true);
    expect(f.agreementStatus).toBe("pending");
    // The threshold on the end date is not a threshold risk, but the 100% date after it is.
    const full = progressFigures({ ...input, signingEnd: "2026-11-15" });
    expect([full.risk, full.isAtRisk]).toEqual(["full", true]);
    // Both on or before the end: on track.
    expect(progressFigures({ ...input, signingEnd: "2026-11-18" }).risk).toBeNull();
    const series = progressSeries(input);
    expect(series).toHaveLength(9);
    expect(series[8]).toEqual({ day: "2026-11-09", signed: 3, cumulative: 58, rate: "58.00" });
  });

  it("宝兴里: the threshold in time but 100% after the signing end is a risk", () => {
    // 2,119 eligible, 1,484 signed, 85% needs 1,802 (318 to go); 13 a day → threshold in 25 days,
    // 100% (635 to go) in 49; the period ends in 35.
    const week = Array.from({ length: 7 }, (_, i) => ({ day: addDaysTo("2026-11-24", i), count: 13 }));
    const f = progressFigures({
      ...base,
      counts: { eligible: 2119, signed: 1484, movedOut: 0, agreed: 2071, partyEligible: 0 },
      signingStart: "2026-11-10",
      signingEnd: "2027-01-05",
      today: "2026-12-01",
      dailyParty: [],
      dailyOther: [{ day: "2026-11-10", count: 1393 }, ...week],
      agreementsEffective: false,
    });
    expect(f.pace).toEqual({ signings: 91, days: 7, perDay: "13.0" });
    expect(f.forecastThreshold).toEqual({ kind: "on", day: "2026-12-26" });
    expect(f.forecastFull).toEqual({ kind: "on", day: "2027-01-19" });
    expect(f.risk).toBe("full");
  });

  it("清水河 two days after launch: no pace yet, no date, no risk", () => {
    const f = progressFigures({
      ...base,
      counts: { eligible: 1464, signed: 1421, movedOut: 0, agreed: 1435, partyEligible: 0 },
      signingThresholdBp: 9500,
      signingStart: "2026-11-29",
      signingEnd: "2027-02-27",
      today: "2026-12-01",
      dailyParty: [],
      dailyOther: [
        { day: "2026-11-29", count: 1392 },
        { day: "2026-11-30", count: 29 },
      ],
    });
    expect(f.pace).toBeNull();
    expect(f.forecastThreshold).toEqual({ kind: "reached" });
    expect(f.forecastFull).toEqual({ kind: "noPace" });
    expect(f.risk).toBeNull();
  });

  it("days left: max(0, end − today); after the end the period has ended", () => {
    const input: ProgressInput = { ...base, signingEnd: "2026-11-10" };
    expect(progressFigures({ ...input, today: "2026-11-09" })).toMatchObject({ daysLeft: 1, periodEnded: false });
    expect(progressFigures({ ...input, today: "2026-11-10" })).toMatchObject({ daysLeft: 0, periodEnded: false });
    expect(progressFigures({ ...input, today: "2026-11-11" })).toMatchObject({
      daysLeft: 0,
      periodEnded: true,
      agreementStatus: "effective",
    });
    expect(progressFigures({ ...input, today: "2026-12-11", agreementsEffective: false, signingFailed: true })).toMatchObject({
      daysLeft: 0,
      periodEnded: true,
      agreementStatus: "failed",
    });
    expect(progressFigures({ ...input, signingEnd: null })).toMatchObject({ daysLeft: null, periodEnded: false });
  });

  it("Party lead: rate, first-day rate and mean days to sign of Party-member households against the others", () => {
    const f = progressFigures({
      ...base,
      counts: { eligible: 10, signed: 6, movedOut: 0, agreed: 0, partyEligible: 4 },
      today: "2026-11-10",
      dailyParty: [
        { day: "2026-11-01", count: 2 },
        { day: "2026-11-02", count: 1 },
      ],
      dailyOther: [
        { day: "2026-11-03", count: 1 },
        { day: "2026-11-05", count: 2 },
      ],
    });
    expect(f.partySigned).toBe(3);
    expect(f.partyRate).toBe("75.00");
    expect(f.partyFirstDayRate).toBe("50.00");
    expect(f.partyMeanDays).toBe("0.3");
    expect([f.otherEligible, f.otherSigned, f.otherRate, f.otherFirstDayRate]).toEqual([6, 3, "50.00", "0.00"]);
    // (2 + 4 + 4) ÷ 3 = 3.33 → 3.3
    expect(f.otherMeanDays).toBe("3.3");
    expect(f.partyMedianDays).toBe(0);
    expect(f.otherMedianDays).toBe(4);
  });
});

describe("helpers", () => {
  it("merges and finds the first day", () => {
    const merged = mergeDaily(
      [{ day: "2026-11-02", count: 1 }],
      [
        { day: "2026-11-01", count: 2 },
        { day: "2026-11-02", count: 3 },
      ],
    );
    expect(merged).toEqual([
      { day: "2026-11-01", count: 2 },
      { day: "2026-11-02", count: 4 },
    ]);
    expect(firstDaySigned(merged, "2026-11-02")).toBe(4);
    expect(firstDaySigned(merged, null)).toBe(0);
  });

  it("no risk before the signing starts, without a pace yet, after it failed, or once both are reached; a pace of 0 is a risk", () => {
    const noPace = { kind: "noPace" } as const;
    const zero = { signings: 0, days: 7, perDay: "0.0" };
    const common = { signingEnd: "2027-01-01", today: "2026-11-01", signingFailed: false };
    expect(signingRisk({ ...common, pace: null, forecastThreshold: noPace, forecastFull: noPace, signingStart: "2026-12-01" })).toBeNull();
    expect(signingRisk({ ...common, pace: null, forecastThreshold: noPace, forecastFull: noPace, signingStart: "2026-10-30" })).toBeNull();
    expect(signingRisk({ ...common, pace: zero, forecastThreshold: noPace, forecastFull: noPace, signingStart: "2026-10-01" })).toBe(
      "threshold",
    );
    expect(
      signingRisk({
        ...common,
        pace: zero,
        forecastThreshold: noPace,
        forecastFull: noPace,
        signingStart: "2026-10-01",
        signingFailed: true,
      }),
    ).toBeNull();
    expect(
      signingRisk({ ...common, pace: zero, forecastThreshold: { kind: "reached" }, forecastFull: noPace, signingStart: "2026-10-01" }),
    ).toBe("full");
    expect(
      signingRisk({
        ...common,
        pace: zero,
        forecastThreshold: { kind: "reached" },
        forecastFull: { kind: "reached" },
        signingStart: "2026-10-01",
      }),
    ).toBeNull();
    // After the end: the 100% date is no longer a risk, a missed threshold still is.
    const after = { ...common, today: "2027-01-05", signingStart: "2026-10-01", pace: { signings: 7, days: 7, perDay: "1.0" } };
    expect(signingRisk({ ...after, forecastThreshold: { kind: "reached" }, forecastFull: { kind: "on", day: "2027-01-09" } })).toBeNull();
    expect(
      signingRisk({ ...after, forecastThreshold: { kind: "on", day: "2027-01-06" }, forecastFull: { kind: "on", day: "2027-01-09" } }),
    ).toBe("threshold");
  });

  it("the series stops at the signing end once it has passed", () => {
    const series = cumulativeSeries({
      daily: [{ day: "2026-11-01", count: 1 }],
      eligible: 4,
      signingStart: "2026-11-01",
      signingEnd: "2026-11-03",
      today: "2026-12-01",
    });
    expect(series.map((p) => p.day)).toEqual(["2026-11-01", "2026-11-02", "2026-11-03"]);
    expect(series.map((p) => p.rate)).toEqual(["25.00", "25.00", "25.00"]);
  });
});

describe("properties", () => {
  it("the cumulative series adds up the daily signings and never falls; the forecast is never before today", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(
        fc.array(fc.nat(20), { minLength: 1, maxLength: 30 }),
        fc.nat(40),
        fc.integer({ min: 1, max: 10000 }),
        (perDay, extra, thresholdBp) => {
          const daily = perDay.map((count, i) => ({ day: addDaysTo("2026-11-01", i), count }));
          const signed = perDay.reduce((a, b) => a + b, 0);
          const eligible = signed + extra;
          if (eligible === 0) return;
          const today = addDaysTo("2026-11-01", perDay.length - 1);
          const input: ProgressInput = {
            ...base,
            counts: { eligible, signed, movedOut: 0, agreed: 0, partyEligible: 0 },
            signingThresholdBp: thresholdBp,
            signingEnd: "2027-12-31",
            today,
            dailyParty: [],
            dailyOther: daily,
          };
          const f = progressFigures(input);
          const series = progressSeries(input);
          expect(series.at(-1)!.cumulative).toBe(signed);
          for (let i = 1; i < series.length; i++) expect(series[i]!.cumulative).toBeGreaterThanOrEqual(series[i - 1]!.cumulative);
          expect(f.gapToThreshold === 0).toBe(f.hasReachedThreshold);
          if (f.forecastThreshold.kind === "on") expect(f.forecastThreshold.day > today).toBe(true);
          if (f.forecastFull.kind === "on" && f.forecastThreshold.kind === "on")
            expect(f.forecastFull.day >= f.forecastThreshold.day).toBe(true);
        },
      ),
    );
  });
});

describe("projectFigures properties", () => {
  it("reached exactly when the gap is 0 (with households to count), and progressFigures agrees on every headline figure", async () => {
    const fc = (await import("fast-check")).default;
    fc.assert(
      fc.property(fc.nat(3000), fc.nat(3000), fc.nat(3000), fc.integer({ min: 1, max: 10000 }), (eligible, a, b, thresholdBp) => {
        const signed = a % (eligible + 1);
        const counts = { eligible, signed, movedOut: b % (signed + 1), agreed: b % (eligible + 1) };
        const f = projectFigures(counts, thresholdBp);
        if (eligible > 0) expect(f.hasReachedThreshold).toBe(f.gapToThreshold === 0);
        expect(f.isCleared).toBe(eligible > 0 && counts.movedOut === eligible);
        expect(
          progressFigures({
            ...base,
            counts: { ...counts, partyEligible: 0 },
            signingThresholdBp: thresholdBp,
            dailyParty: [],
            dailyOther: [],
          }),
        ).toMatchObject(f);
      }),
    );
  });
});

function addDaysTo(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
