// Demands (诉求) households raised, routed to the special group for their kind, and resolved,
// escalated to the joint conference or still open.

import type { DemandCategory, DemandStatus, GroupSpecialty } from "../../../lib/generated/prisma/enums.ts";
import type { Rng } from "../random.ts";
import * as texts from "../texts.ts";
import type { PlanContext } from "./context.ts";
import { DAY, HOUR } from "./helpers.ts";
import type { HouseholdState, Households } from "./households.ts";
import type { PlannedGroup } from "./options.ts";
import type { ProjectOrganisation } from "./organisation.ts";

/** Which special group a demand is routed to, in order of preference. */
const DEMAND_ROUTES: Record<DemandCategory, GroupSpecialty[]> = {
  COMPENSATION: ["POLICY_CONSULTATION", "POLICY_LAW"],
  RESETTLEMENT_HOUSING: ["RESIDENT_PROBLEMS", "COORDINATION"],
  FAMILY_DISPUTE: ["PEOPLES_MEDIATION", "PETITION_MEDIATION", "POLICY_LAW"],
  HARDSHIP: ["PAIRING_ASSISTANCE", "RESIDENT_PROBLEMS", "COORDINATION"],
  POLICY_QUESTION: ["POLICY_CONSULTATION", "POLICY_LAW"],
  OTHER: ["RESIDENT_PROBLEMS", "COORDINATION"],
};

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
