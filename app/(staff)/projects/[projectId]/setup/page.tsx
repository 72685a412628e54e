import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PageShell } from "@/components/layout/page-shell";
import { StaffAccounts } from "@/components/accounts/staff-accounts";
import { ProjectNav } from "@/components/projects/project-nav";
import { ProjectPhase } from "@/components/setup/project-phase";
import { ProjectFieldsForm } from "@/components/setup/project-settings-form";
import { WorkingGroups } from "@/components/setup/working-groups";
import { requireActor } from "@/lib/auth/actor";
import { can } from "@/lib/auth/permissions";
import { getTranslator } from "@/lib/i18n/server";
import { listProjectStaffAccounts } from "@/lib/server/accounts/list-project-staff-accounts";
import { listWorkingGroups } from "@/lib/server/groups/list-working-groups";
import { orNotFound } from "@/lib/server/or-not-found";
import { getProjectSettings } from "@/lib/server/projects/get-project-settings";
import {
  addGroupMemberAction,
  changeProjectPhaseAction,
  createWorkingGroupAction,
  removeGroupMemberAction,
  removeWorkingGroupAction,
  renameWorkingGroupAction,
  resetMemberPasswordAction,
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
  const managesGroups = can(actor, "manage", "group");
  const [t, settings, groups, staffAccounts] = await Promise.all([
    getTranslator(),
    orNotFound(getProjectSettings(actor, { projectId })),
    managesGroups ? orNotFound(listWorkingGroups(actor, { projectId })) : null,
    // Who may reset passwords without managing the groups (a district official) gets the list of
    // the groups' people instead; a secretary resets from the group rows.
    !managesGroups && can(actor, "reset", "password") ? orNotFound(listProjectStaffAccounts(actor, { projectId })) : null,
  ]);

  return (
    <PageShell actor={actor} currentPath={`/projects/${projectId}/setup`}>
      <ProjectNav actor={actor} projectId={projectId} current="setup" />
      <h1 className="text-2xl font-bold">
        {t("setup.settings.title")} · {settings.name}
      </h1>

      <ProjectPhase t={t} settings={settings} action={changeProjectPhaseAction} />

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
            renameGroup: renameWorkingGroupAction,
            removeGroup: removeWorkingGroupAction,
            resetPassword: can(actor, "reset", "password") ? resetMemberPasswordAction : undefined,
          }}
        />
      ) : null}

      {staffAccounts ? (
        <StaffAccounts t={t} projectId={settings.id} accounts={staffAccounts} resetPassword={resetMemberPasswordAction} />
      ) : null}
    </PageShell>
  );
}
