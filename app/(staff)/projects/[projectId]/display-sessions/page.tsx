import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { CreateDisplaySessionForm } from "@/components/display/create-display-session-form";
import { DisplaySessionTable } from "@/components/display/display-session-table";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { requireActor } from "@/lib/auth/actor";
import { formatters } from "@/lib/i18n/format";
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
          <DisplaySessionTable
            projectId={projectId}
            sessions={list.sessions}
            revokeAction={revokeDisplaySessionAction}
            t={t}
            format={formatters(locale, list.timeZone)}
          />
        )}
      </section>
    </PageShell>
  );
}
