import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { instantFromWallClock } from "@/lib/domain/calendar-day";
import { dailyReportFigures, sumDailyReportFigures, type DailyReportRows } from "@/lib/domain/daily-report";

const ZONE = "Asia/Shanghai";
const DAY = "2025-03-14";
/** A wall-clock time in Shanghai. */
const at = (local: string) => instantFromWallClock(local, ZONE)!;
const none: DailyReportRows = { signings: [], visits: [], demands: [], tasks: [] };
const task = (overrides: Partial<DailyReportRows["tasks"][number]> = {}): DailyReportRows["tasks"][number] => ({
  status: "OPEN",
  dueDate: DAY,
  createdAt: at("2025-03-10T09:00"),
  completedAt: null,
  cancelledAt: null,
  ...overrides,
});

describe("dailyReportFigures", () => {
  it("is all zeros without rows", () => {
    expect(dailyReportFigures(none, DAY, ZONE)).toEqual({
      signedCount: 0,
      visitCount: 0,
      householdsVisited: 0,
      newDemands: 0,
      demandsResolved: 0,
      overdueTasks: 0,
    });
  });

  it("counts signings, visits and demands by the day in the deployment's zone, not UTC's", () => {
    const rows: DailyReportRows = {
      // 00:10 on the 14th in Shanghai is still the 13th in UTC; 23:50 on the 14th is the 14th in UTC.
      signings: [{ signedAt: at("2025-03-14T00:10") }, { signedAt: at("2025-03-14T23:50") }, { signedAt: at("2025-03-13T23:59") }],
      visits: [
        { householdId: "a", visitedAt: at("2025-03-14T09:00") },
        { householdId: "a", visitedAt: at("2025-03-14T15:00") },
        { householdId: "b", visitedAt: at("2025-03-14T00:00") },
        { householdId: "c", visitedAt: at("2025-03-15T00:00") },
      ],
      demands: [
        { raisedAt: at("2025-03-14T10:00"), resolvedAt: at("2025-03-14T16:00") },
        { raisedAt: at("2025-03-12T10:00"), resolvedAt: at("2025-03-14T08:00") },
        { raisedAt: at("2025-03-14T11:00"), resolvedAt: null },
        { raisedAt: at("2025-03-10T11:00"), resolvedAt: at("2025-03-15T08:00") },
      ],
      tasks: [],
    };
    expect(dailyReportFigures(rows, DAY, ZONE)).toMatchObject({
      signedCount: 2,
      visitCount: 3,
      householdsVisited: 2,
      newDemands: 2,
      demandsResolved: 2,
    });
  });

  it("counts the tasks open at the end of the day that were due on or before it", () => {
    const rows: DailyReportRows = {
      ...none,
      tasks: [
        task({ dueDate: "2025-03-13" }), // overdue
        task({ dueDate: DAY }), // due that day and not done: overdue the next morning
        task({ dueDate: "2025-03-15" }), // due tomorrow: not yet
        task({ status: "IN_PROGRESS", dueDate: "2025-03-12" }), // in progress counts as open
        task({ status: "DONE", dueDate: "2025-03-12", completedAt: at("2025-03-14T18:00") }), // done that day
        task({ status: "DONE", dueDate: "2025-03-12", completedAt: at("2025-03-16T09:00") }), // done later: open that evening
        task({ status: "CANCELLED", dueDate: "2025-03-12", cancelledAt: at("2025-03-15T00:30") }), // cancelled later
        task({ status: "CANCELLED", dueDate: "2025-03-12", cancelledAt: at("2025-03-14T23:30") }), // cancelled that day
        task({ dueDate: "2025-03-12", createdAt: at("2025-03-15T09:00") }), // did not exist yet
        task({ status: "DONE", dueDate: "2025-03-12", completedAt: null }), // closed, time unknown
      ],
    };
    expect(dailyReportFigures(rows, DAY, ZONE).overdueTasks).toBe(5);
  });

  it("households visited never exceeds visits, and every figure counts only rows of the day (property)", () => {
    const instant = fc.date({ min: new Date("2025-03-12T00:00:00Z"), max: new Date("2025-03-17T00:00:00Z"), noInvalidDate: true });
    fc.assert(
      fc.property(
        fc.array(fc.record({ householdId: fc.constantFrom("a", "b", "c", "d"), visitedAt: instant }), { maxLength: 30 }),
        (visits) => {
          const figures = dailyReportFigures({ ...none, visits }, DAY, ZONE);
          expect(figures.householdsVisited).toBeLessThanOrEqual(figures.visitCount);
          const days = ["2025-03-12", "2025-03-13", DAY, "2025-03-15", "2025-03-16", "2025-03-17"];
          const perDay = days.map((d) => dailyReportFigures({ ...none, visits }, d, ZONE).visitCount);
          // Each visit falls on exactly one day.
          expect(perDay.reduce((a, b) => a + b, 0)).toBe(visits.length);
        },
      ),
    );
  });
});

describe("sumDailyReportFigures", () => {
  it("adds each figure", () => {
    const one = { signedCount: 1, visitCount: 2, householdsVisited: 2, newDemands: 0, demandsResolved: 1, overdueTasks: 3 };
    const two = { signedCount: 4, visitCount: 5, householdsVisited: 3, newDemands: 2, demandsResolved: 0, overdueTasks: 1 };
    expect(sumDailyReportFigures([one, two])).toEqual({
      signedCount: 5,
      visitCount: 7,
      householdsVisited: 5,
      newDemands: 2,
      demandsResolved: 1,
      overdueTasks: 4,
    });
    expect(sumDailyReportFigures([]).signedCount).toBe(0);
  });
});
