import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { Actor } from "@/lib/auth/actor-types";
import { actorRoles } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import { LocaleSwitch } from "./locale-switch";

export async function AppHeader({ actor, currentPath }: { actor: Actor; currentPath: string }) {
  const t = await getTranslator();
  const roles = actorRoles(actor).map((role) => t(`roles.${role}`));
  const home =
    actor.role === "RESIDENT"
      ? { href: "/my-household", label: t("app.nav.myHousehold") }
      : { href: "/projects", label: t("app.nav.projects") };
  return (
    <header className="border-b border-stone-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("app.skipToContent")}
      </a>
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
        <div className="flex items-center gap-4">
          <Link href="/" className="text-xl font-bold text-brand-700">
            {t("app.name")}
          </Link>
          <nav aria-label={t("app.name")} className="flex flex-wrap items-center">
            <Link href={home.href} className="inline-flex min-h-11 items-center px-2 py-2 text-base underline-offset-4 hover:underline">
              {home.label}
            </Link>
            {/* Every staff user may be given visit tasks. */}
            {actor.role === "STAFF" ? (
              <Link
                href="/my-tasks"
                aria-current={currentPath === "/my-tasks" ? "page" : undefined}
                className="inline-flex min-h-11 items-center px-2 py-2 text-base underline-offset-4 hover:underline aria-[current=page]:font-semibold"
                data-testid="nav-my-tasks"
              >
                {t("visits.myTasks.nav")}
              </Link>
            ) : null}
          </nav>
        </div>
        <div className="flex flex-wrap items-center gap-1 text-sm text-stone-700">
          <span data-testid="signed-in-as">
            {t("app.signedInAs", { name: actor.name })}
            {roles.length ? ` · ${roles.join(" / ")}` : ""}
          </span>
          <LocaleSwitch redirectTo={currentPath} />
          <SignOutButton label={t("app.signOut")} />
        </div>
      </div>
    </header>
  );
}
