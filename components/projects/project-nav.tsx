import Link from "next/link";
import type { Actor } from "@/lib/auth/actor-types";
import { canInProject, type Action, type Entity } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";

type Section =
  | "summary"
  | "dashboard"
  | "households"
  | "map"
  | "signing"
  | "tasks"
  | "visits"
  | "coverage"
  | "demands"
  | "reception"
  | "notices"
  | "compensation"
  | "reports"
  | "roster"
  | "setup"
  | "display";

/** The project's sections, each shown only to those who may use it here (the pages check again). */
export async function ProjectNav({ actor, projectId, current }: { actor: Actor; projectId: string; current: Section }) {
  const t = await getTranslator();
  const base = `/projects/${projectId}`;
  const may = (action: Action, entity: Entity) => canInProject(actor, action, entity, projectId);
  const sections: { key: Section; href: string; visible: boolean }[] = [
    { key: "summary", href: base, visible: true },
    { key: "dashboard", href: `${base}/dashboard`, visible: true },
    { key: "households", href: `${base}/households`, visible: may("read", "household") },
    { key: "map", href: `${base}/map`, visible: may("read", "household") },
    { key: "signing", href: `${base}/signing`, visible: may("record", "household-event") },
    { key: "tasks", href: `${base}/tasks`, visible: may("assign", "task") || may("read", "task") },
    { key: "visits", href: `${base}/visits`, visible: may("read", "visit") },
    { key: "coverage", href: `${base}/coverage`, visible: may("read", "coverage") },
    { key: "demands", href: `${base}/demands`, visible: may("read", "demand") },
    { key: "reception", href: `${base}/reception`, visible: may("read", "reception") },
    { key: "notices", href: `${base}/notices`, visible: may("read", "notice") },
    { key: "compensation", href: `${base}/compensation`, visible: may("read", "compensation") },
    { key: "reports", href: `${base}/reports`, visible: may("read", "daily-report") },
    { key: "roster", href: `${base}/roster`, visible: may("import", "household") },
    { key: "setup", href: `${base}/setup`, visible: may("update", "project") },
    { key: "display", href: `${base}/display-sessions`, visible: may("update", "project") },
  ];
  return (
    <nav aria-label={t("setup.nav.label")} className="-mx-4 overflow-x-auto px-4">
      <ul className="flex gap-1 border-b border-stone-200">
        {sections
          .filter((s) => s.visible)
          .map((s) => (
            <li key={s.key}>
              <Link
                href={s.href}
                aria-current={s.key === current ? "page" : undefined}
                className={`inline-flex min-h-11 items-center whitespace-nowrap border-b-2 px-3 py-2 text-base ${
                  s.key === current
                    ? "border-brand-700 font-semibold text-brand-800"
                    : "border-transparent text-stone-700 hover:text-stone-900"
                }`}
              >
                {s.key === "visits" ? t("visits.log.link") : s.key === "reception" ? t("reception.nav") : t(`setup.nav.${s.key}`)}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
