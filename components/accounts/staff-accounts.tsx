import type { Translate } from "@/lib/i18n/translate";
import type { ActionState } from "@/lib/server/action";
import type { StaffAccount } from "@/lib/server/accounts/list-project-staff-accounts";
import { ResetPasswordForm } from "./reset-password-form";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** The project's working-group people for someone who may reset their passwords but does not
 *  manage the groups (a district official): who they are, and the reset. */
export function StaffAccounts({
  t,
  projectId,
  accounts,
  resetPassword,
}: {
  t: Translate;
  projectId: string;
  accounts: StaffAccount[];
  resetPassword: Action;
}) {
  return (
    <section aria-labelledby="staff-accounts-title" className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="staff-accounts-title" className="text-xl font-semibold">
        {t("accounts.staff.title")}
      </h2>
      <p className="text-sm text-stone-700">{t("accounts.staff.intro")}</p>
      {accounts.length === 0 ? (
        <p className="text-stone-700" data-testid="staff-accounts-empty">
          {t("accounts.staff.empty")}
        </p>
      ) : (
        <ul className="divide-y divide-stone-100" data-testid="staff-accounts">
          {accounts.map((account) => (
            <li
              key={account.userId}
              className="flex flex-wrap items-center gap-x-3 gap-y-1 py-2"
              data-testid={`staff-account-${account.name}`}
            >
              <span className="font-medium">{account.name}</span>
              {account.phone ? (
                <span className="text-sm text-stone-700">
                  <span className="sr-only">{t("accounts.staff.phone")} </span>
                  {account.phone}
                </span>
              ) : null}
              <span className="flex flex-wrap gap-x-3 text-sm text-stone-600">
                {account.groups.map((g, i) => (
                  <span key={`${i}-${g.name}`}>
                    {g.name} · {g.role === "LEADER" ? t("setup.groups.leader") : t("setup.groups.member")}
                  </span>
                ))}
              </span>
              <ResetPasswordForm t={t} projectId={projectId} user={{ id: account.userId, name: account.name }} action={resetPassword} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
