// The compensation estimate (征收补偿) of DOMAIN.md, defined once. Pure: no I/O, no clock — the
// caller passes `today`.
//
// Money is exact (decision 032). Every amount is an integer number of fen (0.01 yuan) held as a
// bigint, and every parameter arrives as a decimal string ("62000.00", "30", "22.5") parsed
// digit by digit, never through a JavaScript number. bigint rather than safe integers because the
// intermediate products are not bounded by the amounts: a HARDSHIP_TOP_UP multiplies a base in
// fen by persons and by a threshold in 0.01 m² before dividing by the area (a 10-million-yuan base
// × 10 persons × 30.00 m² is 3 × 10^14 already, and a percentage with four decimals adds 10^6
// more), so a number would silently lose digits long before any single line is implausible.
// Each line's exact value is a fraction; it is rounded once, half-up to the fen, and the total is
// the sum of the rounded lines, so what the resident sees always adds up.
import { z } from "zod";
import type { CalendarDay } from "./calendar-day.ts";
import { Tenure } from "../generated/prisma/enums.ts";

// ─────────────────────────── the policy ───────────────────────────

/** The line kinds of DOMAIN.md's table, in its order. */
export const COMPENSATION_LINE_KINDS = [
  "VALUATION",
  "PERCENT_OF",
  "AREA_TOP_UP",
  "TENURE_SHARE",
  "FIXED",
  "DATE_BONUS",
  "HARDSHIP_TOP_UP",
] as const;
export type CompensationLineKind = (typeof COMPENSATION_LINE_KINDS)[number];

const TENURE_VALUES = Object.values(Tenure) as [Tenure, ...Tenure[]];

/** A line's key: stable across edits and moves, what later lines name in their references. */
export const ZLineKey = z.string({ error: "compensation.errors.key" }).regex(/^[A-Za-z0-9_-]{1,40}$/, { error: "compensation.errors.key" });
/** Yuan with at most two decimals, at most 1,000,000,000,000 yuan. */
export const ZMoney = z
  .string({ error: "compensation.errors.money" })
  .trim()
  .regex(/^\d{1,13}(\.\d{1,2})?$/, { error: "compensation.errors.money" });
/** A percentage 0–100 with at most four decimals ("30", "80", "12.5"). */
export const ZPercent = z
  .string({ error: "compensation.errors.percent" })
  .trim()
  .regex(/^\d{1,3}(\.\d{1,4})?$/, { error: "compensation.errors.percent", abort: true })
  .refine((p) => scaledPercent(p) <= 100n * PERCENT_SCALE, { error: "compensation.errors.percent" });
/** Square metres with at most two decimals, above 0 and below 100,000. */
export const ZArea = z
  .string({ error: "compensation.errors.area" })
  .trim()
  .regex(/^\d{1,5}(\.\d{1,2})?$/, { error: "compensation.errors.area", abort: true })
  .refine((a) => centi(a) > 0n, { error: "compensation.errors.area" });
const ZDay = z.iso.date({ error: "compensation.errors.date" });
const ZLabel = z
  .string({ error: "compensation.errors.label" })
  .trim()
  .min(1, { error: "compensation.errors.label" })
  .max(60, { error: "compensation.errors.label" });
/** Named earlier lines: at least one, no repeats (checked against the order by ZCompensationPolicy). */
const ZReferences = z
  .array(ZLineKey)
  .min(1, { error: "compensation.errors.referencesRequired" })
  .max(50)
  .refine((keys) => new Set(keys).size === keys.length, { error: "compensation.errors.referenceRepeated" });

const base = { key: ZLineKey, label: ZLabel };

export const ZPolicyLine = z.discriminatedUnion(
  "kind",
  [
    /** unit price (the household's valuation determination) × building area */
    z.object({ ...base, kind: z.literal("VALUATION") }),
    /** p % × the sum of named earlier lines */
    z.object({ ...base, kind: z.literal("PERCENT_OF"), percent: ZPercent, of: ZReferences }),
    /** unit price × a fixed area per household; only for the named tenures when any are named */
    z.object({
      ...base,
      kind: z.literal("AREA_TOP_UP"),
      area: ZArea,
      tenures: z.array(z.enum(TENURE_VALUES, { error: "compensation.errors.tenure" })).max(TENURE_VALUES.length),
    }),
    /** for the named tenure, −(100 − p) % × the sum of named earlier lines */
    z.object({
      ...base,
      kind: z.literal("TENURE_SHARE"),
      tenure: z.enum(TENURE_VALUES, { error: "compensation.errors.tenure" }),
      percent: ZPercent,
      of: ZReferences,
    }),
    /** an amount per household or per registered person */
    z.object({
      ...base,
      kind: z.literal("FIXED"),
      amount: ZMoney,
      per: z.enum(["HOUSEHOLD", "PERSON"], { error: "compensation.errors.per" }),
    }),
    /** tiers (on or before date → amount) for the signing or the move-out date */
    z.object({
      ...base,
      kind: z.literal("DATE_BONUS"),
      event: z.enum(["SIGNING", "MOVE_OUT"], { error: "compensation.errors.event" }),
      tiers: z
        .array(z.object({ onOrBefore: ZDay, amount: ZMoney }))
        .min(1, { error: "compensation.errors.tiersRequired" })
        .max(12, { error: "compensation.errors.tiersTooMany" }),
    }),
    /** if building area ÷ persons < t m²: (base ÷ area) × persons × t − base, when positive */
    z.object({ ...base, kind: z.literal("HARDSHIP_TOP_UP"), perPersonArea: ZArea, of: ZReferences }),
  ],
  { error: "compensation.errors.kind" },
);
export type TPolicyLine = z.infer<typeof ZPolicyLine>;

/** The most lines a policy may have (real schemes have a dozen or two). */
export const MAX_POLICY_LINES = 50;

/**
 * A policy: its lines in order. Beyond each line's own shape: keys are unique, a reference names
 * an EARLIER line only (so the estimate is one pass and a cycle is impossible), and a
 * DATE_BONUS's tiers are in strictly increasing date order.
 */
export const ZCompensationPolicy = z
  .object({ lines: z.array(ZPolicyLine).max(MAX_POLICY_LINES, { error: "compensation.errors.tooManyLines" }) })
  .superRefine(({ lines }, ctx) => {
    const seen = new Set<string>();
    lines.forEach((line, index) => {
      if (seen.has(line.key)) ctx.addIssue({ code: "custom", path: ["lines", index, "key"], message: "compensation.errors.keyRepeated" });
      if ("of" in line) {
        line.of.forEach((ref, r) => {
          if (!seen.has(ref))
            ctx.addIssue({ code: "custom", path: ["lines", index, "of", r], message: "compensation.errors.referenceNotEarlier" });
        });
      }
      if (line.kind === "DATE_BONUS") {
        for (let t = 1; t < line.tiers.length; t++) {
          if (line.tiers[t]!.onOrBefore <= line.tiers[t - 1]!.onOrBefore)
            ctx.addIssue({ code: "custom", path: ["lines", index, "tiers", t, "onOrBefore"], message: "compensation.errors.tiersOrder" });
        }
      }
      seen.add(line.key);
    });
  });
export type TCompensationPolicy = z.infer<typeof ZCompensationPolicy>;

// ─────────────────────────── exact decimals ───────────────────────────

const PERCENT_SCALE = 10_000n;

/** "62000.5" → 6200050n: a decimal string with at most two decimals, in hundredths. */
export function centi(text: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal with at most two places: ${text}`);
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
}

/** "12.5" → 125000n: a percentage in ten-thousandths of a percent. */
function scaledPercent(text: string): bigint {
  const match = /^(\d+)(?:\.(\d{1,4}))?$/.exec(text.trim());
  if (!match) throw new RangeError(`not a percentage: ${text}`);
  return BigInt(match[1]!) * PERCENT_SCALE + BigInt((match[2] ?? "").padEnd(4, "0"));
}

/** Yuan (a decimal string, at most two places) to fen. */
export function fenOf(yuan: string): bigint {
  return centi(yuan);
}

/**
 * numerator ÷ denominator rounded half-up to an integer, where half-up means half AWAY FROM ZERO
 * (四舍五入 on the magnitude): 0.5 → 1, −0.5 → −1, −0.49 → 0. A negative line (TENURE_SHARE) is
 * thus exactly the negative of the same share rounded as a positive amount, so a deduction and
 * the payment it mirrors never differ by a fen because of their sign.
 */
export function roundHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError("division by zero");
  if (denominator < 0n) return roundHalfUp(-numerator, -denominator);
  const negative = numerator < 0n;
  const magnitude = negative ? -numerator : numerator;
  const rounded = (2n * magnitude + denominator) / (2n * denominator);
  return negative ? -rounded : rounded;
}

/** Fen as a plain decimal string in yuan: −66960000n → "-669600.00". */
export function formatFen(fen: bigint): string {
  const negative = fen < 0n;
  const magnitude = negative ? -fen : fen;
  return `${negative ? "-" : ""}${magnitude / 100n}.${String(magnitude % 100n).padStart(2, "0")}`;
}

// ─────────────────────────── the estimate ───────────────────────────

/** What the estimate needs to know of one household. Decimals are strings, as the database gives them. */
export type EstimateHousehold = {
  tenure: Tenure;
  /** Building area (建筑面积) in m², at most two decimals. */
  buildingArea: string;
  /** Registered persons (户籍人口) — the population determination where there is one. */
  registeredPersons: number;
  /** Yuan per m²: the household's valuation determination; null while it is not determined. */
  unitPrice: string | null;
  /** The signing date and the move-out date (deployment time zone), null while they have not happened. */
  signedOn: CalendarDay | null;
  movedOutOn: CalendarDay | null;
};

/**
 * How a line's amount came about:
 * APPLIED — computed from the household; NOT_APPLICABLE — the line does not apply to it (another
 * tenure, no hardship): 0; NO_UNIT_PRICE — the valuation is not determined yet: 0;
 * EARNED / MISSED — a DATE_BONUS whose event happened, within a tier or after all of them;
 * CONDITIONAL — a DATE_BONUS whose event has not happened: it counts the best tier still
 * reachable (`countedTier`); EXPIRED — not happened and every tier's date has passed: 0.
 */
export type EstimateLineStatus = "APPLIED" | "NOT_APPLICABLE" | "NO_UNIT_PRICE" | "EARNED" | "MISSED" | "CONDITIONAL" | "EXPIRED";

export type EstimateTier = { onOrBefore: CalendarDay; amountFen: bigint; isReachable: boolean };

export type EstimateLine = {
  key: string;
  label: string;
  kind: CompensationLineKind;
  amountFen: bigint;
  status: EstimateLineStatus;
  /** DATE_BONUS only: the event, every tier (what it would give), and the tier counted (EARNED or CONDITIONAL). */
  event?: "SIGNING" | "MOVE_OUT";
  tiers?: EstimateTier[];
  countedTier?: number;
};

export type Estimate = {
  lines: EstimateLine[];
  /** The sum of the rounded lines, conditional DATE_BONUS amounts included. */
  totalFen: bigint;
  /** The part of the total that depends on signing / moving out by a date still ahead. */
  conditionalFen: bigint;
  /** False while the valuation (unit price) is not determined: the estimate lacks its main lines. */
  isComplete: boolean;
};

type Fraction = { n: bigint; d: bigint };
const whole = (n: bigint): Fraction => ({ n, d: 1n });

/**
 * The estimate of DOMAIN.md: the policy's lines applied in order to one household, every line
 * rounded half-up to the fen (see roundHalfUp), the total the sum of the rounded lines.
 *
 * - "Named earlier lines" are summed as ROUNDED amounts — the figures the reader sees — so the
 *   estimate can be checked by hand line by line; lines that do not apply count as 0.
 * - DATE_BONUS: when the event (signing / move-out) has happened, the first tier whose date is on
 *   or after it gives its amount (EARNED), none after the last tier (MISSED). Before it happens,
 *   every tier is shown with what it would give ("if you sign by …") and whether its date is still
 *   reachable (on or after `today`); the line and the total count the BEST reachable tier (the
 *   largest amount, the latest date among equals: the most the household can still get and the
 *   longest time to get it), marked CONDITIONAL and summed again in `conditionalFen` so that a
 *   screen can say how much of the total depends on a date. No reachable tier: 0 (EXPIRED).
 * - The policy is assumed valid (ZCompensationPolicy); a reference to a later or unknown line
 *   throws rather than guessing.
 */
export function estimateCompensation(policy: TCompensationPolicy, household: EstimateHousehold, today: CalendarDay): Estimate {
  const area = centi(household.buildingArea); // 0.01 m²
  const persons = BigInt(household.registeredPersons);
  const price = household.unitPrice === null ? null : fenOf(household.unitPrice); // fen per m²
  const amounts = new Map<string, bigint>();
  const sumOf = (keys: readonly string[]): bigint =>
    keys.reduce((sum, key) => {
      const amount = amounts.get(key);
      if (amount === undefined) throw new RangeError(`line "${key}" is not an earlier line`);
      return sum + amount;
    }, 0n);

  const lines = policy.lines.map((line): EstimateLine => {
    const head = { key: line.key, label: line.label, kind: line.kind };
    let result: Omit<EstimateLine, "key" | "label" | "kind">;
    const applied = (value: Fraction) => ({ amountFen: roundHalfUp(value.n, value.d), status: "APPLIED" as const });
    const zero = (status: EstimateLineStatus) => ({ amountFen: 0n, status });
    switch (line.kind) {
      case "VALUATION":
        result = price === null ? zero("NO_UNIT_PRICE") : applied({ n: price * area, d: 100n });
        break;
      case "PERCENT_OF":
        result = applied({ n: sumOf(line.of) * scaledPercent(line.percent), d: 100n * PERCENT_SCALE });
        break;
      case "AREA_TOP_UP":
        if (line.tenures.length > 0 && !line.tenures.includes(household.tenure)) result = zero("NOT_APPLICABLE");
        else result = price === null ? zero("NO_UNIT_PRICE") : applied({ n: price * centi(line.area), d: 100n });
        break;
      case "TENURE_SHARE": {
        const sum = sumOf(line.of);
        result =
          household.tenure !== line.tenure
            ? zero("NOT_APPLICABLE")
            : applied({ n: -sum * (100n * PERCENT_SCALE - scaledPercent(line.percent)), d: 100n * PERCENT_SCALE });
        break;
      }
      case "FIXED":
        result = applied(whole(fenOf(line.amount) * (line.per === "PERSON" ? persons : 1n)));
        break;
      case "DATE_BONUS":
        result = dateBonus(line, line.event === "SIGNING" ? household.signedOn : household.movedOutOn, today);
        break;
      case "HARDSHIP_TOP_UP": {
        const baseFen = sumOf(line.of);
        const t = centi(line.perPersonArea);
        // area ÷ persons < t  ⇔  area < t × persons (persons > 0); no area, nothing to divide.
        if (persons === 0n || area === 0n || area >= t * persons) {
          result = zero("NOT_APPLICABLE");
          break;
        }
        // (base ÷ area) × persons × t − base = base × (persons × t − area) ÷ area
        const value = { n: baseFen * (persons * t - area), d: area };
        result = value.n > 0n ? applied(value) : zero("NOT_APPLICABLE");
        break;
      }
    }
    amounts.set(line.key, result.amountFen);
    return { ...head, ...result };
  });

  return {
    lines,
    totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0n),
    conditionalFen: lines.reduce((sum, l) => (l.status === "CONDITIONAL" ? sum + l.amountFen : sum), 0n),
    isComplete: price !== null,
  };
}

function dateBonus(
  line: Extract<TPolicyLine, { kind: "DATE_BONUS" }>,
  happenedOn: CalendarDay | null,
  today: CalendarDay,
): Omit<EstimateLine, "key" | "label" | "kind"> {
  const tiers: EstimateTier[] = line.tiers.map((tier) => ({
    onOrBefore: tier.onOrBefore,
    amountFen: fenOf(tier.amount),
    isReachable: happenedOn === null && tier.onOrBefore >= today,
  }));
  const common = { event: line.event, tiers };
  if (happenedOn !== null) {
    // Tiers are in date order: the first one on or after the event is the one it fell in.
    const index = tiers.findIndex((tier) => happenedOn <= tier.onOrBefore);
    return index < 0
      ? { ...common, amountFen: 0n, status: "MISSED" }
      : { ...common, amountFen: tiers[index]!.amountFen, status: "EARNED", countedTier: index };
  }
  let best = -1;
  tiers.forEach((tier, index) => {
    if (tier.isReachable && (best < 0 || tier.amountFen >= tiers[best]!.amountFen)) best = index;
  });
  return best < 0
    ? { ...common, amountFen: 0n, status: "EXPIRED" }
    : { ...common, amountFen: tiers[best]!.amountFen, status: "CONDITIONAL", countedTier: best };
}
