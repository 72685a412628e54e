import "server-only";
import type { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { canMoveDemand } from "../../domain/field-work.ts";
import { requiredText } from "../../validation.ts";
import { DEMAND_RESOLUTION_MAX } from "./demand-input.ts";
import { refuse, runDemandMove, withStatus, ZDemandMoveTarget, type DemandMoveResult } from "./internal/move-demand.ts";

export const ZResolveDemandInput = ZDemandMoveTarget.extend({ resolution: requiredText(DEMAND_RESOLUTION_MAX) });

/** Rule: a demand not yet resolved is RESOLVED with the resolution text (required, at most 2000
 *  characters) and the time, which stops its clock. Resolved is final. A demand changed
 *  meanwhile is CONFLICT. */
export async function resolveDemand(actor: Actor, input: unknown): Promise<DemandMoveResult> {
  return runDemandMove<z.output<typeof ZResolveDemandInput>>(actor, input, {
    action: "resolve:demand",
    schema: ZResolveDemandInput,
    apply: async (_tx, demand, { resolution }, now) => {
      if (!canMoveDemand(demand.status, "resolve")) throw refuse("_form", "demands.errors.cannotResolve");
      return { data: { status: "RESOLVED", resolution, resolvedAt: now }, after: withStatus(demand, "RESOLVED", resolution) };
    },
  });
}
