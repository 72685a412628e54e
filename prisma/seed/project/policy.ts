// The compensation policy (征收补偿方案), published with the notice: its lines as a draft and, once
// the notice is out, as the published copy residents' estimates read. Resident logins that name an
// estimateAs shape get those facts and determinations, so a demo estimate is a known figure.

import { calendarDayOfDateColumn } from "../../../lib/domain/calendar-day.ts";
import { ZCompensationPolicy, type TPolicyLine } from "../../../lib/domain/compensation.ts";
import type { PlanContext } from "./context.ts";
import { money } from "./helpers.ts";
import type { CompensationPresetLine, EstimateShape, PresetDay } from "./options.ts";

export function planCompensationPolicy(ctx: PlanContext, projectId: string): void {
  const { cal, compensation } = ctx;
  const { noticeStart, signingStart, signingEnd } = ctx.schedule;
  const policyId = ctx.id(cal.at(noticeStart, 9).getTime());
  const relocationEnd = signingEnd + ctx.relocationDays;
  const dayOf = (by: PresetDay) =>
    calendarDayOfDateColumn(
      cal.date(by.from === "SIGNING_START" ? signingStart + by.days : by.from === "SIGNING_END" ? signingEnd : relocationEnd),
    );
  const lines = ZCompensationPolicy.parse({ lines: compensation.items.map((item) => policyLine(item, dayOf)) }).lines;
  const isPublished = noticeStart <= -1;
  const at = cal.at(noticeStart - 3, 10);
  ctx.plan.policies.push({
    id: policyId,
    projectId,
    version: 1,
    publishedVersion: isPublished ? 1 : null,
    publishedAt: isPublished ? cal.at(noticeStart, 9) : null,
    createdAt: at,
    updatedAt: isPublished ? cal.at(noticeStart, 9) : at,
  });
  for (const stage of isPublished ? (["DRAFT", "PUBLISHED"] as const) : (["DRAFT"] as const)) {
    lines.forEach(({ key, kind, label, ...params }, position) => {
      ctx.plan.compensationItems.push({
        id: ctx.id(cal.at(noticeStart, 9).getTime()),
        policyId,
        stage,
        position,
        key,
        kind,
        label,
        params,
      });
    });
  }
  for (const resident of ctx.options.accounts?.residents ?? []) {
    if (resident.estimateAs) shapeHousehold(ctx, resident.householdCode, resident.estimateAs);
  }
}

/** A preset line with its tiers' days worked out. A signing period shorter than a tier ("the first
 *  30 days" of a 10-day period) leaves that tier out: the next one covers its days. */
function policyLine(item: CompensationPresetLine, dayOf: (by: PresetDay) => string): TPolicyLine {
  if (item.kind !== "DATE_BONUS") return item;
  const tiers = item.tiers.map((tier) => ({ onOrBefore: dayOf(tier.by), amount: tier.amount }));
  return { ...item, tiers: tiers.filter((tier, i) => tiers.slice(i + 1).every((later) => later.onOrBefore > tier.onOrBefore)) };
}

/** Gives one planned household the estimate's facts and its population, area and valuation
 *  determinations the same figures. Draws nothing, so every other row stays as it was. */
function shapeHousehold(ctx: PlanContext, code: string, shape: EstimateShape): void {
  const row = ctx.plan.households.find((h) => h.code === code);
  if (!row) throw new RangeError(`estimateAs for unknown household ${code} in ${ctx.code}`);
  row.tenure = shape.tenure;
  row.floorArea = money(shape.floorArea);
  row.registeredPopulation = shape.population;
  for (const d of ctx.plan.determinations) {
    if (d.householdId !== row.id) continue;
    if (d.kind === "POPULATION") Object.assign(d, { population: shape.population, details: { registered: shape.population } });
    if (d.kind === "AREA") Object.assign(d, { amount: money(shape.floorArea), details: { floorArea: shape.floorArea } });
    if (d.kind === "VALUATION")
      Object.assign(d, {
        amount: money(shape.unitPrice * shape.floorArea),
        details: { unitPrice: shape.unitPrice, floorArea: shape.floorArea },
      });
  }
}
