"use server";

import { runAction, type ActionState } from "@/lib/server/action";
import { changeOwnPassword } from "@/lib/server/accounts/change-own-password";
import { endAllSessions } from "@/lib/server/sessions/end-all-sessions";

// No revalidation: the change ends this session (its password version is old), and the form
// signs in again with the new password before it goes on.
export async function changeOwnPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, changeOwnPassword, { passwordChange: "allow", success: (_r, t) => t("accounts.password.changed") });
}

// Every session of the account ends, this one too: the form then signs this browser out.
export async function signOutEverywhereAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, endAllSessions, { passwordChange: "allow", success: (_r, t) => t("accounts.sessions.ended") });
}
