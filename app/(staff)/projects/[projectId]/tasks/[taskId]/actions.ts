"use server";

import { formField, runAction, type ActionState } from "@/lib/server/action";
import { cancelTask } from "@/lib/server/tasks/cancel-task";
import { reassignTasks } from "@/lib/server/tasks/reassign-tasks";

export async function reassignTaskAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = formField(formData, "projectId");
  const taskId = formField(formData, "tasks").split(":")[0];
  return runAction(formData, reassignTasks, {
    revalidate: [`/projects/${projectId}/tasks`, `/projects/${projectId}/tasks/${taskId}`],
    success: (result, t) => t("tasks.reassign.done", { count: result.reassigned, name: result.toName }),
  });
}

export async function cancelTaskAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = formField(formData, "projectId");
  const taskId = formField(formData, "taskId");
  return runAction(formData, cancelTask, {
    revalidate: [`/projects/${projectId}/tasks`, `/projects/${projectId}/tasks/${taskId}`],
    success: (_result, t) => t("tasks.cancel.done"),
  });
}
