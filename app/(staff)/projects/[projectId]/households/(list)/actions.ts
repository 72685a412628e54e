"use server";

import { formField, runAction, type ActionState } from "@/lib/server/action";
import { assignHouseholds } from "@/lib/server/households/assign-households";
import { bulkCreateTasks, previewBulkTasks, type BulkTaskCounts } from "@/lib/server/tasks/bulk-create-tasks";

export async function assignHouseholdsAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = formField(formData, "projectId");
  return runAction(formData, assignHouseholds, {
    revalidate: [`/projects/${projectId}/households`],
    success: (result, t) => t("households.bulk.done", { moved: result.moved, group: result.groupName, already: result.alreadyInGroup }),
  });
}

/** The bulk task form: `intent=preview` counts what would be created, `intent=create` creates. */
export async function bulkCreateTasksAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = formField(formData, "projectId");
  if (formField(formData, "intent") !== "create") {
    let counts: BulkTaskCounts | undefined;
    const state = await runAction(formData, async (actor, input) => (counts = await previewBulkTasks(actor, input)), {
      success: (result, t) => t("tasks.bulk.previewResult", { ...result }),
    });
    return counts
      ? { ...state, values: { intent: "preview", ...Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, String(v)])) } }
      : state;
  }
  const state = await runAction(formData, bulkCreateTasks, {
    revalidate: [`/projects/${projectId}/households`, `/projects/${projectId}/tasks`],
    success: (result, t) =>
      t("tasks.bulk.done", { created: result.created, skippedOpen: result.skippedOpen, skippedIneligible: result.skippedIneligible }),
  });
  return state.ok ? { ...state, values: { intent: "create" } } : state;
}
