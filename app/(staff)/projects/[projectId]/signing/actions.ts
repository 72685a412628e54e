"use server";

import { formField, runAction, type ActionState } from "@/lib/server/action";
import { recordSigning } from "@/lib/server/signing/record-signing";

export async function recordSigningAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const projectId = formField(formData, "projectId");
  const householdId = formField(formData, "householdId");
  return runAction(formData, recordSigning, {
    revalidate: [
      `/projects/${projectId}/signing`,
      `/projects/${projectId}`,
      `/projects/${projectId}/households`,
      `/projects/${projectId}/households/${householdId}`,
    ],
    success: (r, t) =>
      t(r.becameEffective ? "signing.results.signedEffective" : "signing.results.signed", { code: r.code, number: r.agreementNumber }),
  });
}
