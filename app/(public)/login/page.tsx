import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/auth/login-form";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import { Alert } from "@/components/ui/alert";
import { getActor } from "@/lib/auth/actor";
import { HAD_SESSION_COOKIE } from "@/lib/auth/session-policy";
import { getTranslator } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("login.title") };
}

/** Only same-site paths are followed after sign-in. */
function safeCallback(value: unknown): string {
  if (typeof value !== "string") return "/";
  try {
    const url = new URL(value, "http://local");
    return url.origin === "http://local" ? `${url.pathname}${url.search}` : "/";
  } catch {
    return "/";
  }
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  if (await getActor()) redirect("/");
  const params = await searchParams;
  const t = await getTranslator();
  const hadSession = (await cookies()).get(HAD_SESSION_COOKIE)?.value === "1";
  const notice = params.signedOut
    ? t("login.signedOut")
    : params.passwordChanged
      ? t("accounts.password.signInAgain")
      : hadSession
        ? t("login.expired")
        : null;

  return (
    <main id="main" className="mx-auto flex min-h-screen w-full max-w-md flex-col justify-center gap-6 px-4 py-10">
      <div className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold text-brand-700">{t("app.name")}</h1>
          <p className="mt-1 text-stone-700">{t("app.tagline")}</p>
        </div>
        <LocaleSwitch redirectTo="/login" />
      </div>
      <section aria-labelledby="login-title" className="rounded-xl border border-stone-200 bg-white p-6 shadow-sm">
        <h2 id="login-title" className="mb-4 text-xl font-semibold">
          {t("login.title")}
        </h2>
        {notice ? (
          <div className="mb-4">
            <Alert tone="info" testId="login-notice">
              {notice}
            </Alert>
          </div>
        ) : null}
        <LoginForm
          callbackUrl={safeCallback(params.callbackUrl)}
          labels={{
            staffTab: t("login.staffTab"),
            residentTab: t("login.residentTab"),
            phone: t("login.phone"),
            password: t("login.password"),
            householdCode: t("login.householdCode"),
            accessCode: t("login.accessCode"),
            accessCodeHint: t("login.accessCodeHint"),
            submit: t("login.submit"),
            submitting: t("login.submitting"),
            failed: t("login.failed"),
            failedResident: t("login.failedResident"),
            fieldErrors: {
              "login.errors.phoneRequired": t("login.errors.phoneRequired"),
              "login.errors.passwordRequired": t("login.errors.passwordRequired"),
              "login.errors.householdCodeRequired": t("login.errors.householdCodeRequired"),
              "login.errors.accessCodeRequired": t("login.errors.accessCodeRequired"),
              "validation.phone": t("validation.phone"),
            },
            throttled: t("login.throttled"),
            unavailable: t("login.unavailable"),
          }}
        />
      </section>
    </main>
  );
}
