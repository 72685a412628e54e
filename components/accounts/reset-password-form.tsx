import { ActionForm } from "@/components/ui/action-form";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionState } from "@/lib/server/action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** A new one-time password for a staff account, after a confirmation; the answer shows it once.
 *  The same control wherever someone may reset (a secretary's group rows, an official's list). */
export function ResetPasswordForm({
  t,
  projectId,
  user,
  action,
}: {
  t: Translate;
  projectId: string;
  user: { id: string; name: string };
  action: Action;
}) {
  return (
    <details className="w-full" data-testid={`reset-password-${user.name}`}>
      <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">
        {t("accounts.reset.submit")}
      </summary>
      <ActionForm
        action={action}
        submitLabel={t("accounts.reset.submit")}
        pendingLabel={t("common.loading")}
        submitVariant="secondary"
        messageTestIds={{ success: "reset-password-done", error: "reset-password-error" }}
      >
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="userId" value={user.id} />
        <p className="text-sm text-stone-700">{t("accounts.reset.confirm", { name: user.name })}</p>
      </ActionForm>
    </details>
  );
}
