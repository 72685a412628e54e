import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { ChangePasswordForm } from "@/components/auth/change-password-form";
import { SignOutEverywhereForm } from "@/components/auth/sign-out-everywhere-form";
import { PageShell } from "@/components/layout/page-shell";
import { Alert } from "@/components/ui/alert";
import { CHANGE_PASSWORD_PATH, requireActor } from "@/lib/auth/actor";
import { getTranslator } from "@/lib/i18n/server";
import { getOwnAccount } from "@/lib/server/accounts/get-own-account";
import { orNotFound } from "@/lib/server/or-not-found";
import { changeOwnPasswordAction, signOutEverywhereAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("accounts.password.title") };
}

/** A staff user's own password and sessions (sign out everywhere); the one page open to someone
 *  who still holds a one-time password. */
export default async function ChangePasswordPage() {
  const actor = await requireActor({ passwordChange: "allow" });
  if (actor.role === "RESIDENT") redirect("/my-household");
  const [t, account] = await Promise.all([getTranslator(), orNotFound(getOwnAccount(actor))]);
  return (
    <PageShell actor={actor} currentPath={CHANGE_PASSWORD_PATH}>
      <section aria-labelledby="password-title" className="flex max-w-md flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4">
        <h1 id="password-title" className="text-2xl font-bold">
          {t("accounts.password.title")}
        </h1>
        {account.mustChangePassword ? (
          <Alert tone="info" testId="password-first-sign-in">
            {t("accounts.password.firstSignIn")}
          </Alert>
        ) : null}
        <ChangePasswordForm
          action={changeOwnPasswordAction}
          phone={account.phone}
          labels={{
            current: account.mustChangePassword ? t("accounts.password.currentFirstSignIn") : t("accounts.password.current"),
            next: t("accounts.password.next"),
            nextHint: t("accounts.password.nextHint"),
            confirm: t("accounts.password.confirm"),
            submit: t("accounts.password.submit"),
            submitting: t("accounts.password.submitting"),
          }}
        />
      </section>
      <section
        aria-labelledby="sessions-title"
        className="mt-4 flex max-w-md flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4"
      >
        <h2 id="sessions-title" className="text-xl font-bold">
          {t("accounts.sessions.title")}
        </h2>
        <p className="text-sm text-stone-700">{t("accounts.sessions.intro")}</p>
        <SignOutEverywhereForm
          action={signOutEverywhereAction}
          labels={{ submit: t("accounts.sessions.submit"), submitting: t("accounts.sessions.submitting") }}
        />
      </section>
    </PageShell>
  );
}
