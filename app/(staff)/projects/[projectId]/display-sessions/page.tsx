import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CreateDisplaySessionForm } from "@/components/display/create-display-session-form";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { ActionForm } from "@/components/ui/action-form";
import { requireActor } from "@/lib/auth/actor";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { listDisplaySessions } from "@/lib/server/display/list-display-sessions";
import { orNotFound } from "@/lib/server/or-not-found";
import { createDisplaySessionAction, revokeDisplaySessionAction } from "./actions";

type Props = { params: Promise<{ projectId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("live.sessions.title") };
}

export default async function DisplaySessionsPage({ params }: Props) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const { projectId } = await params;
  const [t, locale, list] = await Promise.all([getTranslator(), getLocale(), orNotFound(listDisplaySessions(actor, { projectId }))]);
  const time = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: list.timeZone });

  return (
    <PageShell actor={actor} currentPath={`/projects/${projectId}/display-sessions`}>
      <ProjectNav actor={actor} projectId={projectId} current="display" />
      <div>
        <h1 className="text-2xl font-bold">{t("live.sessions.title")}</h1>
        <p className="mt-1 max-w-3xl text-stone-700">{t("live.sessions.description")}</p>
      </div>
      <section aria-labelledby="create-display-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="create-display-title" className="mb-3 text-lg font-semibold">
          {t("live.sessions.create")}
        </h2>
        <CreateDisplaySessionForm
          projectId={projectId}
          action={createDisplaySessionAction}
          labels={{
            label: t("live.sessions.label"),
            labelHint: t("live.sessions.labelHint"),
            create: t("live.sessions.create"),
            pending: t("common.loading"),
            copy: t("live.sessions.copy"),
            copied: t("live.sessions.copied"),
          }}
        />
      </section>
      <section aria-labelledby="display-list-title" className="flex flex-col gap-3">
        <h2 id="display-list-title" className="text-lg font-semibold">
          {t("live.sessions.listTitle")}
        </h2>
        {list.sessions.length === 0 ? (
          <p className="text-stone-700" data-testid="display-sessions-empty">
            {t("live.sessions.empty")}
          </p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-stone-200 bg-white" tabIndex={0} role="region" aria-label={t("live.sessions.tableLabel")}>
            <table className="w-full text-left text-base">
              <thead className="bg-stone-100 text-sm text-stone-700">
                <tr>
                  <th scope="col" className="px-3 py-2">{t("live.sessions.label")}</th>
                  <th scope="col" className="px-3 py-2">{t("live.sessions.createdAt")}</th>
                  <th scope="col" className="px-3 py-2">{t("live.sessions.createdBy")}</th>
                  <th scope="col" className="px-3 py-2">{t("live.sessions.lastSeenAt")}</th>
                  <th scope="col" className="px-3 py-2">{t("live.sessions.status")}</th>
                  <th scope="col" className="px-3 py-2">
                    <span className="sr-only">{t("live.sessions.revoke")}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {list.sessions.map((s) => (
                  <tr key={s.id} className="border-t border-stone-200 align-top" data-testid="display-session-row">
                    <th scope="row" className="px-3 py-2 font-medium">{s.label}</th>
                    <td className="px-3 py-2 whitespace-nowrap">{time.format(s.createdAt)}</td>
                    <td className="px-3 py-2">{s.createdBy?.name ?? t("common.none")}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{s.lastSeenAt ? time.format(s.lastSeenAt) : t("live.sessions.never")}</td>
                    <td className="px-3 py-2" data-testid="display-session-status" aria-live="polite">
                      {s.revokedAt ? t("live.sessions.revoked", { time: time.format(s.revokedAt) }) : t("live.sessions.active")}
                    </td>
                    <td className="px-3 py-2">
                      {s.revokedAt ? null : (
                        <ActionForm
                          action={revokeDisplaySessionAction}
                          submitLabel={t("live.sessions.revoke")}
                          pendingLabel={t("common.loading")}
                          submitVariant="secondary"
                          testId={`revoke-display-${s.id}`}
                          className="flex flex-col gap-1"
                        >
                          <input type="hidden" name="projectId" value={projectId} />
                          <input type="hidden" name="displaySessionId" value={s.id} />
                        </ActionForm>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </PageShell>
  );
}
