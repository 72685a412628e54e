"use server";

import { formField, runAction, type ActionState } from "@/lib/server/action";
import { assignHouseholds } from "@/lib/server/households/assign-households";
import { updateHousehold } from "@/lib/server/households/update-household";

function paths(formData: FormData): string[] {
  const projectId = formField(formData, "projectId");
  const householdId = formField(formData, "householdId") || formField(formData, "householdIds");
  return [`/projects/${projectId}/households/${householdId}`, `/projects/${projectId}/households`];
}

export async function updateHouseholdAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, updateHousehold, {
    revalidate: paths(formData),
    success: (result, t) => (result.changed.length ? t("households.edit.saved") : t("households.edit.unchanged")),
  });
}

export async function assignHouseholdAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, assignHouseholds, {
    revalidate: paths(formData),
    success: (result, t) => t("households.bulk.done", { moved: result.moved, group: result.groupName, already: result.alreadyInGroup }),
  });
}
