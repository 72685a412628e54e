import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { canMoveDemand } from "../../domain/field-work.ts";
import { refuse, runDemandMove, withStatus, ZDemandMoveTarget, type DemandMoveResult } from "./internal/move-demand.ts";

/** Rule: whoever works a demand (the special group's leader, the secretary) takes an OPEN one in
 *  hand: IN_PROGRESS. Anything else is refused; a demand changed meanwhile is CONFLICT. */
export async function startDemand(actor: Actor, input: unknown): Promise<DemandMoveResult> {
  return runDemandMove(actor, input, {
    action: "start:demand",
    schema: ZDemandMoveTarget,
    apply: async (_tx, demand) => {
      if (!canMoveDemand(demand.status, "start")) throw refuse("_form", "demands.errors.cannotStart");
      return { data: { status: "IN_PROGRESS" }, after: withStatus(demand, "IN_PROGRESS") };
    },
  });
}
