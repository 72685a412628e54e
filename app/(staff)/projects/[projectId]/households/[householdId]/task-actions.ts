"use server";

import { formField, runAction, type ActionState } from "@/lib/server/action";
import { createTask } from "@/lib/server/tasks/create-task";

export async function createTaskAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = formField(formData, "projectId");
  const householdId = formField(formData, "householdId");
  return runAction(formData, createTask, {
    revalidate: [`/projects/${projectId}/households/${householdId}`, `/projects/${projectId}/tasks`],
    success: (_result, t) => t("tasks.create.done"),
  });
}
