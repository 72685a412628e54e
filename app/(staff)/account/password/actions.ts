"use server";

import { runAction, type ActionState } from "@/lib/server/action";
import { changeOwnPassword } from "@/lib/server/accounts/change-own-password";

// No revalidation: the change ends this session (its password version is old), and the form
// signs in again with the new password before it goes on.
export async function changeOwnPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, changeOwnPassword, { passwordChange: "allow", success: (_r, t) => t("accounts.password.changed") });
}
