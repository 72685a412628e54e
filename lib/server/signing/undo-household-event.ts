import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { UNDOABLE_STEPS, type UndoableStep } from "../../domain/household-workflow.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { requiredText } from "../../validation.ts";
import { runHouseholdEvent, ZHouseholdEventTarget, type HouseholdEventResult } from "./internal/household-event.ts";
import type { WorkflowHouseholdRow } from "./workflow.ts";

export const ZUndoHouseholdEventInput = ZHouseholdEventTarget.extend({
  kind: z.enum(UNDOABLE_STEPS, { error: "validation.required" }),
  reason: requiredText(500),
});
export type TUndoHouseholdEventInput = z.input<typeof ZUndoHouseholdEventInput>;

/** For each step: its audit action, what it set (the audit's "before"), the household columns
 *  that clear it and the audit's "after". */
const UNDO: Record<
  UndoableStep,
  {
    action: string;
    before: (household: WorkflowHouseholdRow) => Prisma.InputJsonObject;
    clear: Prisma.HouseholdUpdateManyMutationInput;
    after: Prisma.InputJsonObject;
  }
> = {
  VOTE: {
    action: "undo:vote",
    before: ({ firstRoundVote }) => ({ firstRoundVote }),
    clear: { firstRoundVote: null, firstRoundVotedAt: null },
    after: { firstRoundVote: null },
  },
  // The Signing row is what records a signing (deleted in finish); no household column does.
  SIGNING: {
    action: "undo:signing",
    before: ({ signing }) => ({
      signed: true,
      agreementNumber: signing!.agreementNumber,
      channel: signing!.channel,
      signedAt: signing!.signedAt.toISOString(),
    }),
    clear: {},
    after: { signed: false },
  },
  MOVE_OUT: {
    action: "undo:move-out",
    before: ({ movedOutAt }) => ({ movedOutAt: movedOutAt!.toISOString() }),
    clear: { movedOutAt: null },
    after: { movedOutAt: null },
  },
  HAND_OVER: {
    action: "undo:hand-over",
    before: ({ handedOverAt }) => ({ handedOverAt: handedOverAt!.toISOString() }),
    clear: { handedOverAt: null },
    after: { handedOverAt: null },
  },
};

/**
 * Rule: only a secretary takes back a recorded vote, signing, move-out or hand-over, with a
 * reason, and only the latest step (no undoing the signing of a household that moved out). The
 * record and its undoing both stay in the audit trail. Undoing a signing after the agreements
 * took effect does not undo the effect: it is a legal fact of the moment the threshold was
 * reached (docs/decisions/006).
 */
export async function undoHouseholdEvent(actor: Actor, input: unknown): Promise<HouseholdEventResult & { kind: UndoableStep }> {
  return runHouseholdEvent(actor, input, {
    permission: "undo",
    schema: ZUndoHouseholdEventInput,
    event: ({ kind }) => ({ kind: "UNDO", step: kind }),
    update: ({ input }) => UNDO[input.kind].clear,
    audit: ({ input: { kind, reason }, household }) => ({
      action: UNDO[kind].action,
      before: UNDO[kind].before(household),
      after: { ...UNDO[kind].after, reason },
    }),
    notify: "undo",
    finish: async ({ input: { kind }, household }, tx) => {
      if (kind === "SIGNING") await tx.signing.delete({ where: { householdId: household.id }, select: { id: true } });
      return { kind };
    },
  });
}
