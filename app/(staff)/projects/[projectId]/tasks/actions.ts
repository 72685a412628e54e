"use server";

import { formField, runAction, type ActionState } from "@/lib/server/action";
import { reassignTasks } from "@/lib/server/tasks/reassign-tasks";

/** The task list's reassign forms: the ticked tasks, or every open task of a person. */
export async function reassignTasksAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = formField(formData, "projectId");
  return runAction(formData, reassignTasks, {
    revalidate: [`/projects/${projectId}/tasks`],
    success: (result, t) => t("tasks.reassign.done", { count: result.reassigned, name: result.toName }),
  });
}
