import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { calendarDayOf, calendarDayOfDateColumn, type CalendarDay } from "../../domain/calendar-day.ts";
import type { ProgressFigures } from "../../domain/dashboard.ts";
import { PROJECT_KINDS, PROJECT_PHASES } from "../../domain/options.ts";
import { chineseNames } from "../../domain/progress.ts";
import { formatPercent, ratio, ratioBasisPoints } from "../../domain/rates.ts";
import { serverEnv } from "../../env.ts";
import type { ProjectKind, ProjectPhase } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { readDistrictProgress } from "../figures/district-progress.ts";
import { requireDistrictReader } from "./dashboard-access.ts";

export const OVERVIEW_SORTS = [
  "code",
  "name",
  "households",
  "signed",
  "rate",
  "firstDayRate",
  "relocationRate",
  "daysLeft",
  "risk",
] as const;
export type OverviewSort = (typeof OVERVIEW_SORTS)[number];

/** The risk filter: any risk, one of the two, or on track. */
export const OVERVIEW_RISKS = ["any", "threshold", "full", "none"] as const;
export type OverviewRisk = (typeof OVERVIEW_RISKS)[number];

function firstString(value: unknown): unknown {
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === "string" && first.trim() !== "" ? first.trim() : undefined;
}
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(firstString, schema.optional()).catch(undefined);

/** URL params of the overview; a value that does not parse is dropped, as in the household list. */
export const ZOverviewQuery = z.object({
  sort: lenient(z.enum(OVERVIEW_SORTS)).transform((v) => v ?? "code"),
  dir: lenient(z.enum(["asc", "desc"])).transform((v) => v ?? "asc"),
  kind: lenient(z.enum(PROJECT_KINDS)),
  phase: lenient(z.enum(PROJECT_PHASES)),
  risk: lenient(z.enum(OVERVIEW_RISKS)),
});
export type TOverviewQuery = z.infer<typeof ZOverviewQuery>;

export type OverviewProject = {
  id: string;
  code: string;
  name: string;
  kind: ProjectKind;
  phase: ProjectPhase;
  district: string;
  street: string;
  signingStart: CalendarDay | null;
  signingEnd: CalendarDay | null;
  figures: ProgressFigures;
};

export type OverviewTotals = {
  projects: number;
  eligible: number;
  signed: number;
  signingRate: string | null;
  movedOut: number;
  relocationRate: string | null;
};

export type DistrictOverview = {
  query: TOverviewQuery;
  computedAt: string;
  timeZone: string;
  today: CalendarDay;
  year: number;
  projects: OverviewProject[];
  /** Over the projects shown (the filter applies). */
  totals: OverviewTotals;
  /** Eligible households of the projects shown that signed this calendar year (in the zone). */
  signedThisYear: number;
};

function matchesRisk(filter: OverviewRisk | undefined, risk: ProgressFigures["risk"]): boolean {
  if (!filter) return true;
  if (filter === "any") return risk !== null;
  if (filter === "none") return risk === null;
  return risk === filter;
}

const daysLeftKey = (f: ProgressFigures) => (f.daysLeft === null ? Number.MAX_SAFE_INTEGER : f.periodEnded ? -1 : f.daysLeft);

/** Ascending: on track, then not every household in the period, then the threshold missed. */
const RISK_ORDER = { none: 0, full: 1, threshold: 2 } as const;

function compare(sort: OverviewSort, a: OverviewProject, b: OverviewProject): number {
  const rate = (numerator: number, denominator: number) => ratioBasisPoints(ratio(numerator, denominator)) ?? -1;
  const fa = a.figures;
  const fb = b.figures;
  switch (sort) {
    case "code":
      return a.code.localeCompare(b.code);
    case "name":
      return chineseNames.compare(a.name, b.name);
    case "households":
      return fa.eligible - fb.eligible;
    case "signed":
      return fa.signed - fb.signed;
    case "rate":
      return rate(fa.signed, fa.eligible) - rate(fb.signed, fb.eligible);
    case "firstDayRate":
      return rate(fa.firstDaySigned, fa.eligible) - rate(fb.firstDaySigned, fb.eligible);
    case "relocationRate":
      return rate(fa.movedOut, fa.eligible) - rate(fb.movedOut, fb.eligible);
    case "daysLeft":
      // An ended period first (it has least left), then by the days left; no period last.
      return daysLeftKey(fa) - daysLeftKey(fb);
    case "risk":
      return RISK_ORDER[fa.risk ?? "none"] - RISK_ORDER[fb.risk ?? "none"];
  }
}

/**
 * 全区总览: every project of the district with its figures (the same rules as the project
 * dashboard), its risk (lib/domain's signingRisk: the threshold, or 100%, forecast after the
 * signing end date), totals and this year's signings. District officials only (read:project:all).
 */
export async function getDistrictOverview(actor: Actor, input: unknown, now: Date = new Date()): Promise<DistrictOverview> {
  requireDistrictReader(actor);
  const query = parseInput(ZOverviewQuery, input ?? {});
  const projects = await db().project.findMany({
    where: { AND: [projectScope(actor), query.kind ? { kind: query.kind } : {}, query.phase ? { phase: query.phase } : {}] },
    select: {
      id: true,
      code: true,
      name: true,
      kind: true,
      phase: true,
      district: true,
      street: true,
      signingStart: true,
      signingEnd: true,
      signingThreshold: true,
      firstRoundThreshold: true,
      agreementsEffectiveAt: true,
      signingFailedAt: true,
    },
  });
  const timeZone = serverEnv().LIANXIN_TIME_ZONE;
  const today = calendarDayOf(now, timeZone);
  const year = Number(today.slice(0, 4));
  const progressOf = await readDistrictProgress(projects, today, timeZone);
  const all: OverviewProject[] = projects.map((p) => {
    const signingStart = p.signingStart ? calendarDayOfDateColumn(p.signingStart) : null;
    const signingEnd = p.signingEnd ? calendarDayOfDateColumn(p.signingEnd) : null;
    const { figures } = progressOf.get(p.id)!;
    return {
      id: p.id,
      code: p.code,
      name: p.name,
      kind: p.kind,
      phase: p.phase,
      district: p.district,
      street: p.street,
      signingStart,
      signingEnd,
      figures,
    };
  });
  // The risk is a figure of today, so its filter applies to the computed rows.
  const rows = all.filter((r) => matchesRisk(query.risk, r.figures.risk));
  const direction = query.dir === "desc" ? -1 : 1;
  rows.sort((a, b) => direction * compare(query.sort, a, b) || a.code.localeCompare(b.code));

  const eligible = rows.reduce((sum, r) => sum + r.figures.eligible, 0);
  const signed = rows.reduce((sum, r) => sum + r.figures.signed, 0);
  const movedOut = rows.reduce((sum, r) => sum + r.figures.movedOut, 0);
  const signedThisYear = rows
    .flatMap((r) => progressOf.get(r.id)!.daily)
    .filter((d) => d.day.startsWith(`${year}-`))
    .reduce((sum, d) => sum + d.count, 0);
  return {
    query,
    computedAt: now.toISOString(),
    timeZone,
    today,
    year,
    projects: rows,
    totals: {
      projects: rows.length,
      eligible,
      signed,
      signingRate: formatPercent(ratio(signed, eligible)),
      movedOut,
      relocationRate: formatPercent(ratio(movedOut, eligible)),
    },
    signedThisYear,
  };
}
