import { ResetPasswordForm } from "@/components/accounts/reset-password-form";
import { ActionField, ActionForm, ActionMessage, ActionScope, ActionSelect, BoundForm, SubmitButton } from "@/components/ui/action-form";
import { CheckboxField } from "@/components/ui/select-field";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionState } from "@/lib/server/action";
import type { WorkingGroupListItem } from "@/lib/server/groups/list-working-groups";
import { GroupSpecialty } from "@/lib/generated/prisma/enums";
import { RemovedGroupNotice, RemoveGroupForm, type RemoveGroupLabels } from "./group-removal";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type WorkingGroupActions = {
  createGroup: Action;
  addMember: Action;
  setRole: Action;
  removeMember: Action;
  renameGroup: Action;
  removeGroup: Action;
  /** Absent when the reader may not reset passwords. */
  resetPassword?: Action;
};

type Group = WorkingGroupListItem;
type Member = Group["members"][number];

/** Working groups with their members, and the forms that change them. */
export function WorkingGroups({
  t,
  projectId,
  groups,
  actions,
}: {
  t: Translate;
  projectId: string;
  groups: WorkingGroupListItem[];
  actions: WorkingGroupActions;
}) {
  return (
    <section aria-labelledby="groups-title" className="flex flex-col gap-4">
      <h2 id="groups-title" className="text-xl font-semibold">
        {t("setup.groups.title")}
      </h2>
      {groups.length === 0 ? <p className="text-stone-700">{t("setup.groups.empty")}</p> : null}
      {/* One scope for every group's removal: the answer outlives the removed group's card. */}
      <ActionScope action={actions.removeGroup}>
        <RemovedGroupNotice />
        <ul className="grid gap-4 lg:grid-cols-2">
          {groups.map((group) => (
            <GroupCard key={group.id} t={t} projectId={projectId} group={group} groups={groups} actions={actions} />
          ))}
        </ul>
      </ActionScope>
      <CreateGroupForm t={t} projectId={projectId} action={actions.createGroup} />
    </section>
  );
}

function removeGroupLabels(t: Translate): RemoveGroupLabels {
  return {
    open: t("setup.groups.removeGroup"),
    confirm: t("setup.groups.removeGroupConfirm"),
    householdsQuestion: t("setup.groups.householdsQuestion"),
    householdsTo: t("setup.groups.householdsTo"),
    choose: t("setup.groups.chooseDestination"),
    unassigned: t("setup.groups.unassigned"),
    membersNote: t("setup.groups.membersLeave"),
    submit: t("setup.groups.removeGroupSubmit"),
    pending: t("common.loading"),
  };
}

function GroupCard({
  t,
  projectId,
  group,
  groups,
  actions,
}: {
  t: Translate;
  projectId: string;
  group: Group;
  groups: Group[];
  actions: WorkingGroupActions;
}) {
  return (
    <li className="rounded-lg border border-stone-200 bg-white p-4" data-testid={`group-${group.name}`}>
      <h3 className="text-lg font-semibold">{group.name}</h3>
      <p className="text-sm text-stone-700">
        {group.kind === "SIGNING"
          ? `${t("setup.groups.signing")} · ${t("setup.groups.households", { count: group._count.households })}`
          : `${t("setup.groups.special")} · ${group.specialty ? t(`setup.specialties.${group.specialty}`) : ""}`}
      </p>
      <h4 className="mt-3 text-sm font-medium text-stone-700">{t("setup.groups.members")}</h4>
      {group.members.length === 0 ? <p className="text-stone-600">{t("setup.groups.noMembers")}</p> : null}
      {/* The removal's answer stays in the card after the member's row is gone. */}
      <ActionScope action={actions.removeMember}>
        <ul className="divide-y divide-stone-100">
          {group.members.map((member) => (
            <MemberRow key={member.id} t={t} projectId={projectId} group={group} member={member} actions={actions} />
          ))}
        </ul>
        <ActionMessage testIds={{ success: "member-removed", error: "member-remove-error" }} />
      </ActionScope>
      <details className="mt-3">
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">{t("setup.groups.addMember")}</summary>
        <AddMemberForm t={t} projectId={projectId} group={group} action={actions.addMember} />
      </details>
      <details className="mt-3" data-testid={`rename-group-${group.name}`}>
        <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">{t("setup.groups.rename")}</summary>
        <ActionForm
          action={actions.renameGroup}
          submitLabel={t("setup.groups.renameSubmit")}
          pendingLabel={t("common.loading")}
          formKey={group.version}
          messageTestIds={{ success: "group-renamed", error: "group-rename-error" }}
        >
          <input type="hidden" name="projectId" value={projectId} />
          <input type="hidden" name="groupId" value={group.id} />
          <input type="hidden" name="version" value={group.version} />
          <ActionField id={`rename-${group.id}`} name="name" label={t("setup.groups.newName")} defaultValue={group.name} required />
        </ActionForm>
      </details>
      <RemoveGroupForm
        projectId={projectId}
        group={{
          id: group.id,
          name: group.name,
          version: group.version,
          households: group._count.households,
          members: group.members.length,
        }}
        destinations={groups.filter((g) => g.kind === "SIGNING" && g.id !== group.id).map((g) => ({ value: g.id, label: g.name }))}
        labels={removeGroupLabels(t)}
      />
    </li>
  );
}

function MemberRow({
  t,
  projectId,
  group,
  member,
  actions,
}: {
  t: Translate;
  projectId: string;
  group: Group;
  member: Member;
  actions: WorkingGroupActions;
}) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 py-2" data-testid={`member-${member.user.name}`}>
      <span>
        {member.user.name}
        <span className="ml-2 text-sm text-stone-600">
          {member.role === "LEADER" ? t("setup.groups.leader") : t("setup.groups.member")}
          {member.user.isPartyMember ? ` · ${t("setup.groups.partyMember")}` : ""}
          {member.unit ? ` · ${member.unit.name}` : ""}
        </span>
      </span>
      <span className="flex gap-1">
        <ActionForm
          action={actions.setRole}
          submitLabel={member.role === "LEADER" ? t("setup.groups.makeMember") : t("setup.groups.makeLeader")}
          pendingLabel={t("common.loading")}
          submitVariant="secondary"
          className="flex items-center"
        >
          <input type="hidden" name="projectId" value={projectId} />
          <input type="hidden" name="groupId" value={group.id} />
          <input type="hidden" name="memberId" value={member.id} />
          <input type="hidden" name="role" value={member.role === "LEADER" ? "MEMBER" : "LEADER"} />
        </ActionForm>
      </span>
      {/* Removing asks first; the answer shows under the group's list (the row goes). */}
      <details className="w-full" data-testid={`remove-member-${member.user.name}`}>
        <summary className="inline-flex min-h-11 cursor-pointer items-center text-sm font-medium text-brand-700">
          {t("setup.groups.remove")}
        </summary>
        <BoundForm className="flex flex-wrap items-center gap-2">
          <input type="hidden" name="projectId" value={projectId} />
          <input type="hidden" name="groupId" value={group.id} />
          <input type="hidden" name="memberId" value={member.id} />
          <p className="text-sm text-stone-700">{t("setup.groups.removeConfirm", { name: member.user.name, group: group.name })}</p>
          <SubmitButton label={t("setup.groups.removeSubmit")} pendingLabel={t("common.loading")} variant="secondary" />
        </BoundForm>
      </details>
      {actions.resetPassword ? <ResetPasswordForm t={t} projectId={projectId} user={member.user} action={actions.resetPassword} /> : null}
    </li>
  );
}

function AddMemberForm({ t, projectId, group, action }: { t: Translate; projectId: string; group: Group; action: Action }) {
  return (
    <ActionForm
      action={action}
      submitLabel={t("setup.groups.addSubmit")}
      pendingLabel={t("common.loading")}
      testId={`add-member-${group.name}`}
    >
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="groupId" value={group.id} />
      <ActionField id={`phone-${group.id}`} name="phone" type="tel" inputMode="numeric" label={t("setup.groups.phone")} required />
      <ActionField id={`name-${group.id}`} name="name" label={t("setup.groups.memberName")} />
      <ActionSelect
        id={`role-${group.id}`}
        name="role"
        label={t("setup.groups.role")}
        defaultValue="MEMBER"
        options={[
          { value: "MEMBER", label: t("setup.groups.member") },
          { value: "LEADER", label: t("setup.groups.leader") },
        ]}
      />
      <CheckboxField id={`party-${group.id}`} name="isPartyMember" label={t("setup.groups.isPartyMember")} />
    </ActionForm>
  );
}

function CreateGroupForm({ t, projectId, action }: { t: Translate; projectId: string; action: Action }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-4 sm:max-w-lg">
      <h3 className="mb-2 text-lg font-semibold">{t("setup.groups.create")}</h3>
      <ActionForm action={action} submitLabel={t("setup.groups.createSubmit")} pendingLabel={t("common.loading")} testId="create-group">
        <input type="hidden" name="projectId" value={projectId} />
        <ActionField id="group-name" name="name" label={t("setup.groups.name")} required />
        <ActionSelect
          id="group-kind"
          name="kind"
          label={t("setup.groups.kind")}
          defaultValue="SIGNING"
          options={[
            { value: "SIGNING", label: t("setup.groups.signing") },
            { value: "SPECIAL", label: t("setup.groups.special") },
          ]}
        />
        <ActionSelect
          id="group-specialty"
          name="specialty"
          label={t("setup.groups.specialty")}
          defaultValue=""
          options={[
            { value: "", label: t("setup.groups.chooseSpecialty") },
            ...Object.values(GroupSpecialty).map((s) => ({ value: s, label: t(`setup.specialties.${s}`) })),
          ]}
        />
      </ActionForm>
    </div>
  );
}
