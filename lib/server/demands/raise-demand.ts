import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { householdScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { ZDemandDraft } from "./demand-input.ts";
import { insertDemands } from "./internal/insert-demands.ts";

export const ZRaiseDemandInput = ZDemandDraft.extend({ projectId: z.uuid(), householdId: z.uuid() });

export type RaiseDemandResult = { demandId: string; householdId: string; groupName: string | null };

/**
 * Rule: staff who may reach a household (its project's secretary, its signing group's leader, a
 * member with a task for it) record a demand (诉求) the household raised, on the household page:
 * category, description (required, at most 1000 characters), and the special group it goes to —
 * by default the one for its category (defaultDemandGroup), or another special group of the
 * project chosen on the form. A household out of reach is NOT_FOUND. Audited as "raise:demand".
 */
export async function raiseDemand(actor: Actor, input: unknown): Promise<RaiseDemandResult> {
  requirePermission(actor, "create", "demand");
  const { projectId, householdId, ...draft } = parseInput(ZRaiseDemandInput, input);

  return db().$transaction(async (tx) => {
    const household = await tx.household.findFirst({
      where: { AND: [{ id: householdId, projectId }, householdScope(actor, "create", "demand")] },
      select: { id: true },
    });
    if (!household) throw new AppError("NOT_FOUND");
    const [demandId] = await insertDemands(tx, actor, { projectId, householdId, visitLogId: null, demands: [draft] });
    const demand = await tx.demand.findUniqueOrThrow({ where: { id: demandId! }, select: { routedGroup: { select: { name: true } } } });
    return { demandId: demandId!, householdId, groupName: demand.routedGroup?.name ?? null };
  });
}
