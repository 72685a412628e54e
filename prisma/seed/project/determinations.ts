// Determinations (认定与公示) of each household's population, area and valuation, disclosed for
// ten days after the consultation, and the few objections raised against them.

import type { Rng } from "../random.ts";
import * as texts from "../texts.ts";
import type { PlanContext } from "./context.ts";
import { DAY, money } from "./helpers.ts";
import type { HouseholdState, Households } from "./households.ts";
import type { ProjectSchedule } from "./options.ts";

/** The disclosure period's first and last day offsets. */
export function disclosureWindow(schedule: ProjectSchedule): { start: number; end: number } {
  const start = schedule.consultationEnd + 2;
  return { start, end: start + 9 };
}

export function planDeterminations(ctx: PlanContext, { eligible }: Households): void {
  const rDet = ctx.root.fork("determinations");
  const window = disclosureWindow(ctx.schedule);
  if (window.start > -1) return;
  for (const h of eligible) planHouseholdDeterminations(ctx, rDet, window, h);
}

function planHouseholdDeterminations(ctx: PlanContext, rDet: Rng, window: { start: number; end: number }, h: HouseholdState): void {
  const { cal } = ctx;
  const status = window.end < 0 ? "FINAL" : "DISCLOSED";
  const at = cal.at(window.start, 9);
  const unitPrice = Math.round(ctx.compensation.valuationPerSqm * rDet.float(0.92, 1.08));
  const rows = [
    { kind: "POPULATION" as const, population: h.population, amount: null, details: { registered: h.population } },
    { kind: "AREA" as const, population: null, amount: money(h.floorArea), details: { floorArea: h.floorArea } },
    {
      kind: "VALUATION" as const,
      population: null,
      amount: money(unitPrice * h.floorArea),
      details: { unitPrice, floorArea: h.floorArea },
    },
  ];
  for (const row of rows) {
    const determinationId = ctx.id(at.getTime());
    ctx.plan.determinations.push({
      id: determinationId,
      householdId: h.id,
      kind: row.kind,
      status,
      population: row.population,
      amount: row.amount,
      details: row.details,
      disclosureStart: cal.date(window.start),
      disclosureEnd: cal.date(window.end),
      createdAt: at,
      updatedAt: at,
    });
    // The determinations notice invites objections to population and area only.
    if (row.kind !== "VALUATION" && rDet.chance(0.012)) planObjection(ctx, rDet, window, determinationId, h.headName);
  }
}

/** Raised within the disclosure period; resolved once the period is over. */
function planObjection(
  ctx: PlanContext,
  rDet: Rng,
  window: { start: number; end: number },
  determinationId: string,
  raisedBy: string,
): void {
  const { cal } = ctx;
  const raisedAt = cal.at(rDet.int(window.start, Math.min(window.end, -1)), 10 + rDet.next() * 6);
  const resolved = window.end < 0;
  ctx.plan.objections.push({
    id: ctx.id(raisedAt.getTime()),
    determinationId,
    raisedBy,
    content: rDet.pick(texts.OBJECTION_TEXTS),
    raisedAt,
    resolution: resolved ? rDet.pick(texts.OBJECTION_RESOLUTIONS) : null,
    resolvedAt: resolved ? new Date(Math.min(cal.at(-1, 17).getTime(), raisedAt.getTime() + rDet.int(2, 6) * DAY)) : null,
  });
}
