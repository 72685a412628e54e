"use server";

import { formField, runAction, type ActionState } from "@/lib/server/action";
import { resetMemberPassword } from "@/lib/server/accounts/reset-member-password";
import { addGroupMember } from "@/lib/server/groups/add-group-member";
import { createWorkingGroup } from "@/lib/server/groups/create-working-group";
import { removeGroupMember } from "@/lib/server/groups/remove-group-member";
import { removeWorkingGroup } from "@/lib/server/groups/remove-working-group";
import { renameWorkingGroup } from "@/lib/server/groups/rename-working-group";
import { setGroupMemberRole } from "@/lib/server/groups/set-group-member-role";
import { changeProjectPhase } from "@/lib/server/projects/change-project-phase";
import { updateProject } from "@/lib/server/projects/update-project";

function projectPaths(formData: FormData): string[] {
  const id = formField(formData, "projectId");
  return [`/projects/${id}/setup`, `/projects/${id}`, "/projects"];
}

export async function updateProjectAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, updateProject, {
    revalidate: projectPaths(formData),
    success: (result, t) =>
      [
        result.changed.length ? t("setup.settings.saved") : t("setup.settings.unchanged"),
        // Accepted, but said out loud: a past end date is more often a slip than a record.
        result.signingEndPassed ? t("setup.settings.signingEndPassed") : null,
      ]
        .filter(Boolean)
        .join(" "),
  });
}

export async function changeProjectPhaseAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, changeProjectPhase, {
    revalidate: projectPaths(formData),
    success: (result, t) => t("setup.phase.changed", { phase: t(`project.phases.${result.phase}`) }),
  });
}

export async function createWorkingGroupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, createWorkingGroup, { revalidate: projectPaths(formData), success: (_r, t) => t("setup.groups.created") });
}

export async function addGroupMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, addGroupMember, {
    revalidate: projectPaths(formData),
    success: (result, t) =>
      result.temporaryPassword
        ? t("setup.groups.addedNewAccount", { name: result.name, password: result.temporaryPassword })
        : t("setup.groups.added", { name: result.name }),
  });
}

export async function setGroupMemberRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, setGroupMemberRole, { revalidate: projectPaths(formData), success: (_r, t) => t("setup.groups.roleChanged") });
}

export async function removeGroupMemberAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, removeGroupMember, {
    revalidate: projectPaths(formData),
    success: (result, t) => t("setup.groups.removed", { name: result.name, group: result.group }),
  });
}

export async function renameWorkingGroupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, renameWorkingGroup, {
    revalidate: projectPaths(formData),
    success: (result, t) => (result.changed ? t("setup.groups.renamed", { name: result.name }) : t("setup.settings.unchanged")),
  });
}

export async function removeWorkingGroupAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, removeWorkingGroup, {
    revalidate: projectPaths(formData),
    success: (result, t) =>
      result.movedHouseholds === 0
        ? t("setup.groups.groupRemoved", { name: result.name })
        : result.movedTo
          ? t("setup.groups.groupRemovedMoved", { name: result.name, count: result.movedHouseholds, to: result.movedTo })
          : t("setup.groups.groupRemovedUnassigned", { name: result.name, count: result.movedHouseholds }),
  });
}

export async function resetMemberPasswordAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, resetMemberPassword, {
    success: (result, t) => t("accounts.reset.done", { name: result.name, password: result.temporaryPassword }),
  });
}
