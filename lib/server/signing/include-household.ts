import "server-only";
import type { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { runHouseholdEvent, ZHouseholdEventTarget, type HouseholdEventResult } from "./internal/household-event.ts";

export const ZIncludeHouseholdInput = ZHouseholdEventTarget;
export type TIncludeHouseholdInput = z.input<typeof ZIncludeHouseholdInput>;

/** Rule: a secretary or the household's group leader lifts an exclusion, so the household counts
 *  again. Agreements that already took effect stay effective even if the rate now drops: the
 *  effect is a legal fact of the moment the threshold was reached. */
export async function includeHousehold(actor: Actor, input: unknown): Promise<HouseholdEventResult> {
  return runHouseholdEvent(actor, input, {
    permission: "record",
    schema: ZIncludeHouseholdInput,
    event: () => ({ kind: "INCLUDE" }),
    update: () => ({ isExcluded: false, exclusionReason: null }),
    audit: ({ household }) => ({
      action: "record:inclusion",
      before: { isExcluded: true, exclusionReason: household.exclusionReason },
      after: { isExcluded: false },
    }),
    notify: "inclusion",
  });
}
