// The demo's compensation data, from the pure plan: the demo project's published policy applied
// to the demo resident's household gives DOMAIN.md's worked example to the fen, and every
// generated project's policy is valid.
import { describe, expect, it } from "vitest";
import { calendarDayOfDateColumn } from "@/lib/domain/calendar-day";
import { estimateCompensation, formatFen, ZCompensationPolicy, type TPolicyLine } from "@/lib/domain/compensation";
import { planDemo } from "../../prisma/seed/demo.ts";
import { DEMO_ACCOUNTS } from "../../prisma/seed/demo-accounts.ts";

const ANCHOR = "2026-12-02";

describe("the demo's compensation policy", () => {
  const demo = planDemo({ anchor: ANCHOR });
  const { plan } = demo;
  const publishedLines = (projectId: string): TPolicyLine[] => {
    const policy = plan.policies.find((p) => p.projectId === projectId)!;
    return plan.compensationItems
      .filter((i) => i.policyId === policy.id && i.stage === "PUBLISHED")
      .sort((a, b) => a.position - b.position)
      .map((i) => ({ ...(i.params as object), key: i.key, kind: i.kind, label: i.label }) as TPolicyLine);
  };

  it("every project's published policy is valid and equals its draft", () => {
    for (const project of plan.projects) {
      const policy = plan.policies.find((p) => p.projectId === project.id)!;
      expect(policy.publishedVersion).toBe(1);
      expect(ZCompensationPolicy.safeParse({ lines: publishedLines(project.id) }).success).toBe(true);
      const stages = plan.compensationItems.filter((i) => i.policyId === policy.id);
      expect(stages.filter((i) => i.stage === "DRAFT").map((i) => i.params)).toEqual(
        stages.filter((i) => i.stage === "PUBLISHED").map((i) => i.params),
      );
    }
  });

  it("the demo resident's estimate is the worked example of DOMAIN.md to the fen", () => {
    const hp = demo.projects.hp.project;
    const row = plan.households.find((h) => h.projectId === hp.id && h.code === DEMO_ACCOUNTS.resident.householdCode)!;
    expect(row).toMatchObject({ tenure: "PUBLIC_LEASE", floorArea: "30.00", registeredPopulation: 5 });
    const valuation = plan.determinations.find((d) => d.householdId === row.id && d.kind === "VALUATION")!;
    expect(valuation.details).toMatchObject({ unitPrice: 62000 });
    expect(plan.signings.some((s) => s.householdId === row.id)).toBe(false);

    const estimate = estimateCompensation(
      { lines: publishedLines(hp.id) },
      { tenure: "PUBLIC_LEASE", buildingArea: "30.00", registeredPersons: 5, unitPrice: "62000", signedOn: null, movedOutOn: null },
      ANCHOR,
    );
    expect(estimate.lines.map((l) => formatFen(l.amountFen))).toEqual([
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
    // Unsigned three weeks into signing: the 150,000 tier is still reachable, and conditional.
    expect(formatFen(estimate.conditionalFen)).toBe("200000.00");
    expect(estimate.lines[6]!.tiers![0]!.onOrBefore).toBe(
      calendarDayOfDateColumn(new Date(new Date(hp.signingStart!).getTime() + 29 * 86_400_000)),
    );
  });
});
