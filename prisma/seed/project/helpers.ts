// Small formatting and counting helpers shared by the section planners.

import { formatPercent, ratio, requiredForThreshold, thresholdBasisPoints } from "../../../lib/domain/rates.ts";
import type { Rng } from "../random.ts";

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The entries of a weight table that can be drawn at all (weight above zero). */
export function weightsOf<T extends string>(record: Partial<Record<T, number>>): [T, number][] {
  return (Object.entries(record) as [T, number][]).filter(([, w]) => w > 0);
}

export function pad(n: number, width: number): string {
  return String(n).padStart(width, "0");
}

/** A Decimal column's value with two places. */
export function money(n: number): string {
  return n.toFixed(2);
}

/** "70.03%", as the portal shows rates in notices and minutes. */
export function percent(numerator: number, denominator: number): string {
  return `${formatPercent(ratio(numerator, denominator)) ?? "0.00"}%`;
}

/** ⌈threshold × eligible⌉ households, by the same rule the portal shows. */
export function requiredCount(threshold: number, eligible: number): number {
  return requiredForThreshold(eligible, thresholdBasisPoints(threshold));
}

/** Indices 0..n-1 in a random order. */
export function shuffledIndices(rng: Rng, n: number): number[] {
  return rng.shuffle(Array.from({ length: n }, (_, i) => i));
}
