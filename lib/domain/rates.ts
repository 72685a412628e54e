// The figures of DOMAIN.md ("The numbers"), defined once. Pure: no I/O, no Dates from the clock.
// Ratios are kept as integers (numerator/denominator, thresholds in basis points of 1/10,000)
// so that rounding and threshold comparisons are exact; floating point only appears on display.

/** A count out of a count, e.g. signed out of eligible. */
export type Ratio = { numerator: number; denominator: number };

export function ratio(numerator: number, denominator: number): Ratio {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`ratio needs non-negative integers, got ${numerator}/${denominator}`);
  }
  return { numerator, denominator };
}

/** The ratio in hundredths of a percent, rounded half up: 2015/2119 → 9509 (95.09%).
 *  null when there is nothing to divide by. */
export function ratioBasisPoints({ numerator, denominator }: Ratio): number | null {
  if (denominator === 0) return null;
  // round(n × 10000 / d) half up, in integers: floor((2 × n × 10000 + d) / (2d)).
  return Math.floor((2 * numerator * 10000 + denominator) / (2 * denominator));
}

/** "95.09" — two decimals, as DOMAIN.md shows rates; null when the denominator is 0. */
export function formatPercent(r: Ratio): string | null {
  const bp = ratioBasisPoints(r);
  if (bp === null) return null;
  return `${Math.floor(bp / 100)}.${String(bp % 100).padStart(2, "0")}`;
}

/** Thresholds are stored as DECIMAL(5,4) ("0.8500"); parse them to basis points exactly. */
export function thresholdBasisPoints(threshold: string | number | { toString(): string }): number {
  const text = typeof threshold === "number" ? threshold.toFixed(4) : threshold.toString();
  const match = /^(0|1)(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`threshold must be between 0 and 1 with at most 4 decimals, got ${text}`);
  const bp = Number(match[1]) * 10000 + Number((match[2] ?? "").padEnd(4, "0"));
  if (bp > 10000) throw new RangeError(`threshold above 1: ${text}`);
  return bp;
}

/** ⌈threshold × eligible⌉: the signings the threshold needs (85% of 2,119 → 1,802). */
export function requiredForThreshold(eligible: number, thresholdBp: number): number {
  return Math.floor((thresholdBp * eligible + 9999) / 10000);
}

/** max(0, ⌈threshold × eligible⌉ − signed) households. */
export function gapToThreshold(signed: number, eligible: number, thresholdBp: number): number {
  return Math.max(0, requiredForThreshold(eligible, thresholdBp) - signed);
}

/** signed ÷ eligible ≥ threshold, compared exactly. A project with no eligible households
 *  has reached nothing. */
export function hasReachedThreshold(signed: number, eligible: number, thresholdBp: number): boolean {
  return eligible > 0 && signed * 10000 >= thresholdBp * eligible;
}

/** Cleared (清零): every eligible household has moved out. */
export function isCleared(movedOut: number, eligible: number): boolean {
  return eligible > 0 && movedOut === eligible;
}

/** "85", "85.5" or "66.67" (percent, at most two decimals, above 0 and at most 100) → basis
 *  points; null when the text is not such a number. Forms enter thresholds this way. */
export function percentTextToBasisPoints(text: string): number | null {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? "").padEnd(2, "0"));
  return bp > 0 && bp <= 10000 ? bp : null;
}

/** Basis points as the DECIMAL(5,4) text the database stores: 8500 → "0.8500". */
export function basisPointsToDecimalText(bp: number): string {
  return `${Math.floor(bp / 10000)}.${String(bp % 10000).padStart(4, "0")}`;
}
