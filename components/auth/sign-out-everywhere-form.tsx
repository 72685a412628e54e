"use client";

import { signOut } from "next-auth/react";
import { useEffect } from "react";
import { ActionMessage, ActionScope, BoundForm, SubmitButton, useActionForm } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/server/action";
import { HAD_SESSION_COOKIE } from "@/lib/auth/session-policy";

type Labels = { submit: string; submitting: string };
type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * 退出所有设备: ends every session of the account on the server, this one too, then signs this
 * browser out (its cookie is dropped) and shows the login page as after a sign-out.
 */
export function SignOutEverywhereForm({ action, labels }: { action: Action; labels: Labels }) {
  return (
    <ActionScope action={action}>
      <BoundForm className="flex flex-col gap-3" data-testid="sign-out-everywhere" busy>
        <div>
          <SubmitButton label={labels.submit} pendingLabel={labels.submitting} variant="secondary" />
        </div>
        <ActionMessage testIds={{ success: "signed-out-everywhere", error: "sign-out-everywhere-error" }} />
        <SignOutHere />
      </BoundForm>
    </ActionScope>
  );
}

/** Once every session has ended: this browser's cookie goes too, and on to the login page. */
function SignOutHere() {
  const { state } = useActionForm();
  useEffect(() => {
    if (!state.ok) return;
    document.cookie = `${HAD_SESSION_COOKIE}=; path=/; max-age=0; samesite=lax`;
    void signOut({ callbackUrl: "/login?signedOut=1" });
  }, [state]);
  return null;
}
