import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupYuan } from "@/components/compensation/money";
import {
  centi,
  COMPENSATION_LINE_KINDS,
  estimateCompensation,
  formatFen,
  roundHalfUp,
  ZCompensationPolicy,
  type EstimateHousehold,
  type TCompensationPolicy,
  type TPolicyLine,
} from "@/lib/domain/compensation";

// The worked example of DOMAIN.md: signing starts 2025-03-01 (day 1), so day 1–10 is on or before
// 2025-03-10 and day 11–30 on or before 2025-03-30; signed on day 3, moved out in time.
const WORKED_POLICY: TCompensationPolicy = {
  lines: [
    { key: "valuation", label: "评估价格", kind: "VALUATION" },
    { key: "subsidy", label: "价格补贴", kind: "PERCENT_OF", percent: "30", of: ["valuation"] },
    { key: "topUp", label: "套型面积补贴", kind: "AREA_TOP_UP", area: "15", tenures: [] },
    { key: "share", label: "公房承租", kind: "TENURE_SHARE", tenure: "PUBLIC_LEASE", percent: "80", of: ["valuation", "subsidy", "topUp"] },
    {
      key: "hardship",
      label: "居住困难保障",
      kind: "HARDSHIP_TOP_UP",
      perPersonArea: "22",
      of: ["valuation", "subsidy", "topUp", "share"],
    },
    { key: "fixed", label: "补助", kind: "FIXED", amount: "1000", per: "HOUSEHOLD" },
    {
      key: "signing",
      label: "签约奖励",
      kind: "DATE_BONUS",
      event: "SIGNING",
      tiers: [
        { onOrBefore: "2025-03-10", amount: "150000" },
        { onOrBefore: "2025-03-30", amount: "100000" },
      ],
    },
    { key: "moveOut", label: "搬迁奖励", kind: "DATE_BONUS", event: "MOVE_OUT", tiers: [{ onOrBefore: "2025-04-30", amount: "50000" }] },
  ],
};

const WORKED_HOUSEHOLD: EstimateHousehold = {
  tenure: "PUBLIC_LEASE",
  buildingArea: "30.00",
  registeredPersons: 5,
  unitPrice: "62000",
  signedOn: "2025-03-03",
  movedOutOn: "2025-04-20",
};

const yuan = (estimate: ReturnType<typeof estimateCompensation>) => estimate.lines.map((l) => formatFen(l.amountFen));
const one = (line: TPolicyLine, household: Partial<EstimateHousehold> = {}, today = "2025-03-05") =>
  estimateCompensation({ lines: [line] }, { ...WORKED_HOUSEHOLD, ...household }, today).lines[0]!;

describe("the worked example of DOMAIN.md", () => {
  it("is a valid policy", () => {
    expect(ZCompensationPolicy.safeParse(WORKED_POLICY).success).toBe(true);
  });

  it("gives every line and the total to the fen", () => {
    const estimate = estimateCompensation(WORKED_POLICY, WORKED_HOUSEHOLD, "2025-05-01");
    expect(yuan(estimate)).toEqual([
      "1860000.00",
      "558000.00",
      "930000.00",
      "-669600.00",
      "7142400.00",
      "1000.00",
      "150000.00",
      "50000.00",
    ]);
    expect(formatFen(estimate.totalFen)).toBe("10021800.00");
    expect(estimate.conditionalFen).toBe(0n);
    expect(estimate.isComplete).toBe(true);
    expect(estimate.lines.map((l) => l.status)).toEqual([
      "APPLIED",
      "APPLIED",
      "APPLIED",
      "APPLIED",
      "APPLIED",
      "APPLIED",
      "EARNED",
      "EARNED",
    ]);
  });

  it("before signing, counts the best tier still reachable and marks it conditional", () => {
    const estimate = estimateCompensation(WORKED_POLICY, { ...WORKED_HOUSEHOLD, signedOn: null, movedOutOn: null }, "2025-03-02");
    expect(formatFen(estimate.totalFen)).toBe("10021800.00");
    expect(formatFen(estimate.conditionalFen)).toBe("200000.00");
    const signing = estimate.lines[6]!;
    expect(signing.status).toBe("CONDITIONAL");
    expect(signing.countedTier).toBe(0);
    expect(signing.tiers!.map((t) => [t.onOrBefore, formatFen(t.amountFen), t.isReachable])).toEqual([
      ["2025-03-10", "150000.00", true],
      ["2025-03-30", "100000.00", true],
    ]);
  });
});

describe("each line kind", () => {
  it("VALUATION: unit price × building area, with two-decimal areas", () => {
    expect(formatFen(one({ key: "v", label: "v", kind: "VALUATION" }, { buildingArea: "30.25", unitPrice: "62000.50" }).amountFen)).toBe(
      // 62,000.50 × 30.25 = 1,875,515.125 → 1,875,515.13
      "1875515.13",
    );
  });

  it("VALUATION without a valuation determination: 0, NO_UNIT_PRICE, estimate incomplete", () => {
    const estimate = estimateCompensation(
      { lines: [{ key: "v", label: "v", kind: "VALUATION" }] },
      { ...WORKED_HOUSEHOLD, unitPrice: null },
      "2025-03-05",
    );
    expect(estimate.lines[0]).toMatchObject({ amountFen: 0n, status: "NO_UNIT_PRICE" });
    expect(estimate.isComplete).toBe(false);
  });

  it("PERCENT_OF: p % of the named earlier lines only, with decimals in the percentage", () => {
    const estimate = estimateCompensation(
      {
        lines: [
          { key: "a", label: "a", kind: "FIXED", amount: "1000", per: "HOUSEHOLD" },
          { key: "b", label: "b", kind: "FIXED", amount: "333.33", per: "HOUSEHOLD" },
          { key: "p", label: "p", kind: "PERCENT_OF", percent: "12.5", of: ["b"] },
          { key: "q", label: "q", kind: "PERCENT_OF", percent: "100", of: ["a", "p"] },
        ],
      },
      WORKED_HOUSEHOLD,
      "2025-03-05",
    );
    // 12.5 % × 333.33 = 41.66625 → 41.67; 100 % × (1000 + 41.67) uses the ROUNDED 41.67.
    expect(yuan(estimate)).toEqual(["1000.00", "333.33", "41.67", "1041.67"]);
  });

  it("AREA_TOP_UP: unit price × fixed area, only for the named tenures when any are named", () => {
    const line: TPolicyLine = { key: "t", label: "t", kind: "AREA_TOP_UP", area: "15.50", tenures: ["PRIVATE_PROPERTY"] };
    expect(formatFen(one(line, { tenure: "PRIVATE_PROPERTY" }).amountFen)).toBe("961000.00");
    expect(one(line, { tenure: "PUBLIC_LEASE" })).toMatchObject({ amountFen: 0n, status: "NOT_APPLICABLE" });
  });

  it("TENURE_SHARE: −(100 − p) % for the named tenure, nothing for another", () => {
    const lines: TPolicyLine[] = [
      { key: "a", label: "a", kind: "FIXED", amount: "1000", per: "HOUSEHOLD" },
      { key: "s", label: "s", kind: "TENURE_SHARE", tenure: "PUBLIC_LEASE", percent: "80", of: ["a"] },
    ];
    expect(yuan(estimateCompensation({ lines }, WORKED_HOUSEHOLD, "2025-03-05"))).toEqual(["1000.00", "-200.00"]);
    const other = estimateCompensation({ lines }, { ...WORKED_HOUSEHOLD, tenure: "PRIVATE_PROPERTY" }, "2025-03-05");
    expect(other.lines[1]).toMatchObject({ amountFen: 0n, status: "NOT_APPLICABLE" });
  });

  it("FIXED: per household, or per registered person", () => {
    expect(formatFen(one({ key: "f", label: "f", kind: "FIXED", amount: "1000", per: "HOUSEHOLD" }).amountFen)).toBe("1000.00");
    expect(formatFen(one({ key: "f", label: "f", kind: "FIXED", amount: "2500.50", per: "PERSON" }).amountFen)).toBe("12502.50");
  });

  describe("DATE_BONUS", () => {
    const line: TPolicyLine = {
      key: "d",
      label: "d",
      kind: "DATE_BONUS",
      event: "SIGNING",
      tiers: [
        { onOrBefore: "2025-03-10", amount: "150000" },
        { onOrBefore: "2025-03-30", amount: "100000" },
      ],
    };

    it("after the event: the tier it fell in, the date itself included", () => {
      expect(one(line, { signedOn: "2025-03-10" })).toMatchObject({ amountFen: 15_000_000n, status: "EARNED", countedTier: 0 });
      expect(one(line, { signedOn: "2025-03-11" })).toMatchObject({ amountFen: 10_000_000n, status: "EARNED", countedTier: 1 });
      expect(one(line, { signedOn: "2025-03-31" })).toMatchObject({ amountFen: 0n, status: "MISSED" });
    });

    it("before the event: the best tier reachable from today, conditional; none reachable, 0", () => {
      expect(one(line, { signedOn: null }, "2025-03-10")).toMatchObject({ amountFen: 15_000_000n, status: "CONDITIONAL", countedTier: 0 });
      const later = one(line, { signedOn: null }, "2025-03-11");
      expect(later).toMatchObject({ amountFen: 10_000_000n, status: "CONDITIONAL", countedTier: 1 });
      expect(later.tiers!.map((t) => t.isReachable)).toEqual([false, true]);
      expect(one(line, { signedOn: null }, "2025-03-31")).toMatchObject({ amountFen: 0n, status: "EXPIRED" });
    });

    it("the move-out date for a move-out bonus", () => {
      const moveOut: TPolicyLine = { ...line, event: "MOVE_OUT" } as TPolicyLine;
      expect(one(moveOut, { signedOn: "2025-03-01", movedOutOn: "2025-03-20" })).toMatchObject({
        amountFen: 10_000_000n,
        status: "EARNED",
      });
      expect(one(moveOut, { signedOn: "2025-03-01", movedOutOn: null }, "2025-03-05")).toMatchObject({ status: "CONDITIONAL" });
    });
  });

  describe("HARDSHIP_TOP_UP", () => {
    const lines: TPolicyLine[] = [
      { key: "a", label: "a", kind: "FIXED", amount: "600000", per: "HOUSEHOLD" },
      { key: "h", label: "h", kind: "HARDSHIP_TOP_UP", perPersonArea: "22", of: ["a"] },
    ];
    const run = (buildingArea: string, registeredPersons: number) =>
      estimateCompensation({ lines }, { ...WORKED_HOUSEHOLD, buildingArea, registeredPersons }, "2025-03-05").lines[1]!;

    it("tops the base up to t m² a person when the area a person is below t", () => {
      // 600,000 ÷ 30 × 2 × 22 − 600,000 = 280,000
      expect(formatFen(run("30", 2).amountFen)).toBe("280000.00");
      // 600,000 ÷ 33.33 × 2 × 22 − 600,000 = 192,079.207… → 192,079.21
      expect(formatFen(run("33.33", 2).amountFen)).toBe("192079.21");
    });

    it("nothing when the area a person is t or more, or there is nobody registered", () => {
      expect(run("44", 2)).toMatchObject({ amountFen: 0n, status: "NOT_APPLICABLE" });
      expect(run("44.01", 2)).toMatchObject({ amountFen: 0n, status: "NOT_APPLICABLE" });
      expect(run("30", 0)).toMatchObject({ amountFen: 0n, status: "NOT_APPLICABLE" });
      // 600,000 × (44 − 43.99) ÷ 43.99 = 136.3946… → 136.39
      expect(formatFen(run("43.99", 2).amountFen)).toBe("136.39");
    });
  });

  it("the policy's kinds are DOMAIN.md's table", () => {
    expect(COMPENSATION_LINE_KINDS).toEqual([
      "VALUATION",
      "PERCENT_OF",
      "AREA_TOP_UP",
      "TENURE_SHARE",
      "FIXED",
      "DATE_BONUS",
      "HARDSHIP_TOP_UP",
    ]);
  });
});

describe("rounding half-up to the fen", () => {
  it("rounds a half fen away from zero, for positive and negative lines alike", () => {
    expect(roundHalfUp(5n, 10n)).toBe(1n);
    expect(roundHalfUp(-5n, 10n)).toBe(-1n);
    expect(roundHalfUp(4n, 10n)).toBe(0n);
    expect(roundHalfUp(-4n, 10n)).toBe(0n);
    expect(roundHalfUp(15n, 10n)).toBe(2n);
    expect(roundHalfUp(-15n, 10n)).toBe(-2n);
  });

  it("a TENURE_SHARE of exactly half a fen is −0.01 (half away from zero), the mirror of the positive +0.01", () => {
    // The tenant keeps 87.5 %: −12.5 % × 0.04 yuan = −0.005 yuan → −0.01; 12.5 % × 0.04 = 0.005 → 0.01.
    const lines: TPolicyLine[] = [
      { key: "a", label: "a", kind: "FIXED", amount: "0.04", per: "HOUSEHOLD" },
      { key: "s", label: "s", kind: "TENURE_SHARE", tenure: "PUBLIC_LEASE", percent: "87.5", of: ["a"] },
      { key: "p", label: "p", kind: "PERCENT_OF", percent: "12.5", of: ["a"] },
    ];
    const estimate = estimateCompensation({ lines }, WORKED_HOUSEHOLD, "2025-03-05");
    expect(yuan(estimate)).toEqual(["0.04", "-0.01", "0.01"]);
    expect(formatFen(estimate.totalFen)).toBe("0.04");
  });

  it("the total is the sum of the ROUNDED lines, not the rounded exact sum", () => {
    // 0.3333 % × 2.00 yuan = 0.6666 fen → 0.01 each: the lines give 2.03, the exact sum (2.019998) would give 2.02.
    const lines: TPolicyLine[] = [
      { key: "a", label: "a", kind: "FIXED", amount: "2", per: "HOUSEHOLD" },
      { key: "b", label: "b", kind: "PERCENT_OF", percent: "0.3333", of: ["a"] },
      { key: "c", label: "c", kind: "PERCENT_OF", percent: "0.3333", of: ["a"] },
      { key: "d", label: "d", kind: "PERCENT_OF", percent: "0.3333", of: ["a"] },
    ];
    const estimate = estimateCompensation({ lines }, WORKED_HOUSEHOLD, "2025-03-05");
    expect(yuan(estimate)).toEqual(["2.00", "0.01", "0.01", "0.01"]);
    expect(formatFen(estimate.totalFen)).toBe("2.03");
  });

  it("formats fen as yuan with two decimals", () => {
    expect(formatFen(-66_960_000n)).toBe("-669600.00");
    expect(formatFen(-1n)).toBe("-0.01");
    expect(formatFen(0n)).toBe("0.00");
    expect(centi("30")).toBe(3000n);
    expect(centi("0.5")).toBe(50n);
  });

  it("groups yuan by thousands on the digits, for the screens", () => {
    expect(groupYuan("10021800.00")).toBe("10,021,800.00");
    expect(groupYuan("-669600.00")).toBe("-669,600.00");
    expect(groupYuan("999.99")).toBe("999.99");
    expect(groupYuan("0.01")).toBe("0.01");
  });
});

describe("policy validation", () => {
  const issues = (policy: unknown) => {
    const parsed = ZCompensationPolicy.safeParse(policy);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  };

  it("refuses a reference to a later line, to itself or to an unknown line", () => {
    const later = {
      lines: [
        { key: "p", label: "p", kind: "PERCENT_OF", percent: "30", of: ["v"] },
        { key: "v", label: "v", kind: "VALUATION" },
      ],
    };
    expect(issues(later)).toEqual(["lines.0.of.0: compensation.errors.referenceNotEarlier"]);
    expect(issues({ lines: [{ key: "p", label: "p", kind: "PERCENT_OF", percent: "30", of: ["p"] }] })).toEqual([
      "lines.0.of.0: compensation.errors.referenceNotEarlier",
    ]);
  });

  it("refuses percentages out of 0–100, bad amounts and areas, repeated keys and references", () => {
    const v = { key: "v", label: "v", kind: "VALUATION" };
    expect(issues({ lines: [v, { key: "p", label: "p", kind: "PERCENT_OF", percent: "100.01", of: ["v"] }] })).toEqual([
      "lines.1.percent: compensation.errors.percent",
    ]);
    expect(issues({ lines: [v, { key: "p", label: "p", kind: "PERCENT_OF", percent: "-1", of: ["v"] }] })).toEqual([
      "lines.1.percent: compensation.errors.percent",
    ]);
    expect(issues({ lines: [v, { key: "p", label: "p", kind: "PERCENT_OF", percent: "30", of: [] }] })).toEqual([
      "lines.1.of: compensation.errors.referencesRequired",
    ]);
    expect(issues({ lines: [v, { key: "p", label: "p", kind: "PERCENT_OF", percent: "30", of: ["v", "v"] }] })).toEqual([
      "lines.1.of: compensation.errors.referenceRepeated",
    ]);
    expect(issues({ lines: [{ key: "f", label: "f", kind: "FIXED", amount: "1.005", per: "HOUSEHOLD" }] })).toEqual([
      "lines.0.amount: compensation.errors.money",
    ]);
    expect(issues({ lines: [{ key: "t", label: "t", kind: "AREA_TOP_UP", area: "0", tenures: [] }] })).toEqual([
      "lines.0.area: compensation.errors.area",
    ]);
    expect(issues({ lines: [v, v] })).toEqual(["lines.1.key: compensation.errors.keyRepeated"]);
    expect(issues({ lines: [{ key: "v", label: " ", kind: "VALUATION" }] })).toEqual(["lines.0.label: compensation.errors.label"]);
    expect(issues({ lines: [{ key: "x", label: "x", kind: "GUARANTEED_MINIMUM" }] })).toEqual(["lines.0.kind: compensation.errors.kind"]);
  });

  it("refuses tiers out of date order", () => {
    const line = {
      key: "d",
      label: "d",
      kind: "DATE_BONUS",
      event: "SIGNING",
      tiers: [
        { onOrBefore: "2025-03-30", amount: "100000" },
        { onOrBefore: "2025-03-10", amount: "150000" },
      ],
    };
    expect(issues({ lines: [line] })).toEqual(["lines.0.tiers.1.onOrBefore: compensation.errors.tiersOrder"]);
    expect(issues({ lines: [{ ...line, tiers: [] }] })).toEqual(["lines.0.tiers: compensation.errors.tiersRequired"]);
  });
});

// ─── properties ───

const arbMoney = fc.bigInt({ min: 0n, max: 100_000_000_00n }).map((fen) => formatFen(fen));
const arbPercent = fc.integer({ min: 0, max: 1_000_000 }).map((v) => `${Math.floor(v / 10_000)}.${String(v % 10_000).padStart(4, "0")}`);
const arbArea = fc.integer({ min: 1, max: 50_000 }).map((c) => formatFen(BigInt(c)));
const arbTenure = fc.constantFrom("PUBLIC_LEASE" as const, "PRIVATE_PROPERTY" as const, "OTHER" as const);
const arbDay = fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2025, 2, 1 + d)).toISOString().slice(0, 10));

/** A random valid policy: each line's references are a random subset of the lines before it. */
const arbPolicy: fc.Arbitrary<TCompensationPolicy> = fc
  .array(
    fc.tuple(
      fc.constantFrom(...COMPENSATION_LINE_KINDS),
      arbPercent,
      arbMoney,
      arbArea,
      arbTenure,
      fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
      fc.uniqueArray(arbDay, { minLength: 1, maxLength: 4 }),
      fc.array(arbMoney, { minLength: 4, maxLength: 4 }),
      fc.boolean(),
    ),
    { minLength: 1, maxLength: 12 },
  )
  .map((specs) => {
    const lines: TPolicyLine[] = [];
    specs.forEach(([kind, percent, amount, area, tenure, pick, days, amounts, flag], index) => {
      const key = `l${index}`;
      const of = lines.filter((_, i) => pick[i]).map((l) => l.key);
      const refs = of.length > 0 ? of : lines.length > 0 ? [lines[0]!.key] : null;
      const label = key;
      switch (refs === null && ["PERCENT_OF", "TENURE_SHARE", "HARDSHIP_TOP_UP"].includes(kind) ? "VALUATION" : kind) {
        case "VALUATION":
          return lines.push({ key, label, kind: "VALUATION" });
        case "PERCENT_OF":
          return lines.push({ key, label, kind: "PERCENT_OF", percent, of: refs! });
        case "AREA_TOP_UP":
          return lines.push({ key, label, kind: "AREA_TOP_UP", area, tenures: flag ? [tenure] : [] });
        case "TENURE_SHARE":
          return lines.push({ key, label, kind: "TENURE_SHARE", tenure, percent, of: refs! });
        case "FIXED":
          return lines.push({ key, label, kind: "FIXED", amount, per: flag ? "PERSON" : "HOUSEHOLD" });
        case "DATE_BONUS": {
          const sorted = [...days].sort();
          return lines.push({
            key,
            label,
            kind: "DATE_BONUS",
            event: flag ? "SIGNING" : "MOVE_OUT",
            tiers: sorted.map((onOrBefore, i) => ({ onOrBefore, amount: amounts[i]! })),
          });
        }
        case "HARDSHIP_TOP_UP":
          return lines.push({ key, label, kind: "HARDSHIP_TOP_UP", perPersonArea: area, of: refs! });
      }
    });
    return { lines };
  });

const arbHousehold: fc.Arbitrary<EstimateHousehold> = fc.record({
  tenure: arbTenure,
  buildingArea: fc.integer({ min: 0, max: 50_000 }).map((c) => formatFen(BigInt(c))),
  registeredPersons: fc.integer({ min: 0, max: 12 }),
  unitPrice: fc.option(arbMoney, { nil: null }),
  signedOn: fc.option(arbDay, { nil: null }),
  movedOutOn: fc.option(arbDay, { nil: null }),
});

/** A random order of the lines in which every line still comes after the lines it names. */
function reorder(policy: TCompensationPolicy, choices: number[]): TCompensationPolicy {
  const remaining = [...policy.lines];
  const placed = new Set<string>();
  const out: TPolicyLine[] = [];
  let c = 0;
  while (remaining.length > 0) {
    const ready = remaining.filter((l) => !("of" in l) || l.of.every((k) => placed.has(k)));
    const chosen = ready[(choices[c++ % choices.length] ?? 0) % ready.length]!;
    remaining.splice(remaining.indexOf(chosen), 1);
    placed.add(chosen.key);
    out.push(chosen);
  }
  return { lines: out };
}

describe("properties", () => {
  it("every generated policy is valid, and its lines always add up to the total", () => {
    fc.assert(
      fc.property(arbPolicy, arbHousehold, arbDay, (policy, household, today) => {
        expect(ZCompensationPolicy.safeParse(policy).success).toBe(true);
        const estimate = estimateCompensation(policy, household, today);
        expect(estimate.lines.map((l) => l.key)).toEqual(policy.lines.map((l) => l.key));
        expect(estimate.totalFen).toBe(estimate.lines.reduce((s, l) => s + l.amountFen, 0n));
        expect(estimate.conditionalFen).toBe(
          estimate.lines.filter((l) => l.status === "CONDITIONAL").reduce((s, l) => s + l.amountFen, 0n),
        );
      }),
      { numRuns: 300 },
    );
  });

  it("order matters only through references: any order that keeps references earlier gives every line the same amount", () => {
    fc.assert(
      fc.property(
        arbPolicy,
        arbHousehold,
        arbDay,
        fc.array(fc.nat(100), { minLength: 1, maxLength: 12 }),
        (policy, household, today, choices) => {
          const byKey = (p: TCompensationPolicy) =>
            Object.fromEntries(estimateCompensation(p, household, today).lines.map((l) => [l.key, l.amountFen]));
          const shuffled = reorder(policy, choices);
          expect(ZCompensationPolicy.safeParse(shuffled).success).toBe(true);
          expect(byKey(shuffled)).toEqual(byKey(policy));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("rounding is within half a fen of the exact value, and symmetric in sign", () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), (n, d) => {
        const r = roundHalfUp(n, d);
        const error = r * d - n; // (rounded − exact) × d
        expect(2n * (error < 0n ? -error : error) <= d).toBe(true);
        expect(roundHalfUp(-n, d)).toBe(-r);
      }),
    );
  });

  it("a DATE_BONUS not yet happened counts the largest amount among the tiers still reachable", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(arbDay, { minLength: 1, maxLength: 5 }),
        fc.array(arbMoney, { minLength: 5, maxLength: 5 }),
        arbDay,
        (days, amounts, today) => {
          const tiers = [...days].sort().map((onOrBefore, i) => ({ onOrBefore, amount: amounts[i]! }));
          const line = one({ key: "d", label: "d", kind: "DATE_BONUS", event: "SIGNING", tiers }, { signedOn: null }, today);
          const reachable = tiers.filter((t) => t.onOrBefore >= today).map((t) => centi(t.amount));
          expect(line.amountFen).toBe(reachable.reduce((m, a) => (a > m ? a : m), 0n));
          expect(line.status).toBe(reachable.length > 0 ? "CONDITIONAL" : "EXPIRED");
        },
      ),
    );
  });
});
