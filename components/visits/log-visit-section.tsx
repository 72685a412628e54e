// The household page's visit section, built on the server: the translated labels and options of
// the visit form (components/visits/log-visit-form.tsx) and of the phone (phone-reveal.tsx).
import { optionsOf } from "@/lib/domain/options";
import { Attitude, DemandCategory, TaskKind, VisitChannel } from "@/lib/generated/prisma/enums";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ActionState } from "@/lib/server/action";
import type { VisitForm } from "@/lib/server/visits/get-visit-form";
import { LogVisitForm } from "./log-visit-form";
import { DEMAND_ROWS } from "./visit-form-rows";
import { PhoneReveal } from "./phone-reveal";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

// The schema's enums, in its order (lib/domain/options.ts).
const CHANNELS = optionsOf(VisitChannel);
const ATTITUDES = optionsOf(Attitude);
const TASK_KINDS = optionsOf(TaskKind);
const DEMAND_CATEGORIES = optionsOf(DemandCategory);

export function LogVisitSection({
  form,
  action,
  selectedTaskId,
  t,
  f,
}: {
  form: VisitForm;
  action: Action;
  selectedTaskId: string;
  t: Translate;
  f: Formatters;
}) {
  return (
    <LogVisitForm
      action={action}
      data={form}
      selectedTaskId={selectedTaskId}
      labels={{
        title: t("visits.form.title"),
        description: t("visits.form.description"),
        task: t("visits.form.task"),
        noTask: t("visits.form.noTask"),
        visitedAt: t("visits.form.visitedAt"),
        visitedAtHint: t("visits.form.visitedAtHint", { days: form.limits.daysBack }),
        channel: t("visits.form.channel"),
        participants: t("visits.form.participants"),
        participantsHint: t("visits.form.participantsHint"),
        noParticipants: t("visits.form.noParticipants"),
        summary: t("visits.form.summary"),
        summaryHint: t("visits.form.summaryHint"),
        attitude: t("visits.form.attitude"),
        nextStep: t("visits.form.nextStep"),
        nextStepHint: t("visits.form.nextStepHint"),
        followUp: t("visits.form.followUp"),
        followUpHint: t("visits.form.followUpHint"),
        followUpKind: t("visits.form.followUpKind"),
        followUpDue: t("visits.form.followUpDue"),
        followUpNote: t("visits.form.followUpNote"),
        demands: t("visits.form.demands"),
        demandsHint: t("visits.form.demandsHint"),
        demandRows: Array.from({ length: DEMAND_ROWS }, (_, i) => t("visits.form.demandRow", { n: i + 1 })),
        demandCategory: t("visits.form.demandCategory"),
        demandDescription: t("visits.form.demandDescription"),
        demandGroup: t("visits.form.demandGroup"),
        submit: t("visits.form.submit"),
        submitting: t("visits.form.submitting"),
      }}
      options={{
        tasks: form.openTasks.map((task) => ({
          value: task.id,
          label: t("visits.form.taskOption", {
            kind: t(`visits.taskKinds.${task.kind}`),
            date: f.day(task.dueDate),
            assignee: task.assigneeName,
          }),
        })),
        channels: CHANNELS.map((c) => ({ value: c, label: t(`visits.channels.${c}`) })),
        attitudes: [
          ...ATTITUDES.map((a) => ({ value: a, label: t(`visits.attitudes.${a}`) })),
          { value: "", label: t("visits.form.attitudeNone") },
        ],
        followUpKinds: [
          { value: "", label: t("visits.form.followUpNone") },
          ...TASK_KINDS.map((k) => ({ value: k, label: t(`visits.taskKinds.${k}`) })),
        ],
        demandCategories: [
          { value: "", label: t("visits.form.demandCategoryNone") },
          ...DEMAND_CATEGORIES.map((c) => ({ value: c, label: t(`visits.demandCategories.${c}`) })),
        ],
        demandGroups: [
          { value: "", label: t("visits.form.demandGroupDefault") },
          ...form.specialGroups.map((g) => ({ value: g.id, label: g.name })),
        ],
      }}
    />
  );
}

export function HouseholdPhoneSection({
  projectId,
  householdId,
  masked,
  revealable,
  action,
  t,
}: {
  projectId: string;
  householdId: string;
  masked: string | null;
  revealable: boolean;
  action: Action;
  t: Translate;
}) {
  return (
    <PhoneReveal
      projectId={projectId}
      householdId={householdId}
      masked={masked}
      revealable={revealable}
      action={action}
      labels={{
        label: t("visits.phone.label"),
        none: t("visits.phone.none"),
        show: t("visits.phone.show"),
        showing: t("visits.phone.showing"),
        call: t("visits.phone.call", { phone: "{phone}" }),
        hint: t("visits.phone.hint"),
      }}
    />
  );
}
