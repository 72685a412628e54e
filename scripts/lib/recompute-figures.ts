// Exactness check of the dashboard figures: recomputes every project's figures with plain COUNTs
// straight from the rows — one simple query per figure and project, none of the grouped queries of
// lib/server/dashboard — and compares them with what getProjectDashboard and getDistrictOverview
// return. States are recomputed with householdState() over the rows, so this also proves the
// state SQL and the function agree. The refined figures (DOMAIN.md: pace over the last 7
// completed days without launch day, forecasts, risk, Party lead by mean days, days left, the
// league's rank) are recomputed here with their own arithmetic, not lib/domain's. Used by tests/integration/dashboard-exactness.test.ts on the
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

/** Calendar-day arithmetic of its own: "YYYY-MM-DD" ± n days, and the days from `from` to `to`
 *  counting both. */
function plusDays(day: string, n: number): string {
  return new Date(Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10)) + n)).toISOString().slice(0, 10);
}
function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}
/** A DECIMAL(5,4) threshold ("0.8500") in basis points. */
function bpOf(threshold: { toString(): string }): number {
  return Math.round(Number(threshold.toString()) * 10000);
}

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
    select: {
      id: true,
      code: true,
      signingStart: true,
      signingEnd: true,
      signingThreshold: true,
      agreementsEffectiveAt: true,
      signingFailedAt: true,
    },
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
    const signingEnd = p.signingEnd ? calendarDayOfDateColumn(p.signingEnd) : null;
    const signedLocalDay = `${local('s."signedAt"')}::date`;
    const signingsOf = (where: string, ...values: unknown[]) =>
      count(
        client,
        `SELECT count(*) FROM "Signing" s JOIN "Household" h ON h."id" = s."householdId"
         WHERE s."projectId" = $1::uuid AND NOT h."isExcluded" AND ${where}`,
        id,
        ...values,
      );

    // Pace: the completed days after the start date, at most the last 7 (yesterday back).
    let pace: { signings: number; days: number; perDay: string } | null = null;
    if (signingStart) {
      const to = plusDays(today, -1);
      const from = [plusDays(signingStart, 1), plusDays(today, -7)].sort().at(-1)!;
      const days = dayCount(from, to);
      if (days >= 3) {
        const inWindow = await signingsOf(`${signedLocalDay} BETWEEN $2::date AND $3::date`, from, to);
        pace = { signings: inWindow, days, perDay: (Math.round((inWindow * 10) / days) / 10).toFixed(1) };
      }
    }
    const required = Math.ceil((bpOf(p.signingThreshold) * eligible) / 10000 - 1e-9);
    const forecast = (target: number) => {
      if (eligible === 0 || !pace) return signed >= target && eligible > 0 ? { kind: "reached" } : { kind: "noPace" };
      if (signed >= target) return { kind: "reached" };
      if (pace.signings === 0) return { kind: "noPace" };
      return { kind: "on", day: plusDays(today, Math.ceil(((target - signed) * pace.days) / pace.signings)) };
    };
    const forecastThreshold = forecast(required);
    const forecastFull = forecast(eligible);
    const started = signingStart !== null && signingStart <= today;
    const after = (f: { kind: string; day?: string }) =>
      f.kind === "noPace" || (f.kind === "on" && signingEnd !== null && f.day! > signingEnd);
    let risk: "threshold" | "full" | null = null;
    if (eligible > 0 && pace && started && !p.signingFailedAt) {
      if (after(forecastThreshold)) risk = "threshold";
      else if ((signingEnd === null || today <= signingEnd) && after(forecastFull)) risk = "full";
    }

    // Party lead, each side: first-day signings and the mean (and median) days from the start.
    const lead = async (party: boolean) => {
      const where = `${party ? "" : "NOT "}h."isPartyMemberHousehold"`;
      const sideFirstDay = signingStart ? await signingsOf(`${where} AND ${signedLocalDay} = $2::date`, signingStart) : 0;
      const rows = signingStart
        ? await client.$queryRawUnsafe<{ mean: string | null; median: number | null }[]>(
            `SELECT round(avg(${signedLocalDay} - $2::date), 1)::text AS mean,
                    percentile_cont(0.5) WITHIN GROUP (ORDER BY ${signedLocalDay} - $2::date) AS median
             FROM "Signing" s JOIN "Household" h ON h."id" = s."householdId"
             WHERE s."projectId" = $1::uuid AND NOT h."isExcluded" AND ${where}`,
            id,
            signingStart,
          )
        : [{ mean: null, median: null }];
      return { firstDay: sideFirstDay, mean: rows[0]!.mean, median: rows[0]!.median === null ? null : Number(rows[0]!.median) };
    };
    const partySide = await lead(true);
    const otherSide = await lead(false);
    const otherEligible = eligible - partyEligible;
    const otherSigned = signed - partySigned;

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
      requiredForThreshold: required,
      partyFirstDaySigned: partySide.firstDay,
      partyFirstDayRate: formatPercent(ratio(partySide.firstDay, partyEligible)),
      partyMeanDays: partySide.mean,
      partyMedianDays: partySide.median,
      otherEligible,
      otherSigned,
      otherRate: formatPercent(ratio(otherSigned, otherEligible)),
      otherFirstDaySigned: otherSide.firstDay,
      otherFirstDayRate: formatPercent(ratio(otherSide.firstDay, otherEligible)),
      otherMeanDays: otherSide.mean,
      otherMedianDays: otherSide.median,
      pace,
      forecastThreshold,
      forecastFull,
      risk,
      isAtRisk: risk !== null,
      daysLeft: signingEnd === null ? null : Math.max(0, dayCount(today, signingEnd) - 1),
      periodEnded: signingEnd !== null && today > signingEnd,
      agreementStatus: p.signingFailedAt ? "failed" : p.agreementsEffectiveAt ? "effective" : "pending",
    };

    const dashboard = await getProjectDashboard(actor, { projectId: id }, now);
    for (const [figure, value] of Object.entries(expected))
      check(p.code, figure, value, dashboard.figures[figure as keyof typeof dashboard.figures]);
    const row = overview.projects.find((r) => r.id === id);
    if (!row) mismatches.push({ project: p.code, figure: "overview row", expected: "present", actual: "missing" });
    else
      for (const figure of [
        "eligible",
        "signed",
        "movedOut",
        "signingRate",
        "firstDayRate",
        "relocationRate",
        "gapToThreshold",
        "pace",
        "forecastThreshold",
        "forecastFull",
        "risk",
        "daysLeft",
        "periodEnded",
      ] as const) {
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
    const recounted: { groupId: string; name: string; households: number; signed: number }[] = [];
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
      recounted.push({ groupId: g, name: entry.name, households, signed: groupSigned });
    }
    // Rank: by the rate to the basis point, then signed, then name; equal rate and signed share one.
    const bpOfGroup = (r: { households: number; signed: number }) =>
      r.households === 0 ? -1 : Math.floor((2 * r.signed * 10000 + r.households) / (2 * r.households));
    const collator = new Intl.Collator("zh-CN");
    const ordered = [...recounted].sort((a, b) => bpOfGroup(b) - bpOfGroup(a) || b.signed - a.signed || collator.compare(a.name, b.name));
    ordered.forEach((r, i) => {
      const rank = 1 + ordered.findIndex((o) => bpOfGroup(o) === bpOfGroup(r) && o.signed === r.signed);
      check(p.code, `league.${r.name}.rank`, rank, dashboard.league.find((e) => e.groupId === r.groupId)?.rank);
      check(p.code, `league.order.${i}`, r.groupId, dashboard.league[i]?.groupId);
    });
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
