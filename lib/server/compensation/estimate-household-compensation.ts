import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { can, requirePermission } from "../../auth/permissions.ts";
import { householdScope, projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { calendarDayOf, type CalendarDay } from "../../domain/calendar-day.ts";
import { estimateCompensation, formatFen, type CompensationLineKind, type EstimateLineStatus } from "../../domain/compensation.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { Tenure } from "../../generated/prisma/enums.ts";
import { parseInput } from "../../validation.ts";
import { workflowClock } from "../signing/workflow.ts";
import { linesOf, policyItemSelect } from "./internal/policy-lines.ts";

export const ZEstimateHouseholdCompensationInput = z.object({
  /** With householdCode: a household of that project. Both omitted: the actor's own household. */
  projectId: z.uuid().optional(),
  householdCode: z.string().trim().min(1, { error: "compensation.errors.householdCode" }).max(40).optional(),
  /** DRAFT: the secretary's preview of the draft; only who may read the policy gets it. */
  stage: z.enum(["PUBLISHED", "DRAFT"]).default("PUBLISHED"),
});

/** Amounts are yuan with two decimals as strings ("-669600.00"): exact, and plain data for any client. */
export type HouseholdEstimate = {
  household: {
    code: string;
    address: string;
    tenure: Tenure;
    floorArea: string;
    registeredPersons: number;
    unitPrice: string | null;
    signedOn: CalendarDay | null;
    movedOutOn: CalendarDay | null;
  };
  stage: "PUBLISHED" | "DRAFT";
  today: CalendarDay;
  /** Null when the project has no policy in that stage (nothing published yet). */
  estimate: {
    publishedAt: Date | null;
    lines: {
      key: string;
      label: string;
      kind: CompensationLineKind;
      amount: string;
      status: EstimateLineStatus;
      event?: "SIGNING" | "MOVE_OUT";
      tiers?: { onOrBefore: CalendarDay; amount: string; isReachable: boolean }[];
      countedTier?: number;
    }[];
    total: string;
    conditional: string;
    isComplete: boolean;
  } | null;
};

const householdSelect = {
  id: true,
  projectId: true,
  code: true,
  address: true,
  tenure: true,
  floorArea: true,
  registeredPopulation: true,
  movedOutAt: true,
  signing: { select: { signedAt: true } },
  determinations: { where: { kind: "VALUATION" }, select: { status: true, details: true } },
} satisfies Prisma.HouseholdSelect;

/** The unit price of a valuation determination (元/m², `details.unitPrice`), as a decimal string. */
function unitPriceOf(details: Prisma.JsonValue): string | null {
  const value = details !== null && typeof details === "object" && !Array.isArray(details) ? details.unitPrice : undefined;
  if (typeof value === "number" && Number.isFinite(value) && value >= 0) return value.toFixed(2);
  if (typeof value === "string" && /^\d+(\.\d{1,2})?$/.test(value)) return value;
  return null;
}

/**
 * Rule: the compensation estimate of one household (DOMAIN.md "Compensation estimate", computed
 * by estimateCompensation) for staff who can read that household, and for a resident only their
 * own household — any other is not found — and only from the PUBLISHED policy and published
 * determinations. The unit price is the household's valuation determination; the dates are the
 * signing and move-out days in the deployment's time zone; `today` decides which date bonuses
 * are still reachable.
 */
export async function estimateHouseholdCompensation(actor: Actor, input: unknown): Promise<HouseholdEstimate> {
  requirePermission(actor, "read", "estimate");
  const { projectId, householdCode, stage } = parseInput(ZEstimateHouseholdCompensationInput, input);
  const isResident = actor.role === "RESIDENT";
  let target: Prisma.HouseholdWhereInput;
  if (householdCode !== undefined) {
    if (projectId === undefined && !isResident) throw new AppError("NOT_FOUND");
    target = projectId === undefined ? { code: householdCode } : { projectId, code: householdCode };
  } else {
    if (!actor.householdId) throw new AppError("NOT_FOUND");
    target = { id: actor.householdId };
  }
  const prisma = db();
  const household = await prisma.household.findFirst({
    where: { AND: [target, householdScope(actor, "read", "estimate")] },
    select: householdSelect,
  });
  if (!household) throw new AppError("NOT_FOUND");
  if (stage === "DRAFT") {
    // The draft is the editor's: only who may read the policy of that project previews it.
    const readable = can(actor, "read", "compensation")
      ? await prisma.project.count({ where: { AND: [{ id: household.projectId }, projectScope(actor, "read", "compensation")] } })
      : 0;
    if (readable === 0) throw new AppError("NOT_FOUND");
  }

  const { now, timeZone } = workflowClock();
  const today = calendarDayOf(now, timeZone);
  const valuation = household.determinations.find((d) => !isResident || d.status !== "DRAFT");
  const facts = {
    tenure: household.tenure,
    buildingArea: household.floorArea.toFixed(2),
    registeredPersons: household.registeredPopulation,
    unitPrice: valuation ? unitPriceOf(valuation.details) : null,
    signedOn: household.signing ? calendarDayOf(household.signing.signedAt, timeZone) : null,
    movedOutOn: household.movedOutAt ? calendarDayOf(household.movedOutAt, timeZone) : null,
  };
  const policy = await prisma.compensationPolicy.findUnique({
    where: { projectId: household.projectId },
    select: { publishedVersion: true, publishedAt: true, items: { where: { stage }, select: policyItemSelect } },
  });
  const hasStage = policy !== null && (stage === "DRAFT" || policy.publishedVersion !== null);
  const result = hasStage ? estimateCompensation({ lines: linesOf(policy.items) }, facts, today) : null;
  return {
    household: {
      code: household.code,
      address: household.address,
      tenure: facts.tenure,
      floorArea: facts.buildingArea,
      registeredPersons: facts.registeredPersons,
      unitPrice: facts.unitPrice,
      signedOn: facts.signedOn,
      movedOutOn: facts.movedOutOn,
    },
    stage,
    today,
    estimate:
      result === null
        ? null
        : {
            publishedAt: stage === "PUBLISHED" ? policy!.publishedAt : null,
            lines: result.lines.map((line) => ({
              key: line.key,
              label: line.label,
              kind: line.kind,
              amount: formatFen(line.amountFen),
              status: line.status,
              ...(line.event ? { event: line.event } : {}),
              ...(line.tiers
                ? {
                    tiers: line.tiers.map((t) => ({
                      onOrBefore: t.onOrBefore,
                      amount: formatFen(t.amountFen),
                      isReachable: t.isReachable,
                    })),
                  }
                : {}),
              ...(line.countedTier !== undefined ? { countedTier: line.countedTier } : {}),
            })),
            total: formatFen(result.totalFen),
            conditional: formatFen(result.conditionalFen),
            isComplete: result.isComplete,
          },
  };
}
