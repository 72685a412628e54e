"use server";

// The household page's "record a demand" form (components/demands/raise-demand-form.tsx).
import { formField, runAction, type ActionState } from "@/lib/server/action";
import { raiseDemand } from "@/lib/server/demands/raise-demand";

export async function raiseDemandAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = formField(formData, "projectId");
  const householdId = formField(formData, "householdId");
  return runAction(formData, raiseDemand, {
    revalidate: [`/projects/${projectId}/households/${householdId}`, `/projects/${projectId}/demands`],
    success: (r, t) => (r.groupName ? t("demands.raise.raised", { group: r.groupName }) : t("demands.raise.raisedUnrouted")),
  });
}
