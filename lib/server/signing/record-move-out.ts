import "server-only";
import type { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { runHouseholdEvent, ZHouseholdEventTarget, ZOptionalTime, type HouseholdEventResult } from "./internal/household-event.ts";

export const ZRecordMoveOutInput = ZHouseholdEventTarget.extend({ movedOutAt: ZOptionalTime });
export type TRecordMoveOutInput = z.input<typeof ZRecordMoveOutInput>;

/** Rule: a secretary or the household's group leader records that a signed household moved out
 *  (搬迁) — only once the project's agreements are effective (relocation follows effective
 *  agreements), not before the signing or the moment they took effect, never in the future. */
export async function recordMoveOut(actor: Actor, input: unknown): Promise<HouseholdEventResult & { movedOutAt: Date }> {
  return runHouseholdEvent(actor, input, {
    permission: "record",
    schema: ZRecordMoveOutInput,
    event: ({ movedOutAt }, clock) => ({ kind: "MOVE_OUT", movedOutAt: movedOutAt ?? clock.now }),
    timeField: "movedOutAt",
    update: ({ event }) => ({ movedOutAt: event.movedOutAt }),
    audit: ({ event }) => ({
      action: "record:move-out",
      before: { movedOutAt: null },
      after: { movedOutAt: event.movedOutAt.toISOString() },
    }),
    notify: "move-out",
    finish: ({ event }) => ({ movedOutAt: event.movedOutAt }),
  });
}
