import "server-only";
import type { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requiredText } from "../../validation.ts";
import { lockProject, markEffectiveIfReached } from "./effectiveness.ts";
import { runHouseholdEvent, ZHouseholdEventTarget, type HouseholdEventResult } from "./internal/household-event.ts";

export const ZExcludeHouseholdInput = ZHouseholdEventTarget.extend({ reason: requiredText(500) });
export type TExcludeHouseholdInput = z.input<typeof ZExcludeHouseholdInput>;

/**
 * Rule: a secretary or the household's group leader takes a household out of every figure (不计入,
 * e.g. ownership in dispute), with a reason — not a signed household (undo the signing first).
 * Fewer eligible households can lift the signing rate over the threshold, so during an open
 * signing period this checks effectiveness under the project lock like a signing does.
 */
export async function excludeHousehold(actor: Actor, input: unknown): Promise<HouseholdEventResult & { becameEffective: boolean }> {
  return runHouseholdEvent(actor, input, {
    permission: "record",
    schema: ZExcludeHouseholdInput,
    event: ({ reason }) => ({ kind: "EXCLUDE", reason }),
    update: ({ input }) => ({ isExcluded: true, exclusionReason: input.reason }),
    audit: ({ input, household }) => ({
      action: "record:exclusion",
      before: { isExcluded: false, exclusionReason: household.exclusionReason },
      after: { isExcluded: true, exclusionReason: input.reason },
    }),
    notify: "exclusion",
    finish: async ({ actor, input, clock }, tx) => ({
      becameEffective: await markEffectiveIfReached(tx, await lockProject(tx, input.projectId), actor.userId, clock),
    }),
  });
}
