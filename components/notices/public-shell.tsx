import Link from "next/link";
import type { ReactNode } from "react";
import { LocaleSwitch } from "@/components/layout/locale-switch";
import type { Translate } from "@/lib/i18n/translate";

/** The frame of a project's public pages (no sign-in): the portal's name, the language switch,
 *  and a footer that says what the page does not show. */
export function PublicShell({ path, t, children }: { path: string; t: Translate; children: ReactNode }) {
  return (
    <>
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-4xl items-center justify-between gap-3 px-3 py-2 sm:px-4">
          <Link href="/login" className="inline-flex min-h-11 items-center text-lg font-bold text-brand-700">
            {t("app.name")}
          </Link>
          <LocaleSwitch redirectTo={path} />
        </div>
      </header>
      <main id="main" className="mx-auto flex max-w-4xl flex-col gap-4 px-3 py-3 sm:gap-6 sm:px-4 sm:py-6">
        {children}
        <p className="text-sm text-stone-600">{t("notices.public.footer")}</p>
      </main>
    </>
  );
}
