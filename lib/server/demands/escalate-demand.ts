import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { canMoveDemand } from "../../domain/field-work.ts";
import { refuse, runDemandMove, withStatus, ZDemandMoveTarget, type DemandMoveResult } from "./internal/move-demand.ts";

/**
 * Rule: an OPEN or IN_PROGRESS demand the group cannot settle goes to the joint conference
 * (党建联席会议): ESCALATED, with the time, and the project's own conference when it has one (the
 * earliest, if several). Its clock keeps running (DOMAIN.md). A demand changed meanwhile is
 * CONFLICT.
 */
export async function escalateDemand(actor: Actor, input: unknown): Promise<DemandMoveResult> {
  return runDemandMove(actor, input, {
    action: "escalate:demand",
    schema: ZDemandMoveTarget,
    apply: async (tx, demand, _input, now) => {
      if (!canMoveDemand(demand.status, "escalate")) throw refuse("_form", "demands.errors.cannotEscalate");
      const conference = await tx.jointConference.findFirst({
        where: { projectId: demand.projectId },
        select: { id: true },
        orderBy: { createdAt: "asc" },
      });
      return {
        data: { status: "ESCALATED", escalatedAt: now, escalatedConferenceId: conference?.id ?? null },
        after: withStatus(demand, "ESCALATED"),
      };
    },
  });
}
