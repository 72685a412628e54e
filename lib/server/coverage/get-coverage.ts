import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { canInProject, requirePermission, type Scope } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { calendarDayOf, type CalendarDay } from "../../domain/calendar-day.ts";
import {
  COVERAGE_DUE_BUCKETS,
  coverageDueBucket,
  coverageStatus,
  type CoverageDueBucket,
  type CoverageHousehold,
  type CoverageRules,
} from "../../domain/field-work.ts";
import { formatPercent, ratio } from "../../domain/rates.ts";
import { serverEnv } from "../../env.ts";
import { AppError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { toSearchParams, UNASSIGNED } from "../households/household-filter.ts";

const ZGetCoverageInput = z.object({
  projectId: z.uuid(),
  /** One signing group only (or "none": households in no group); absent: everything in scope. */
  groupId: z.preprocess((v) => (v === "" ? undefined : v), z.union([z.uuid(), z.literal(UNASSIGNED)]).optional()),
});

export type CoverageCounts = {
  /** Households under a rule. */
  underRule: number;
  within: number;
  due: number;
  /** within ÷ under a rule, two decimals; null when none is under a rule. */
  coverage: string | null;
  /** The due households by how far past their rule. */
  dueBy: Record<CoverageDueBucket, number>;
  /** Due with no OPEN or IN_PROGRESS task: the unassigned queue. */
  dueWithoutTask: number;
};

export type CoverageRow = CoverageCounts & {
  /** A signing group, or null for households in no group. */
  groupId: string | null;
  groupName: string | null;
  /** The household list's query strings of the drill-downs (without "?"). */
  dueQuery: string;
  queueQuery: string;
};

export type CoverageView = {
  project: { id: string; code: string; name: string; version: number };
  rules: CoverageRules;
  today: CalendarDay;
  /** "project": the whole project (secretary, district official); "group": a leader's groups. */
  reach: "project" | "group";
  /** The group the view is narrowed to, if any. */
  groupId: string | null;
  total: CoverageRow;
  /** Per signing group in scope (and "no group" for the whole project when it has such households). */
  groups: CoverageRow[];
  mayEditRules: boolean;
  /** Whether the reader may open the household list (members may not see the whole list). */
  mayListHouseholds: boolean;
};

/** projectScope(actor, "read", "coverage") as a condition on `p` (the project), scope by scope. */
function projectReachSql(actor: Actor, scopes: Scope[]): Prisma.Sql {
  const parts = scopes.flatMap((scope): Prisma.Sql[] => {
    switch (scope) {
      case "all":
        return [Prisma.sql`TRUE`];
      case "project":
        return [Prisma.sql`p.id = ANY(${actor.managedProjectIds}::uuid[])`];
      case "group":
        return [Prisma.sql`p.id = ANY(${[...new Set(actor.ledGroups.map((g) => g.projectId))]}::uuid[])`];
      // The coverage view is granted in none of these scopes; should it be, it reaches nothing
      // here until its condition is written.
      case "own":
      case "task":
        return [];
    }
  });
  return parts.length === 0 ? Prisma.sql`FALSE` : Prisma.sql`(${Prisma.join(parts, " OR ")})`;
}

/** The one row of the coverage statement. */
type CoverageSqlAnswer = {
  project: {
    id: string;
    code: string;
    name: string;
    version: number;
    coverageHardshipDays: number;
    coverageUnsignedDays: number;
  } | null;
  signingGroups: { id: string; name: string }[];
  households: CoverageSqlRow[];
};

type CoverageSqlRow = {
  groupId: string | null;
  isHardship: boolean;
  isElderlySickDisabled: boolean;
  hasFamilyDispute: boolean;
  isExcluded: boolean;
  isSigned: boolean;
  lastVisitDay: string | null;
  hasOpenTask: boolean;
  households: number;
};

function emptyCounts(): CoverageCounts {
  return {
    underRule: 0,
    within: 0,
    due: 0,
    coverage: null,
    dueBy: Object.fromEntries(COVERAGE_DUE_BUCKETS.map((b) => [b, 0])) as Record<CoverageDueBucket, number>,
    dueWithoutTask: 0,
  };
}

/** Adds `households` like this one (one grouped row of the query) to the counts. */
function addHouseholds(
  counts: CoverageCounts,
  household: CoverageHousehold,
  hasOpenTask: boolean,
  n: number,
  rules: CoverageRules,
  today: CalendarDay,
): void {
  const status = coverageStatus(household, rules, today);
  if (status.kind === "none") return;
  counts.underRule += n;
  if (status.kind === "within") {
    counts.within += n;
    return;
  }
  counts.due += n;
  counts.dueBy[coverageDueBucket(status.overdueDays)] += n;
  if (!hasOpenTask) counts.dueWithoutTask += n;
}

function finish(counts: CoverageCounts): CoverageCounts {
  return { ...counts, coverage: formatPercent(ratio(counts.within, counts.underRule)) };
}

function drillDown(groupId: string | null | undefined, extra: Record<string, string>): string {
  const params = toSearchParams({ group: groupId === undefined ? undefined : (groupId ?? UNASSIGNED) });
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

/**
 * Rule: the coverage view (五必访) of DOMAIN.md "Field work" — households under a rule, within
 * it, due, due by how long, coverage %, and the unassigned queue (due, no open task) — for the
 * whole project (its secretary, district officials) or a leader's own signing groups; per group
 * and in total. The households are read with ONE grouped query (each household's last visit from
 * VisitLog(householdId, visitedAt), its calendar day in the deployment's zone), in the same
 * statement as the project and its signing groups; then the pure rules of lib/domain/field-work.ts decide;
 * the drill-down queries (`coverage=due`, `&openTask=no`) select exactly the households counted
 * (tests/integration/coverage-view.test.ts). A project out of reach, or a group outside the reader's, is NOT_FOUND.
 */
export async function getCoverage(actor: Actor, input: unknown): Promise<CoverageView> {
  const scopes = requirePermission(actor, "read", "coverage");
  const { projectId, groupId } = parseInput(ZGetCoverageInput, input);

  const wholeProject = scopes.includes("all") || (scopes.includes("project") && actor.managedProjectIds.includes(projectId));
  const ledHere = actor.ledGroups.filter((g) => g.projectId === projectId).map((g) => g.groupId);
  // Which households: the whole project, one group, or the leader's signing groups.
  const groupCondition =
    groupId === UNASSIGNED
      ? Prisma.sql`AND h."signingGroupId" IS NULL`
      : groupId !== undefined
        ? Prisma.sql`AND h."signingGroupId" = ${groupId}::uuid`
        : wholeProject
          ? Prisma.empty
          : Prisma.sql`AND h."signingGroupId" IN (SELECT g.id FROM "WorkingGroup" g
                                                   WHERE g.id = ANY(${ledHere}::uuid[]) AND g."projectId" = ${projectId}::uuid AND g.kind = 'SIGNING')`;
  const timeZone = serverEnv().LIANXIN_TIME_ZONE;
  const today = calendarDayOf(new Date(), timeZone);

  // One statement, one round trip: the project (if in reach), its signing groups in the reader's
  // reach and the grouped households; the last two only when the project is in reach. A group
  // outside the reader's is refused below, before anything of it is used.
  const [answer] = await db().$queryRaw<[CoverageSqlAnswer]>`
    WITH p AS (
      SELECT p.id, p.code, p.name, p.version, p."coverageHardshipDays", p."coverageUnsignedDays"
      FROM "Project" p
      WHERE p.id = ${projectId}::uuid AND ${projectReachSql(actor, scopes)}
    ), sg AS (
      SELECT g.id, g.name FROM "WorkingGroup" g
      WHERE g."projectId" = ${projectId}::uuid AND g.kind = 'SIGNING' AND EXISTS (SELECT 1 FROM p)
            ${wholeProject ? Prisma.empty : Prisma.sql`AND g.id = ANY(${ledHere}::uuid[])`}
    ), hh AS (
      SELECT h."signingGroupId" AS "groupId", h."isHardship", h."isElderlySickDisabled", h."hasFamilyDispute", h."isExcluded",
             (s.id IS NOT NULL) AS "isSigned",
             to_char(((lv.at AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone})::date, 'YYYY-MM-DD') AS "lastVisitDay",
             EXISTS (SELECT 1 FROM "Task" t WHERE t."householdId" = h.id AND t.status IN ('OPEN', 'IN_PROGRESS')) AS "hasOpenTask",
             count(*)::int AS households
      FROM "Household" h
      LEFT JOIN "Signing" s ON s."householdId" = h.id
      LEFT JOIN LATERAL (SELECT max(v."visitedAt") AS at FROM "VisitLog" v WHERE v."householdId" = h.id) lv ON true
      WHERE h."projectId" = ${projectId}::uuid AND EXISTS (SELECT 1 FROM p) ${groupCondition}
      GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
    )
    SELECT (SELECT row_to_json(p) FROM p) AS project,
           coalesce((SELECT json_agg(sg ORDER BY sg.name) FROM sg), '[]'::json) AS "signingGroups",
           coalesce((SELECT json_agg(hh) FROM hh), '[]'::json) AS households`;
  const { project, signingGroups } = answer;
  const rows = answer.households;
  if (!project) throw new AppError("NOT_FOUND");
  if (groupId !== undefined) {
    const known = groupId === UNASSIGNED ? wholeProject : signingGroups.some((g) => g.id === groupId);
    if (!known) throw new AppError("NOT_FOUND");
  }
  const rules: CoverageRules = { hardshipDays: project.coverageHardshipDays, unsignedDays: project.coverageUnsignedDays };

  const total = emptyCounts();
  const byGroup = new Map<string | null, CoverageCounts>();
  for (const row of rows) {
    const household: CoverageHousehold = {
      isHardship: row.isHardship,
      isElderlySickDisabled: row.isElderlySickDisabled,
      hasFamilyDispute: row.hasFamilyDispute,
      isExcluded: row.isExcluded,
      isSigned: row.isSigned,
      lastVisitDay: row.lastVisitDay,
    };
    addHouseholds(total, household, row.hasOpenTask, row.households, rules, today);
    let counts = byGroup.get(row.groupId);
    if (!counts) byGroup.set(row.groupId, (counts = emptyCounts()));
    addHouseholds(counts, household, row.hasOpenTask, row.households, rules, today);
  }

  const shownGroups = groupId === undefined ? signingGroups : signingGroups.filter((g) => g.id === groupId);
  const groups: CoverageRow[] = shownGroups.map((g) => ({
    groupId: g.id,
    groupName: g.name,
    ...finish(byGroup.get(g.id) ?? emptyCounts()),
    dueQuery: drillDown(g.id, { coverage: "due" }),
    queueQuery: drillDown(g.id, { coverage: "due", openTask: "no" }),
  }));
  if (wholeProject && (groupId === UNASSIGNED || (groupId === undefined && byGroup.has(null)))) {
    groups.push({
      groupId: null,
      groupName: null,
      ...finish(byGroup.get(null) ?? emptyCounts()),
      dueQuery: drillDown(null, { coverage: "due" }),
      queueQuery: drillDown(null, { coverage: "due", openTask: "no" }),
    });
  }
  // The total's drill-down: the narrowed group, else everything the reader's household list shows
  // (a leader's list holds only their groups' households already).
  const totalGroup = groupId === undefined ? undefined : groupId === UNASSIGNED ? null : groupId;
  return {
    project: { id: project.id, code: project.code, name: project.name, version: project.version },
    rules,
    today,
    reach: wholeProject ? "project" : "group",
    groupId: groupId ?? null,
    total: {
      groupId: null,
      groupName: null,
      ...finish(total),
      dueQuery: drillDown(totalGroup, { coverage: "due" }),
      queueQuery: drillDown(totalGroup, { coverage: "due", openTask: "no" }),
    },
    groups,
    mayEditRules: canInProject(actor, "update", "coverage", projectId),
    mayListHouseholds: canInProject(actor, "read", "household", projectId),
  };
}
