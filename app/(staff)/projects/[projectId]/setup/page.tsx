import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { ProjectNav } from "@/components/projects/project-nav";
import { ProjectFieldsForm } from "@/components/setup/project-settings-form";
import { WorkingGroups } from "@/components/setup/working-groups";
import { ActionForm } from "@/components/ui/action-form";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import { listWorkingGroups } from "@/lib/server/groups/list-working-groups";
import { orNotFound } from "@/lib/server/or-not-found";
import { getProjectSettings } from "@/lib/server/projects/get-project-settings";
import {
  addGroupMemberAction,
  changeProjectPhaseAction,
  createWorkingGroupAction,
  removeGroupMemberAction,
  setGroupMemberRoleAction,
  updateProjectAction,
} from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator();
  return { title: t("setup.settings.title") };
}

export default async function ProjectSetupPage({ params }: { params: Promise<{ projectId: string }> }) {
  const actor = await requireActor();
  if (actor.role === "RESIDENT") redirect("/my-household");
  const { projectId } = await params;
  const t = await getTranslator();
  const settings = await orNotFound(getProjectSettings(actor, { projectId }));
  const groups = can(actor, "manage", "group") ? await orNotFound(listWorkingGroups(actor, { projectId })) : null;

  return (
    <PageShell actor={actor} currentPath={`/projects/${projectId}/setup`}>
      <ProjectNav actor={actor} projectId={projectId} current="setup" />
      <h1 className="text-2xl font-bold">
        {t("setup.settings.title")} · {settings.name}
      </h1>

      <section aria-labelledby="phase-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="phase-title" className="text-xl font-semibold">
          {t("setup.phase.title")}
        </h2>
        <p className="my-2" data-testid="current-phase">
          {t("setup.phase.current", { phase: t(`project.phases.${settings.phase}`) })}
        </p>
        <p className="mb-3 text-sm text-stone-700">{t("setup.phase.hint")}</p>
        {settings.nextPhase ? (
          <ActionForm
            action={changeProjectPhaseAction}
            submitLabel={t("setup.phase.advance", { phase: t(`project.phases.${settings.nextPhase}`) })}
            pendingLabel={t("common.loading")}
            testId="phase-form"
          >
            <input type="hidden" name="projectId" value={settings.id} />
            <input type="hidden" name="version" value={settings.version} />
            <input type="hidden" name="toPhase" value={settings.nextPhase} />
          </ActionForm>
        ) : (
          <p>{t("setup.phase.last")}</p>
        )}
      </section>

      <section aria-labelledby="settings-title" className="rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="settings-title" className="mb-3 text-xl font-semibold">
          {t("setup.settings.title")}
        </h2>
        <ProjectFieldsForm t={t} action={updateProjectAction} settings={settings} />
      </section>

      {groups ? (
        <WorkingGroups
          t={t}
          projectId={settings.id}
          groups={groups}
          actions={{
            createGroup: createWorkingGroupAction,
            addMember: addGroupMemberAction,
            setRole: setGroupMemberRoleAction,
            removeMember: removeGroupMemberAction,
          }}
        />
      ) : null}
    </PageShell>
  );
}
