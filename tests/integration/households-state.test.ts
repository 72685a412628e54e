// The household list filters and sorts by state in SQL; householdState() (lib/domain) computes it
// in TypeScript. On the whole demo (three projects, every state present) both must agree for
// every household.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { HOUSEHOLD_STATES, householdState, type HouseholdState } from "@/lib/domain/household-state";
import { householdStateWhere } from "@/lib/server/households/household-filter";
import { orderIdsByDerived } from "@/lib/server/households/household-queries";
import { seedDemo } from "@/prisma/seed/demo";

let expected: Map<string, HouseholdState>;

beforeAll(async () => {
  await seedDemo(db(), { anchor: "2025-03-14" });
  // The demo has no household that moved out without handing over, and every household has been
  // visited: make one of each, so that all seven states are checked.
  const handedOver = await db().household.findFirstOrThrow({
    where: { handedOverAt: { not: null }, isExcluded: false },
    select: { id: true },
  });
  await db().household.update({ where: { id: handedOver.id }, data: { handedOverAt: null } });
  const unsigned = await db().household.findMany({
    where: { signing: { is: null }, isExcluded: false, firstRoundVote: { not: "AGREE" } },
    take: 2,
    select: { id: true },
  });
  await db().household.update({ where: { id: unsigned[1]!.id }, data: { firstRoundVote: null } });
  await db().visitLog.deleteMany({ where: { householdId: { in: unsigned.map((h) => h.id) } } });
  const households = await db().household.findMany({
    select: {
      id: true,
      isExcluded: true,
      firstRoundVote: true,
      movedOutAt: true,
      handedOverAt: true,
      signing: { select: { id: true } },
      _count: { select: { visitLogs: true } },
    },
  });
  expected = new Map(
    households.map((h) => [
      h.id,
      householdState({
        isExcluded: h.isExcluded,
        isSigned: h.signing !== null,
        firstRoundVote: h.firstRoundVote,
        movedOutAt: h.movedOutAt,
        handedOverAt: h.handedOverAt,
        hasBeenVisited: h._count.visitLogs > 0,
      }),
    ]),
  );
}, 120_000);

describe("household state: SQL and householdState() agree on the demo", () => {
  it("the demo has households in every state", () => {
    expect(new Set(expected.values())).toEqual(new Set(HOUSEHOLD_STATES));
  });

  it("each state's SQL filter selects exactly the households householdState() puts in it", async () => {
    let covered = 0;
    for (const state of HOUSEHOLD_STATES) {
      const ids = (await db().household.findMany({ where: householdStateWhere(state), select: { id: true } })).map((h) => h.id).sort();
      const want = [...expected]
        .filter(([, s]) => s === state)
        .map(([id]) => id)
        .sort();
      expect(ids, state).toEqual(want);
      covered += ids.length;
    }
    // The states partition the households: none twice, none missing.
    expect(covered).toBe(expected.size);
  });

  it("sorting by state in SQL follows the order of HOUSEHOLD_STATES", async () => {
    const ordered = await orderIdsByDerived([...expected.keys()], "state", "asc");
    const ranks = ordered.map((id) => HOUSEHOLD_STATES.indexOf(expected.get(id)!));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(ordered).toHaveLength(expected.size);
  });
});
