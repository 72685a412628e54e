"use server";

import { formField, runAction, type ActionState } from "@/lib/server/action";
import { publishCompensationPolicy } from "@/lib/server/compensation/publish-compensation-policy";
import { saveCompensationDraft } from "@/lib/server/compensation/save-compensation-draft";

export async function saveCompensationDraftAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = formField(formData, "projectId");
  return runAction(formData, saveCompensationDraft, {
    revalidate: [`/projects/${projectId}/compensation`],
    success: (r, t) => t("compensation.editor.saved", { version: r.version }),
  });
}

export async function publishCompensationPolicyAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = formField(formData, "projectId");
  return runAction(formData, publishCompensationPolicy, {
    revalidate: [`/projects/${projectId}/compensation`, "/my-household/estimate"],
    success: (_r, t) => t("compensation.editor.published"),
  });
}
