import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { Actor } from "@/lib/auth/actor-types";
import { actorRoles, grantedScopes } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import { LocaleSwitch } from "./locale-switch";

export async function AppHeader({ actor, currentPath }: { actor: Actor; currentPath: string }) {
  const t = await getTranslator();
  const roles = actorRoles(actor).map((role) => t(`roles.${role}`));
  const home =
    actor.role === "RESIDENT"
      ? { href: "/my-household", label: t("app.nav.myHousehold") }
      : { href: "/projects", label: t("app.nav.projects") };
  // The district overview is for whoever may read every project (getDistrictOverview's rule).
  const readsDistrict = grantedScopes(actor, "read", "project").includes("all");
  const navLink =
    "inline-flex min-h-11 items-center px-1.5 py-2 text-base underline-offset-4 hover:underline aria-[current=page]:font-semibold sm:px-2";
  return (
    <header className="border-b border-stone-200 bg-white">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        {t("app.skipToContent")}
      </a>
      {/* On a phone: one row (name, navigation, language, sign out) and who is signed in in a small
          line under it; from sm up the row of before. */}
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-2 gap-y-0 px-2 py-1 sm:gap-2 sm:px-4 sm:py-2">
        <div className="flex min-w-0 items-center gap-1 sm:gap-4">
          <Link href="/" className="text-lg font-bold text-brand-700 sm:text-xl">
            {t("app.name")}
          </Link>
          <nav aria-label={t("app.name")} className="flex flex-wrap items-center">
            <Link href={home.href} aria-current={currentPath === home.href ? "page" : undefined} className={navLink}>
              {home.label}
            </Link>
            {readsDistrict ? (
              <Link
                href="/overview"
                aria-current={currentPath === "/overview" ? "page" : undefined}
                className={navLink}
                data-testid="nav-overview"
              >
                {t("app.nav.overview")}
              </Link>
            ) : null}
            {/* Every staff user may be given visit tasks. */}
            {actor.role === "STAFF" ? (
              <Link
                href="/my-tasks"
                aria-current={currentPath === "/my-tasks" ? "page" : undefined}
                className={navLink}
                data-testid="nav-my-tasks"
              >
                {t("visits.myTasks.nav")}
              </Link>
            ) : null}
          </nav>
        </div>
        <div className="contents text-sm text-stone-700 sm:flex sm:flex-wrap sm:items-center sm:gap-1">
          <span
            data-testid="signed-in-as"
            className="order-last w-full truncate pb-1 text-xs text-stone-700 sm:order-none sm:w-auto sm:pb-0 sm:text-sm"
          >
            {t("app.signedInAs", { name: actor.name })}
            {roles.length ? ` · ${roles.join(" / ")}` : ""}
          </span>
          <LocaleSwitch redirectTo={currentPath} className="ml-auto sm:ml-0" />
          {actor.role !== "RESIDENT" ? (
            <Link
              href="/account/password"
              data-testid="nav-password"
              className="hidden min-h-11 items-center px-2 py-2 text-sm text-brand-700 underline-offset-4 hover:underline sm:inline-flex"
            >
              {t("accounts.password.link")}
            </Link>
          ) : null}
          <SignOutButton label={t("app.signOut")} />
        </div>
      </div>
    </header>
  );
}
