"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useEffect, useRef, type RefObject } from "react";
import { ActionField, ActionMessage, ActionScope, BoundForm, SubmitButton, useActionForm } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/server/action";

type Labels = {
  current: string;
  next: string;
  nextHint: string;
  confirm: string;
  submit: string;
  submitting: string;
};

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/**
 * Current password, the new one twice. A change ends every session signed in before it, this
 * one too; on success the form signs in again with the new password and goes on to the home
 * page (from a one-time password: the portal as usual).
 */
export function ChangePasswordForm({ action, phone, labels }: { action: Action; phone: string; labels: Labels }) {
  const typedRef = useRef("");
  return (
    <ActionScope action={action}>
      <BoundForm
        className="flex flex-col gap-3"
        data-testid="change-password"
        busy
        onSubmit={(event) => {
          typedRef.current = String(new FormData(event.currentTarget).get("newPassword") ?? "");
        }}
      >
        <ActionField
          id="currentPassword"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          label={labels.current}
        />
        <ActionField
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          label={labels.next}
          hint={labels.nextHint}
        />
        <ActionField
          id="confirmPassword"
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          label={labels.confirm}
        />
        <div>
          <SubmitButton label={labels.submit} pendingLabel={labels.submitting} />
        </div>
        <ActionMessage testIds={{ success: "password-changed", error: "change-password-error" }} />
        <SignInAgain phone={phone} typedRef={typedRef} />
      </BoundForm>
    </ActionScope>
  );
}

/** After the change: a new session with the new password; should that fail, the login page. */
function SignInAgain({ phone, typedRef }: { phone: string; typedRef: RefObject<string> }) {
  const { state } = useActionForm();
  const router = useRouter();
  useEffect(() => {
    if (!state.ok) return;
    const password = typedRef.current;
    typedRef.current = "";
    void signIn("staff", { phone, password, redirect: false })
      .then((result) => {
        if (result?.ok && !result.error) {
          router.replace("/");
          router.refresh();
        } else router.replace("/login?passwordChanged=1");
      })
      .catch(() => router.replace("/login?passwordChanged=1"));
  }, [state, phone, typedRef, router]);
  return null;
}
