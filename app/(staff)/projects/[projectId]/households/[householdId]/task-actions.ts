"use server";

import { runAction, type ActionState } from "@/lib/server/action";
import { createTask } from "@/lib/server/tasks/create-task";

export async function createTaskAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = String(formData.get("projectId") ?? "");
  const householdId = String(formData.get("householdId") ?? "");
  return runAction(formData, createTask, {
    revalidate: [`/projects/${projectId}/households/${householdId}`, `/projects/${projectId}/tasks`],
    success: (_result, t) => t("tasks.create.done"),
  });
}
