"use server";

// The signing panel's actions (components/signing/household-signing-panel.tsx). One action for
// all of the panel's forms, so the panel keeps one result message whichever form was sent; the
// `event` field names the use case. (The households area's actions of this page are in
// actions.ts.)
import { AppError } from "@/lib/errors";
import { formField, runAction, type ActionState } from "@/lib/server/action";
import { excludeHousehold } from "@/lib/server/signing/exclude-household";
import { includeHousehold } from "@/lib/server/signing/include-household";
import { recordHandOver } from "@/lib/server/signing/record-hand-over";
import { recordMoveOut } from "@/lib/server/signing/record-move-out";
import { recordSigning } from "@/lib/server/signing/record-signing";
import { recordVote } from "@/lib/server/signing/record-vote";
import { undoHouseholdEvent } from "@/lib/server/signing/undo-household-event";

function paths(formData: FormData): string[] {
  const projectId = formField(formData, "projectId");
  const householdId = formField(formData, "householdId");
  return [`/projects/${projectId}/households/${householdId}`, `/projects/${projectId}/households`, `/projects/${projectId}`];
}

export async function householdEventAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const revalidate = paths(formData);
  let state: ActionState;
  switch (formField(formData, "event")) {
    case "vote":
      state = await runAction(formData, recordVote, {
        revalidate,
        success: (r, t) => t("signing.results.voted", { code: r.code, vote: t(`household.votes.${r.vote}`) }),
      });
      break;
    case "sign":
      state = await runAction(formData, recordSigning, {
        revalidate,
        success: (r, t) =>
          t(r.becameEffective ? "signing.results.signedEffective" : "signing.results.signed", { code: r.code, number: r.agreementNumber }),
      });
      break;
    case "moveOut":
      state = await runAction(formData, recordMoveOut, { revalidate, success: (r, t) => t("signing.results.movedOut", { code: r.code }) });
      break;
    case "handOver":
      state = await runAction(formData, recordHandOver, {
        revalidate,
        success: (r, t) => t("signing.results.handedOver", { code: r.code }),
      });
      break;
    case "exclude":
      state = await runAction(formData, excludeHousehold, {
        revalidate,
        success: (r, t) => t("signing.results.excluded", { code: r.code }),
      });
      break;
    case "include":
      state = await runAction(formData, includeHousehold, {
        revalidate,
        success: (r, t) => t("signing.results.included", { code: r.code }),
      });
      break;
    case "undo":
      state = await runAction(formData, undoHouseholdEvent, {
        revalidate,
        success: (r, t) => t("signing.results.undone", { code: r.code, step: t(`signing.steps.${r.kind}`) }),
      });
      break;
    default:
      // Not a form of the panel: answer like any unknown input, through the same helper.
      state = await runAction(formData, async () => {
        throw new AppError("VALIDATION", { detail: "unknown household event" });
      });
  }
  // Tell the panel which form the answer belongs to (field names repeat between forms).
  return { ...state, values: { ...state.values, event: formField(formData, "event") } };
}
