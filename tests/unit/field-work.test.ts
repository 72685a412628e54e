import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canMoveDemand,
  canRerouteDemand,
  coverageDueBucket,
  coverageFigures,
  coverageRuleDays,
  coverageStatus,
  DEFAULT_COVERAGE_RULES,
  DEMAND_CATEGORIES,
  DEMAND_ROUTES,
  DEMAND_STATUSES,
  defaultDemandGroup,
  demandClock,
  isTaskOverdue,
  spreadRoundRobin,
  type CoverageHousehold,
} from "@/lib/domain/field-work";
import type { GroupSpecialty } from "@/lib/generated/prisma/enums";
import { addDays } from "@/lib/domain/progress";

const TODAY = "2026-12-01";
const household = (overrides: Partial<CoverageHousehold> = {}): CoverageHousehold => ({
  isHardship: false,
  isElderlySickDisabled: false,
  hasFamilyDispute: false,
  isExcluded: false,
  isSigned: false,
  lastVisitDay: TODAY,
  ...overrides,
});

describe("overdue tasks", () => {
  it("an open task due before today is overdue; due today, done or cancelled is not", () => {
    expect(isTaskOverdue({ status: "OPEN", dueDate: "2026-11-30" }, TODAY)).toBe(true);
    expect(isTaskOverdue({ status: "IN_PROGRESS", dueDate: "2026-11-30" }, TODAY)).toBe(true);
    expect(isTaskOverdue({ status: "OPEN", dueDate: TODAY }, TODAY)).toBe(false);
    expect(isTaskOverdue({ status: "DONE", dueDate: "2026-11-01" }, TODAY)).toBe(false);
    expect(isTaskOverdue({ status: "CANCELLED", dueDate: "2026-11-01" }, TODAY)).toBe(false);
  });
});

describe("coverage rules (五必访)", () => {
  const rules = DEFAULT_COVERAGE_RULES;

  it("hardship households every 7 days, unsigned ones every 14, the stricter when both, none for signed or excluded", () => {
    expect(coverageRuleDays(household({ isHardship: true, isSigned: true }), rules)).toBe(7);
    expect(coverageRuleDays(household({ isElderlySickDisabled: true, isSigned: true }), rules)).toBe(7);
    expect(coverageRuleDays(household({ hasFamilyDispute: true, isSigned: true }), rules)).toBe(7);
    expect(coverageRuleDays(household(), rules)).toBe(14);
    expect(coverageRuleDays(household({ isHardship: true }), rules)).toBe(7);
    expect(coverageRuleDays(household({ isSigned: true }), rules)).toBeNull();
    expect(coverageRuleDays(household({ isExcluded: true }), rules)).toBeNull();
    expect(coverageRuleDays(household({ isExcluded: true, hasFamilyDispute: true }), rules)).toBe(7);
  });

  it("a visit exactly N days ago is within an N-day rule; one day more is due by one day; never visited is due", () => {
    expect(coverageStatus(household({ lastVisitDay: addDays(TODAY, -14) }), rules, TODAY)).toEqual({
      kind: "within",
      ruleDays: 14,
      daysSinceVisit: 14,
    });
    expect(coverageStatus(household({ lastVisitDay: addDays(TODAY, -15) }), rules, TODAY)).toEqual({
      kind: "due",
      ruleDays: 14,
      daysSinceVisit: 15,
      overdueDays: 1,
    });
    expect(coverageStatus(household({ lastVisitDay: null }), rules, TODAY)).toEqual({
      kind: "due",
      ruleDays: 14,
      daysSinceVisit: null,
      overdueDays: null,
    });
    expect(coverageStatus(household({ isSigned: true, lastVisitDay: null }), rules, TODAY)).toEqual({ kind: "none" });
  });

  it("coverage = households within their rule ÷ households under a rule, two decimals", () => {
    const households = [
      household({ lastVisitDay: addDays(TODAY, -3) }),
      household({ lastVisitDay: addDays(TODAY, -20) }),
      household({ isHardship: true, lastVisitDay: addDays(TODAY, -8) }),
      household({ isSigned: true, lastVisitDay: null }),
    ];
    expect(coverageFigures(households, rules, TODAY)).toEqual({ underRule: 3, within: 1, due: 2, coverage: "33.33" });
    expect(coverageFigures([household({ isSigned: true })], rules, TODAY)).toEqual({ underRule: 0, within: 0, due: 0, coverage: null });
  });

  it("within + due = under a rule, and a household is never both", () => {
    const arbitraryHousehold = fc.record({
      isHardship: fc.boolean(),
      isElderlySickDisabled: fc.boolean(),
      hasFamilyDispute: fc.boolean(),
      isExcluded: fc.boolean(),
      isSigned: fc.boolean(),
      lastVisitDay: fc.option(fc.integer({ min: 0, max: 60 }).map((ago) => addDays(TODAY, -ago))),
    });
    fc.assert(
      fc.property(
        fc.array(arbitraryHousehold, { maxLength: 50 }),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 30 }),
        (households, hardshipDays, unsignedDays) => {
          const figures = coverageFigures(households, { hardshipDays, unsignedDays }, TODAY);
          expect(figures.within + figures.due).toBe(figures.underRule);
          expect(figures.underRule).toBe(households.filter((h) => coverageRuleDays(h, { hardshipDays, unsignedDays }) !== null).length);
        },
      ),
    );
  });
});

describe("demand clock", () => {
  const raisedAt = new Date("2026-12-01T09:00:00+08:00");
  const after = (hours: number) => new Date(raisedAt.getTime() + hours * 3_600_000);

  it("a policy question (2 days): green with more than 25% left, amber from 36 h to 48 h, red after", () => {
    const clock = (hours: number) => demandClock({ category: "POLICY_QUESTION", raisedAt, resolvedAt: null }, after(hours)).colour;
    expect(clock(0)).toBe("green");
    expect(clock(35.9)).toBe("green");
    expect(clock(36)).toBe("amber");
    expect(clock(48)).toBe("amber");
    expect(clock(48.01)).toBe("red");
  });

  it("stops when resolved: a hardship demand resolved within 3 days stays green however late it is read", () => {
    const resolved = demandClock({ category: "HARDSHIP", raisedAt, resolvedAt: after(24) }, after(24 * 30));
    expect(resolved).toMatchObject({ colour: "green", elapsedMs: 24 * 3_600_000, targetMs: 3 * 24 * 3_600_000 });
  });

  it("the other categories have 7 days", () => {
    for (const category of ["FAMILY_DISPUTE", "COMPENSATION", "RESETTLEMENT_HOUSING", "OTHER"] as const) {
      expect(demandClock({ category, raisedAt, resolvedAt: null }, after(24 * 7)).colour).toBe("amber");
      expect(demandClock({ category, raisedAt, resolvedAt: null }, after(24 * 7 + 1)).colour).toBe("red");
    }
  });
});

describe("bulk assignment spread", () => {
  it("fills the least-loaded member first, ties to the one listed first", () => {
    const members = [
      { id: "a", openTasks: 2 },
      { id: "b", openTasks: 0 },
      { id: "c", openTasks: 1 },
    ];
    expect(spreadRoundRobin(["h1", "h2", "h3", "h4", "h5", "h6"], members).map((x) => x.assigneeId)).toEqual([
      "b",
      "b",
      "c",
      "a",
      "b",
      "c",
    ]);
  });

  it("every household gets exactly one assignee and the loads end within one of each other when they start equal", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 5 }),
        (count, memberCount, start) => {
          const members = Array.from({ length: memberCount }, (_, i) => ({ id: `m${i}`, openTasks: start }));
          const spread = spreadRoundRobin(
            Array.from({ length: count }, (_, i) => i),
            members,
          );
          expect(spread.map((x) => x.household)).toEqual(Array.from({ length: count }, (_, i) => i));
          const loads = members.map((m) => spread.filter((x) => x.assigneeId === m.id).length);
          expect(loads.reduce((a, b) => a + b, 0)).toBe(count);
          expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
        },
      ),
    );
  });

  it("refuses an empty member list", () => {
    expect(() => spreadRoundRobin(["h1"], [])).toThrow();
  });
});

describe("demand routing", () => {
  const group = (id: string, specialty: GroupSpecialty | null) => ({ id, specialty });

  it("every category routes somewhere among the specialties, each list without repeats", () => {
    for (const category of DEMAND_CATEGORIES) {
      expect(DEMAND_ROUTES[category].length).toBeGreaterThan(0);
      expect(new Set(DEMAND_ROUTES[category]).size).toBe(DEMAND_ROUTES[category].length);
    }
  });

  it("takes the first specialty of the category's list the project has, whatever the groups' order", () => {
    const groups = [group("law", "POLICY_LAW"), group("consult", "POLICY_CONSULTATION"), group("mediate", "PEOPLES_MEDIATION")];
    expect(defaultDemandGroup("COMPENSATION", groups)?.id).toBe("consult");
    expect(defaultDemandGroup("FAMILY_DISPUTE", groups)?.id).toBe("mediate");
    expect(defaultDemandGroup("COMPENSATION", [group("law", "POLICY_LAW")])?.id).toBe("law");
  });

  it("of two groups of one specialty, the first listed; none fitting → null", () => {
    const groups = [group("a", "RESIDENT_PROBLEMS"), group("b", "RESIDENT_PROBLEMS")];
    expect(defaultDemandGroup("OTHER", groups)?.id).toBe("a");
    expect(defaultDemandGroup("OTHER", [group("p", "PUBLICITY"), group("s", null)])).toBeNull();
    expect(defaultDemandGroup("HARDSHIP", [])).toBeNull();
  });
});

describe("demand moves", () => {
  it("start only from open; escalate from open or in progress; resolve from anything not resolved", () => {
    expect(DEMAND_STATUSES.filter((s) => canMoveDemand(s, "start"))).toEqual(["OPEN"]);
    expect(DEMAND_STATUSES.filter((s) => canMoveDemand(s, "escalate"))).toEqual(["OPEN", "IN_PROGRESS"]);
    expect(DEMAND_STATUSES.filter((s) => canMoveDemand(s, "resolve"))).toEqual(["OPEN", "IN_PROGRESS", "ESCALATED"]);
    expect(DEMAND_STATUSES.filter((s) => canRerouteDemand(s))).toEqual(["OPEN", "IN_PROGRESS", "ESCALATED"]);
  });
});

describe("coverage due buckets", () => {
  it("never visited, then 1–7, 8–14 and more than 14 days past the rule", () => {
    expect(coverageDueBucket(null)).toBe("never");
    expect([1, 7, 8, 14, 15, 400].map(coverageDueBucket)).toEqual(["days1to7", "days1to7", "days8to14", "days8to14", "over14", "over14"]);
  });
});
