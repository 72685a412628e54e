"use server";

import { redirect } from "next/navigation";
import { runAction, type ActionState } from "@/lib/server/action";
import { createProject } from "@/lib/server/projects/create-project";

export async function createProjectAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let createdId: string | null = null;
  const state = await runAction(
    formData,
    async (actor, input) => {
      const project = await createProject(actor, input);
      createdId = project.id;
      return project;
    },
    { revalidate: ["/projects"], success: (_r, t) => t("setup.newProject.created") },
  );
  // After creating, go straight to the new project's settings to add groups.
  if (state.ok && createdId) redirect(`/projects/${createdId}/setup`);
  return state;
}
