"use server";

import { formField, runAction, type ActionState } from "@/lib/server/action";
import { updateCoverageRules } from "@/lib/server/coverage/update-coverage-rules";

export async function updateCoverageRulesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = formField(formData, "projectId");
  return runAction(formData, updateCoverageRules, {
    revalidate: [`/projects/${projectId}/coverage`],
    success: (r, t) =>
      r.changed ? t("coverage.rules.saved", { hardshipDays: r.hardshipDays, unsignedDays: r.unsignedDays }) : t("coverage.rules.unchanged"),
  });
}
