// Demands (诉求) households raised, routed to the special group for their kind, and resolved,
// escalated to the joint conference or still open.

import { DEMAND_ROUTES } from "../../../lib/domain/field-work.ts";
import type { DemandCategory, DemandStatus } from "../../../lib/generated/prisma/enums.ts";
import type { Rng } from "../random.ts";
import * as texts from "../texts.ts";
import type { PlanContext } from "./context.ts";
import { DAY, HOUR } from "./helpers.ts";
import type { HouseholdState, Households } from "./households.ts";
import type { PlannedGroup } from "./options.ts";
import type { ProjectOrganisation } from "./organisation.ts";

export function planDemands(ctx: PlanContext, org: ProjectOrganisation, { eligible }: Households, conferenceId: string | null): void {
  const rDemand = ctx.root.fork("demands");
  if (ctx.schedule.noticeStart > -1 || eligible.length === 0) return;
  const specialtyGroup = new Map(org.specialGroups.map((g) => [g.specialty!, g]));
  const demandCount = Math.round((ctx.activity.demandShare ?? 0.08) * eligible.length);
  const raisers = rDemand.shuffle(eligible.slice()).slice(0, demandCount);
  for (const h of raisers) {
    const category = demandCategory(rDemand, h);
    const route = DEMAND_ROUTES[category].map((s) => specialtyGroup.get(s)).find(Boolean);
    planDemand(ctx, org, rDemand, { h, category, route, conferenceId });
  }
  ensureEscalatedDemand(ctx, conferenceId);
}

/** A project with a conference and open demands has at least one escalated to it, whatever the
 *  draws gave (a project nearly all signed has few open demands left). No draw is taken. */
function ensureEscalatedDemand(ctx: PlanContext, conferenceId: string | null): void {
  const demands = ctx.plan.demands;
  if (!conferenceId || demands.some((d) => d.status === "ESCALATED")) return;
  const open = demands.filter((d) => d.status === "OPEN" || d.status === "IN_PROGRESS");
  if (open.length < 2) return;
  const oldest = open.reduce((a, b) => ((a.createdAt as Date) <= (b.createdAt as Date) ? a : b));
  const raisedAt = (oldest.createdAt as Date).getTime();
  const escalatedAt = new Date(Math.max(raisedAt + HOUR, Math.min(ctx.cal.at(-1, 18).getTime(), raisedAt + 2 * DAY)));
  oldest.status = "ESCALATED";
  oldest.escalatedConferenceId = conferenceId;
  oldest.escalatedAt = escalatedAt;
  oldest.updatedAt = escalatedAt;
}

function demandCategory(rDemand: Rng, h: HouseholdState): DemandCategory {
  if (h.hasDispute) return "FAMILY_DISPUTE";
  if (h.isHardship && rDemand.chance(0.6)) return "HARDSHIP";
  return rDemand.weighted([
    ["COMPENSATION", 0.32],
    ["RESETTLEMENT_HOUSING", 0.22],
    ["POLICY_QUESTION", 0.28],
    ["OTHER", 0.1],
    ["HARDSHIP", 0.08],
  ] as const);
}

type Demand = { h: HouseholdState; category: DemandCategory; route: PlannedGroup | undefined; conferenceId: string | null };

/** Raised before the household signed; a signed household's demand was resolved before it signed. */
function planDemand(ctx: PlanContext, org: ProjectOrganisation, rDemand: Rng, { h, category, route, conferenceId }: Demand): void {
  const { cal } = ctx;
  const { noticeStart } = ctx.schedule;
  const endDay = h.signDay ?? -1;
  const createdAt = cal.at(rDemand.int(noticeStart, Math.max(noticeStart, endDay)), 9 + rDemand.next() * 9);
  if (h.signedAt && createdAt >= h.signedAt) createdAt.setTime(h.signedAt.getTime() - 2 * HOUR);
  // Escalation needs a conference to escalate to.
  const status: DemandStatus = h.signedAt
    ? "RESOLVED"
    : rDemand.weighted([
        ["OPEN", 0.35],
        ["IN_PROGRESS", 0.4],
        ["ESCALATED", conferenceId ? 0.1 : 0],
        ["RESOLVED", 0.15],
      ] as const);
  const resolvedAt =
    status === "RESOLVED"
      ? new Date(Math.min((h.signedAt ?? cal.at(0, 0)).getTime() - HOUR, createdAt.getTime() + rDemand.int(1, 6) * DAY))
      : null;
  const escalatedAt =
    status === "ESCALATED" ? new Date(Math.min(cal.at(-1, 18).getTime(), createdAt.getTime() + rDemand.int(2, 8) * DAY)) : null;
  const staff = org.groupStaff[h.group]!;
  ctx.plan.demands.push({
    id: ctx.id(createdAt.getTime()),
    projectId: org.projectId,
    householdId: h.id,
    category,
    status,
    description: texts.demandDescription(rDemand, category),
    routedGroupId: route?.id ?? null,
    escalatedConferenceId: escalatedAt ? conferenceId : null,
    escalatedAt,
    resolution: resolvedAt ? texts.demandResolution(rDemand, category) : null,
    resolvedAt: resolvedAt && resolvedAt > createdAt ? resolvedAt : resolvedAt ? new Date(createdAt.getTime() + HOUR) : null,
    raisedById: rDemand.chance(0.8) ? rDemand.pick(staff) : null,
    createdAt,
    updatedAt: resolvedAt ?? escalatedAt ?? createdAt,
  });
}
