import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  formatPercent,
  gapToThreshold,
  hasReachedThreshold,
  isCleared,
  ratio,
  ratioBasisPoints,
  requiredForThreshold,
  thresholdBasisPoints,
} from "@/lib/domain/rates";

describe("signing rate (DOMAIN.md)", () => {
  it("shows 2,015 of 2,119 signed as 95.09%", () => {
    expect(formatPercent(ratio(2015, 2119))).toBe("95.09");
  });

  it("rounds half up at the second decimal", () => {
    // 1/8 = 12.5% exactly; 1/800 = 0.125% → 0.13
    expect(formatPercent(ratio(1, 8))).toBe("12.50");
    expect(formatPercent(ratio(1, 800))).toBe("0.13");
    expect(formatPercent(ratio(2, 3))).toBe("66.67");
  });

  it("shows 0 and 100 with two decimals", () => {
    expect(formatPercent(ratio(0, 5))).toBe("0.00");
    expect(formatPercent(ratio(5, 5))).toBe("100.00");
  });

  it("has no rate when nothing is eligible", () => {
    expect(formatPercent(ratio(0, 0))).toBeNull();
  });

  it("refuses negative or fractional counts", () => {
    expect(() => ratio(-1, 3)).toThrow(RangeError);
    expect(() => ratio(1.5, 3)).toThrow(RangeError);
  });

  it("matches exact rational rounding for every count", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 200_000 }), fc.nat(), (denominator, raw) => {
        const numerator = raw % (denominator + 1);
        const exact = (BigInt(numerator) * 20000n + BigInt(denominator)) / (2n * BigInt(denominator));
        expect(ratioBasisPoints(ratio(numerator, denominator))).toBe(Number(exact));
      }),
    );
  });
});

describe("threshold and gap (DOMAIN.md)", () => {
  it("needs ⌈0.85 × 2,119⌉ = 1,802 signings", () => {
    expect(requiredForThreshold(2119, thresholdBasisPoints("0.85"))).toBe(1802);
    expect(gapToThreshold(1801, 2119, 8500)).toBe(1);
    expect(gapToThreshold(1802, 2119, 8500)).toBe(0);
    expect(gapToThreshold(2000, 2119, 8500)).toBe(0);
  });

  it("reaches the threshold exactly at the required count, not one before", () => {
    expect(hasReachedThreshold(1801, 2119, 8500)).toBe(false);
    expect(hasReachedThreshold(1802, 2119, 8500)).toBe(true);
    expect(hasReachedThreshold(1803, 2119, 8500)).toBe(true);
    // 85% of 20 is exactly 17.
    expect(requiredForThreshold(20, 8500)).toBe(17);
    expect(hasReachedThreshold(17, 20, 8500)).toBe(true);
    expect(hasReachedThreshold(16, 20, 8500)).toBe(false);
  });

  it("parses stored DECIMAL(5,4) thresholds exactly", () => {
    expect(thresholdBasisPoints("0.8500")).toBe(8500);
    expect(thresholdBasisPoints("0.9")).toBe(9000);
    expect(thresholdBasisPoints("0.6667")).toBe(6667);
    expect(thresholdBasisPoints("1")).toBe(10000);
    expect(thresholdBasisPoints(0.95)).toBe(9500);
    expect(() => thresholdBasisPoints("1.2")).toThrow(RangeError);
    expect(() => thresholdBasisPoints("abc")).toThrow(RangeError);
  });

  it("is reached iff the gap is zero (for any eligible > 0)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 0, max: 10000 }), fc.nat(), (eligible, bp, raw) => {
        const signed = raw % (eligible + 1);
        expect(hasReachedThreshold(signed, eligible, bp)).toBe(gapToThreshold(signed, eligible, bp) === 0);
      }),
    );
  });

  it("has nothing reached with zero eligible households", () => {
    expect(hasReachedThreshold(0, 0, 8500)).toBe(false);
    expect(gapToThreshold(0, 0, 8500)).toBe(0);
  });
});

describe("cleared", () => {
  it("is cleared when every eligible household moved out", () => {
    expect(isCleared(120, 120)).toBe(true);
    expect(isCleared(119, 120)).toBe(false);
    expect(isCleared(0, 0)).toBe(false);
  });
});

describe("thresholds entered as percent", () => {
  it("accepts percent with up to two decimals and round-trips to the stored decimal", async () => {
    const { percentTextToBasisPoints, basisPointsToDecimalText } = await import("@/lib/domain/rates");
    expect(percentTextToBasisPoints("85")).toBe(8500);
    expect(percentTextToBasisPoints(" 66.67 ")).toBe(6667);
    expect(percentTextToBasisPoints("100")).toBe(10000);
    expect(percentTextToBasisPoints("0")).toBeNull();
    expect(percentTextToBasisPoints("100.01")).toBeNull();
    expect(percentTextToBasisPoints("85.555")).toBeNull();
    expect(percentTextToBasisPoints("abc")).toBeNull();
    expect(basisPointsToDecimalText(8500)).toBe("0.8500");
    expect(basisPointsToDecimalText(10000)).toBe("1.0000");
    expect(thresholdBasisPoints(basisPointsToDecimalText(6667))).toBe(6667);
  });
});
