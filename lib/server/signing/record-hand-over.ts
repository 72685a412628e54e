import "server-only";
import type { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { runHouseholdEvent, ZHouseholdEventTarget, ZOptionalTime, type HouseholdEventResult } from "./internal/household-event.ts";

export const ZRecordHandOverInput = ZHouseholdEventTarget.extend({ handedOverAt: ZOptionalTime });
export type TRecordHandOverInput = z.input<typeof ZRecordHandOverInput>;

/** Rule: a secretary or the household's group leader records that a household which moved out
 *  handed its dwelling over (交房) — once, not before the move-out, never in the future. */
export async function recordHandOver(actor: Actor, input: unknown): Promise<HouseholdEventResult & { handedOverAt: Date }> {
  return runHouseholdEvent(actor, input, {
    permission: "record",
    schema: ZRecordHandOverInput,
    event: ({ handedOverAt }, clock) => ({ kind: "HAND_OVER", handedOverAt: handedOverAt ?? clock.now }),
    timeField: "handedOverAt",
    update: ({ event }) => ({ handedOverAt: event.handedOverAt }),
    audit: ({ event }) => ({
      action: "record:hand-over",
      before: { handedOverAt: null },
      after: { handedOverAt: event.handedOverAt.toISOString() },
    }),
    notify: "hand-over",
    finish: ({ event }) => ({ handedOverAt: event.handedOverAt }),
  });
}
