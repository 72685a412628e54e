import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { canRerouteDemand } from "../../domain/field-work.ts";
import { refuse, runDemandMove, withStatus, ZDemandMoveTarget, type DemandMoveResult } from "./internal/move-demand.ts";

export const ZRerouteDemandInput = ZDemandMoveTarget.extend({
  routedGroupId: z.uuid({ error: "demands.errors.chooseGroup" }),
});

/**
 * Rule: a demand not yet resolved may be handed to another SPECIAL group of its project (any
 * other group, or another project's, is VALIDATION `demands.errors.groupOutside`; the group it
 * is with already, `demands.errors.sameGroup`). The status stays; the leader of the new group
 * works it from then on. A demand changed meanwhile is CONFLICT.
 */
export async function rerouteDemand(actor: Actor, input: unknown): Promise<DemandMoveResult> {
  return runDemandMove<z.output<typeof ZRerouteDemandInput>>(actor, input, {
    action: "route:demand",
    schema: ZRerouteDemandInput,
    apply: async (tx, demand, { routedGroupId }) => {
      if (!canRerouteDemand(demand.status)) throw refuse("_form", "demands.errors.cannotReroute");
      if (demand.routedGroup?.id === routedGroupId) throw refuse("routedGroupId", "demands.errors.sameGroup");
      const group = await tx.workingGroup.findFirst({
        where: { id: routedGroupId, projectId: demand.projectId, kind: "SPECIAL" },
        select: { id: true, name: true },
      });
      if (!group) throw refuse("routedGroupId", "demands.errors.groupOutside");
      return {
        data: { routedGroupId: group.id },
        after: { ...withStatus(demand, demand.status), routedGroupId: group.id, groupName: group.name },
      };
    },
  });
}
