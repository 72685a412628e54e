"use server";

// The resident's "raise a demand" form (components/demands/raise-demand-form.tsx without a group
// choice): the same use case as the staff's, in the resident's own scope.
import { runAction, type ActionState } from "@/lib/server/action";
import { raiseDemand } from "@/lib/server/demands/raise-demand";

export async function raiseOwnDemandAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, (actor, input) => raiseDemand(actor, { ...(input as object), routedGroupId: undefined }), {
    revalidate: ["/my-household/demands"],
    success: (r, t) => (r.groupName ? t("demands.raise.raised", { group: r.groupName }) : t("demands.raise.raisedUnrouted")),
  });
}
