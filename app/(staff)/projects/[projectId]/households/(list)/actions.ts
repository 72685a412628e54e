"use server";

import { runAction, type ActionState } from "@/lib/server/action";
import { assignHouseholds } from "@/lib/server/households/assign-households";

export async function assignHouseholdsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = String(formData.get("projectId") ?? "");
  return runAction(formData, assignHouseholds, {
    revalidate: [`/projects/${projectId}/households`],
    success: (result, t) => t("households.bulk.done", { moved: result.moved, group: result.groupName, already: result.alreadyInGroup }),
  });
}
