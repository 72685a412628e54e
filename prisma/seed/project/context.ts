// What every section planner reads: the options with their defaults filled in, the schedule, the
// calendar, the plan being filled and the random streams.

import { randomUUID } from "node:crypto";
import type { ProjectKind } from "../../../lib/generated/prisma/enums.ts";
import { createCalendar, todayInShanghai, type AnchorDate, type Calendar } from "../calendar.ts";
import type { RegionSet } from "../identity.ts";
import type { NameRegion } from "../names.ts";
import { emptyPlan, type Plan } from "../plan.ts";
import { createRng, hashString, type Rng } from "../random.ts";
import { DEFAULT_COMPENSATION } from "./compensation-presets.ts";
import type { CompensationPreset, HousingStyle, ProjectSchedule, SeedProjectOptions } from "./options.ts";

const STYLE_BY_KIND: Record<ProjectKind, HousingStyle> = { OLD_DISTRICT: "LANE", SHANTYTOWN: "ESTATE", VILLAGE: "VILLAGE" };

export type PlanContext = {
  options: SeedProjectOptions;
  anchor: AnchorDate;
  cal: Calendar;
  /** Filled by the section planners, table by table. */
  plan: Plan;
  /** Each section draws from its own fork (root.fork("votes")), so one section's draws never shift another's. */
  root: Rng;
  /**
   * Row ids come from one stream shared by every section, so the sections must run in the same
   * order, and draw ids in the same order, for the ids to stay the same.
   */
  id: (atMs: number) => string;
  code: string;
  name: string;
  kind: ProjectKind;
  style: HousingStyle;
  district: string;
  street: string;
  householdCodePrefix: string;
  regionSet: RegionSet;
  nameRegion: NameRegion;
  staffPassword: string;
  phoneBlock: number;
  firstRoundThreshold: number;
  signingThreshold: number;
  activity: NonNullable<SeedProjectOptions["activity"]>;
  compensation: CompensationPreset;
  /** Days after the agreements take effect within which households move out. */
  relocationDays: number;
  /** What notices count in: certificates (证), dwellings (套) or households (户). */
  countingLabel: string;
  schedule: ProjectSchedule;
  /** When the branch was set up: units, staff, groups and the project are created then. */
  setupAt: number;
  /** When the household roster was imported, a week before the notice. */
  importAt: number;
};

export function createPlanContext(options: SeedProjectOptions): PlanContext {
  const anchor = options.anchor ?? todayInShanghai();
  const cal = createCalendar(anchor);
  const code = options.code ?? generatedCode(options.seed);
  const root = createRng(`${options.seed ?? code}|${code}`);
  const ids = root.fork("ids");
  const kind: ProjectKind = options.kind ?? "OLD_DISTRICT";
  const style = options.housing ?? STYLE_BY_KIND[kind];
  const regionSet: RegionSet = options.regionSet ?? (style === "ESTATE" ? "SHENZHEN" : "SHANGHAI");
  const schedule = resolveSchedule(code, options.schedule ?? {});
  return {
    options,
    anchor,
    cal,
    plan: emptyPlan(),
    root,
    id: (atMs) => ids.uuid7(atMs),
    code,
    name: options.name ?? `${code}项目`,
    kind,
    style,
    district: options.district ?? "示范区",
    street: options.street ?? "示范街道",
    householdCodePrefix: options.householdCodePrefix ?? code.split("-").pop()!,
    regionSet,
    nameRegion: options.nameRegion ?? (regionSet === "SHENZHEN" ? "GUANGDONG" : "SHANGHAI"),
    staffPassword: options.staffPassword ?? "lianxin123",
    phoneBlock: options.phoneBlock ?? 1000 + (hashString(code) % 9000),
    firstRoundThreshold: options.firstRoundThreshold ?? 0.9,
    signingThreshold: options.signingThreshold ?? 0.85,
    activity: options.activity ?? {},
    compensation: options.compensation ?? DEFAULT_COMPENSATION[kind],
    relocationDays: options.relocationDays ?? 30,
    countingLabel: style === "LANE" ? "证" : style === "ESTATE" ? "套" : "户",
    schedule,
    setupAt: cal.at(schedule.branchEstablished, 9).getTime(),
    importAt: cal.at(schedule.noticeStart - 7, 10).getTime(),
  };
}

/** A code stable for a given seed; without one, a fresh code each call. */
function generatedCode(seed: SeedProjectOptions["seed"]): string {
  return `P-${(seed !== undefined ? hashString(String(seed)).toString(36) : randomUUID().slice(0, 8)).toUpperCase()}`;
}

/** Anything not given is derived backwards from the signing start; the phases must not overlap. */
function resolveSchedule(code: string, given: Partial<ProjectSchedule>): ProjectSchedule {
  const signingStart = given.signingStart ?? -14;
  const signingEnd = given.signingEnd ?? signingStart + 42;
  const consultationEnd = given.consultationEnd ?? signingStart - 12;
  const consultationStart = given.consultationStart ?? consultationEnd - 14;
  const noticeEnd = given.noticeEnd ?? consultationStart - 6;
  const noticeStart = given.noticeStart ?? noticeEnd - 29;
  const branchEstablished = given.branchEstablished ?? noticeStart - 15;
  const schedule: ProjectSchedule = {
    branchEstablished,
    noticeStart,
    noticeEnd,
    consultationStart,
    consultationEnd,
    signingStart,
    signingEnd,
  };
  const order = [branchEstablished, noticeStart, noticeEnd, consultationStart, consultationEnd, signingStart, signingEnd];
  for (let i = 1; i < order.length; i++) {
    if (order[i]! < order[i - 1]!) throw new RangeError(`schedule of ${code} is out of order: ${JSON.stringify(schedule)}`);
  }
  return schedule;
}
