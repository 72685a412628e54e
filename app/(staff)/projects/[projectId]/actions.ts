"use server";

import { runAction, type ActionState } from "@/lib/server/action";
import { issueResidentAccessCode } from "@/lib/server/residents/issue-resident-access-code";

export async function issueResidentAccessCodeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, issueResidentAccessCode, {
    success: (result, t) => t("accessCode.issued", { householdCode: result.householdCode, code: result.accessCode }),
  });
}
