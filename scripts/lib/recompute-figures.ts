// Exactness check of the dashboard figures: recomputes every project's figures with plain COUNTs
// straight from the rows — one simple query per figure and project, none of the grouped queries of
// lib/server/dashboard — and compares them with what getProjectDashboard and getDistrictOverview
// return. States are recomputed with householdState() over the rows, so this also proves the
// state SQL and the function agree. Used by tests/integration/dashboard-exactness.test.ts on the
// demo data and by the benchmark at full scale.
import type { Actor } from "../../lib/auth/actor-types.ts";
import type { PrismaClient } from "../../lib/db.ts";
import { calendarDayOf, calendarDayOfDateColumn } from "../../lib/domain/calendar-day.ts";
import { householdState, HOUSEHOLD_STATES, type HouseholdState } from "../../lib/domain/household-state.ts";
import { addDays } from "../../lib/domain/progress.ts";
import { formatPercent, gapToThreshold, hasReachedThreshold, isCleared, ratio, thresholdBasisPoints } from "../../lib/domain/rates.ts";
import { serverEnv } from "../../lib/env.ts";
import { getDistrictOverview } from "../../lib/server/dashboard/get-district-overview.ts";
import { getProjectDashboard } from "../../lib/server/dashboard/get-project-dashboard.ts";

export type FigureMismatch = { project: string; figure: string; expected: unknown; actual: unknown };
export type RecomputeResult = { projects: number; checkedFigures: number; mismatches: FigureMismatch[] };

async function count(client: PrismaClient, sql: string, ...values: unknown[]): Promise<number> {
  const rows = await client.$queryRawUnsafe<{ n: number }[]>(`SELECT (${sql})::int AS n`, ...values);
  return rows[0]!.n;
}

/** `actor` must be a district official (the overview is theirs). */
export async function recomputeFigures(client: PrismaClient, actor: Actor, now: Date = new Date()): Promise<RecomputeResult> {
  const timeZone = serverEnv().LIANXIN_TIME_ZONE;
  const today = calendarDayOf(now, timeZone);
  const local = (column: string) => `((${column} AT TIME ZONE 'UTC') AT TIME ZONE '${timeZone.replace(/'/g, "''")}')`;
  const mismatches: FigureMismatch[] = [];
  let checkedFigures = 0;
  const check = (project: string, figure: string, expected: unknown, actual: unknown) => {
    checkedFigures += 1;
    if (JSON.stringify(expected) !== JSON.stringify(actual)) mismatches.push({ project, figure, expected, actual });
  };

  const overview = await getDistrictOverview(actor, {}, now);
  const projects = await client.project.findMany({
    select: { id: true, code: true, signingStart: true, signingThreshold: true },
    orderBy: { code: "asc" },
  });
  check("district", "projects", projects.length, overview.projects.length);

  let districtEligible = 0;
  let districtSigned = 0;
  for (const p of projects) {
    const id = p.id;
    const eligible = await count(client, `SELECT count(*) FROM "Household" WHERE "projectId" = $1::uuid AND NOT "isExcluded"`, id);
    const signedWhere = `h."projectId" = $1::uuid AND NOT h."isExcluded" AND EXISTS (SELECT 1 FROM "Signing" s WHERE s."householdId" = h."id")`;
    const signed = await count(client, `SELECT count(*) FROM "Household" h WHERE ${signedWhere}`, id);
    const movedOut = await count(
      client,
      `SELECT count(*) FROM "Household" WHERE "projectId" = $1::uuid AND NOT "isExcluded" AND "movedOutAt" IS NOT NULL`,
      id,
    );
    const agreed = await count(
      client,
      `SELECT count(*) FROM "Household" WHERE "projectId" = $1::uuid AND NOT "isExcluded" AND "firstRoundVote" = 'AGREE'`,
      id,
    );
    const partyEligible = await count(
      client,
      `SELECT count(*) FROM "Household" WHERE "projectId" = $1::uuid AND NOT "isExcluded" AND "isPartyMemberHousehold"`,
      id,
    );
    const partySigned = await count(client, `SELECT count(*) FROM "Household" h WHERE ${signedWhere} AND h."isPartyMemberHousehold"`, id);
    const signingStart = p.signingStart ? calendarDayOfDateColumn(p.signingStart) : null;
    const firstDay = signingStart
      ? await count(
          client,
          `SELECT count(*) FROM "Signing" s JOIN "Household" h ON h."id" = s."householdId"
           WHERE s."projectId" = $1::uuid AND NOT h."isExcluded" AND ${local('s."signedAt"')}::date = $2::date`,
          id,
          signingStart,
        )
      : 0;
    districtEligible += eligible;
    districtSigned += signed;

    const bp = thresholdBasisPoints(p.signingThreshold);
    const expected = {
      eligible,
      signed,
      movedOut,
      agreed,
      partyEligible,
      partySigned,
      firstDaySigned: firstDay,
      signingRate: formatPercent(ratio(signed, eligible)),
      firstDayRate: formatPercent(ratio(firstDay, eligible)),
      firstRoundApproval: formatPercent(ratio(agreed, eligible)),
      relocationRate: formatPercent(ratio(movedOut, eligible)),
      partyRate: formatPercent(ratio(partySigned, partyEligible)),
      gapToThreshold: gapToThreshold(signed, eligible, bp),
      hasReachedThreshold: hasReachedThreshold(signed, eligible, bp),
      isCleared: isCleared(movedOut, eligible),
    };

    const dashboard = await getProjectDashboard(actor, { projectId: id }, now);
    for (const [figure, value] of Object.entries(expected))
      check(p.code, figure, value, dashboard.figures[figure as keyof typeof dashboard.figures]);
    const row = overview.projects.find((r) => r.id === id);
    if (!row) mismatches.push({ project: p.code, figure: "overview row", expected: "present", actual: "missing" });
    else
      for (const figure of ["eligible", "signed", "movedOut", "signingRate", "firstDayRate", "relocationRate", "gapToThreshold"] as const) {
        check(p.code, `overview.${figure}`, expected[figure], row.figures[figure]);
      }
    const lastCumulative = dashboard.series.at(-1)?.cumulative ?? 0;
    check(p.code, "series.cumulative", signed, lastCumulative);

    // States: householdState() over the rows.
    const rows = await client.$queryRawUnsafe<
      {
        isExcluded: boolean;
        firstRoundVote: "AGREE" | "DISAGREE" | null;
        movedOutAt: Date | null;
        handedOverAt: Date | null;
        isSigned: boolean;
        hasBeenVisited: boolean;
      }[]
    >(
      `SELECT h."isExcluded", h."firstRoundVote"::text AS "firstRoundVote", h."movedOutAt", h."handedOverAt",
              EXISTS (SELECT 1 FROM "Signing" s WHERE s."householdId" = h."id") AS "isSigned",
              EXISTS (SELECT 1 FROM "VisitLog" v WHERE v."householdId" = h."id") AS "hasBeenVisited"
       FROM "Household" h WHERE h."projectId" = $1::uuid`,
      id,
    );
    const states = Object.fromEntries(HOUSEHOLD_STATES.map((s) => [s, 0])) as Record<HouseholdState, number>;
    for (const r of rows) states[householdState(r)] += 1;
    for (const { state, count: actual } of dashboard.states) check(p.code, `state.${state}`, states[state], actual);

    // League: every signing group of the project, and per group simple counts — the visits of
    // its households on the last 7 calendar days in the zone, their open tasks due before today.
    const since = `${addDays(today, -6)}`;
    const signingGroups = await count(
      client,
      `SELECT count(*) FROM "WorkingGroup" WHERE "projectId" = $1::uuid AND "kind" = 'SIGNING'`,
      id,
    );
    check(p.code, "league.groups", signingGroups, dashboard.league.length);
    for (const entry of dashboard.league) {
      const g = entry.groupId;
      const households = await count(client, `SELECT count(*) FROM "Household" WHERE "signingGroupId" = $1::uuid AND NOT "isExcluded"`, g);
      const groupSigned = await count(
        client,
        `SELECT count(*) FROM "Household" h WHERE h."signingGroupId" = $1::uuid AND NOT h."isExcluded" AND EXISTS (SELECT 1 FROM "Signing" s WHERE s."householdId" = h."id")`,
        g,
      );
      const visits = await count(
        client,
        `SELECT count(*) FROM "VisitLog" v JOIN "Household" h ON h."id" = v."householdId" WHERE h."signingGroupId" = $1::uuid AND ${local('v."visitedAt"')}::date >= $2::date`,
        g,
        since,
      );
      const overdue = await count(
        client,
        `SELECT count(*) FROM "Task" t JOIN "Household" h ON h."id" = t."householdId" WHERE h."signingGroupId" = $1::uuid AND t."status" IN ('OPEN', 'IN_PROGRESS') AND t."dueDate" < $2::date`,
        g,
        today,
      );
      check(p.code, `league.${entry.name}.households`, households, entry.households);
      check(p.code, `league.${entry.name}.signed`, groupSigned, entry.signed);
      check(p.code, `league.${entry.name}.rate`, formatPercent(ratio(groupSigned, households)), entry.rate);
      check(p.code, `league.${entry.name}.visitsLast7Days`, visits, entry.visitsLast7Days);
      check(p.code, `league.${entry.name}.overdueTasks`, overdue, entry.overdueTasks);
    }
  }

  check("district", "totals.eligible", districtEligible, overview.totals.eligible);
  check("district", "totals.signed", districtSigned, overview.totals.signed);
  check("district", "totals.signingRate", formatPercent(ratio(districtSigned, districtEligible)), overview.totals.signingRate);
  const year = today.slice(0, 4);
  const signedThisYear = await count(
    client,
    `SELECT count(*) FROM "Signing" s JOIN "Household" h ON h."id" = s."householdId"
     WHERE NOT h."isExcluded" AND to_char(${local('s."signedAt"')}, 'YYYY') = $1`,
    year,
  );
  check("district", "signedThisYear", signedThisYear, overview.signedThisYear);
  return { projects: projects.length, checkedFigures, mismatches };
}
