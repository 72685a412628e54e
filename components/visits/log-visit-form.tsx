"use client";

// The visit log form (一本日志) of the household page, made for a phone: large choice buttons for
// the channel and the attitude, the rarer parts (companions, follow-up, demands) folded away. The
// form carries a fresh idempotency key from the server; a resend of the same form (a flaky
// connection, a double tap) finds the visit already written.
import { useState, type ReactNode } from "react";
import { ChoiceButtons } from "@/components/signing/choice-buttons";
import { ActionForm, ActionField, SubmitButton, type ActionFormState } from "@/components/ui/action-form";
import { TextAreaField } from "@/components/ui/text-area-field";
import { DEMAND_ROWS } from "./visit-form-rows";
import { CheckboxField, SelectField } from "@/components/ui/select-field";
import type { ActionState } from "@/lib/server/action";
import type { VisitForm } from "@/lib/server/visits/get-visit-form";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;
type Option = { value: string; label: string };

export type VisitFormLabels = {
  title: string;
  description: string;
  task: string;
  noTask: string;
  visitedAt: string;
  visitedAtHint: string;
  channel: string;
  participants: string;
  participantsHint: string;
  noParticipants: string;
  summary: string;
  summaryHint: string;
  attitude: string;
  nextStep: string;
  nextStepHint: string;
  followUp: string;
  followUpHint: string;
  followUpKind: string;
  followUpDue: string;
  followUpNote: string;
  demands: string;
  demandsHint: string;
  /** One per row: "诉求 1", "诉求 2". */
  demandRows: string[];
  demandCategory: string;
  demandDescription: string;
  demandGroup: string;
  submit: string;
  submitting: string;
};

export type VisitFormOptions = {
  tasks: Option[];
  channels: Option[];
  attitudes: Option[];
  followUpKinds: Option[];
  demandCategories: Option[];
  demandGroups: Option[];
};

function Fold({
  summary,
  hint,
  open,
  children,
  testId,
}: {
  summary: string;
  hint: string;
  open: boolean;
  children: ReactNode;
  testId: string;
}) {
  return (
    <details className="rounded-md border border-stone-200 p-3" open={open || undefined} data-testid={testId}>
      <summary className="flex min-h-11 cursor-pointer items-center text-base font-medium">{summary}</summary>
      <p className="mb-2 text-sm text-stone-600">{hint}</p>
      <div className="flex flex-col gap-3">{children}</div>
    </details>
  );
}

/** Row k of the form's demands is the j-th non-empty row the server saw: map its errors back. */
function demandErrors(state: ActionState): Record<number, Record<string, string[]>> {
  const values = state.values ?? {};
  const filled = Array.from({ length: DEMAND_ROWS }, (_, i) => i).filter(
    (i) => (values[`demand${i}Category`] ?? "").trim() || (values[`demand${i}Description`] ?? "").trim(),
  );
  const byRow: Record<number, Record<string, string[]>> = {};
  for (const [field, messages] of Object.entries(state.fieldErrors ?? {})) {
    const match = /^demands\.(\d+)\.(\w+)$/.exec(field);
    const row = match ? filled[Number(match[1])] : undefined;
    if (row === undefined || !match) continue;
    (byRow[row] ??= {})[match[2]!] = messages;
  }
  return byRow;
}

function Fields({
  form,
  data,
  labels,
  options,
  selectedTaskId,
}: {
  form: ActionFormState;
  data: VisitForm;
  labels: VisitFormLabels;
  options: VisitFormOptions;
  selectedTaskId: string;
}) {
  const values = form.state.ok ? {} : (form.state.values ?? {});
  const [taskId, setTaskId] = useState(() => {
    const wanted = values.taskId ?? selectedTaskId;
    // The task asked for may be done by now (this form's own last visit closed it).
    return data.openTasks.some((t) => t.id === wanted) ? wanted : (data.openTasks.find((t) => t.isOwn)?.id ?? "");
  });
  const task = data.openTasks.find((t) => t.id === taskId);
  const chosen = new Set((values.participantIds ?? "").split(",").filter(Boolean));
  const errors = form.state.fieldErrors ?? {};
  const rowErrors = demandErrors(form.state);
  const followUpOpen = Boolean(values.followUpKind || values.followUpDueDate || errors.followUpKind || errors.followUpDueDate);
  const demandsOpen = Object.keys(rowErrors).length > 0 || Boolean(errors.routedGroupId) || Boolean(values.demand0Category);
  // Each render keyed by what was echoed, so a refused form keeps the user's choices.
  const echoKey = JSON.stringify(values);
  return (
    <>
      <input type="hidden" name="projectId" value={data.projectId} />
      <input type="hidden" name="householdId" value={data.householdId} />
      <input type="hidden" name="clientKey" value={data.clientKey} />
      {task ? <input type="hidden" name="taskVersion" value={task.version} /> : null}
      {data.openTasks.length > 0 ? (
        <SelectField
          id="visit-task"
          name="taskId"
          label={labels.task}
          value={taskId}
          onChange={(event) => setTaskId(event.target.value)}
          options={[{ value: "", label: labels.noTask }, ...options.tasks]}
          errors={errors.taskId ?? errors.taskVersion}
        />
      ) : null}
      <ActionField
        id="visit-at"
        name="visitedAt"
        type="datetime-local"
        label={labels.visitedAt}
        hint={labels.visitedAtHint}
        defaultValue={data.now}
        max={data.now}
        min={data.earliest}
        required
      />
      <ChoiceButtons
        key={`channel-${echoKey}`}
        name="channel"
        legend={labels.channel}
        options={options.channels}
        defaultValue={values.channel ?? (task?.kind === "PHONE_CALL" ? "PHONE" : "DOOR")}
        errors={errors.channel}
        idPrefix="visit"
        columns={2}
      />
      <TextAreaField
        id="visit-summary"
        name="summary"
        label={labels.summary}
        hint={labels.summaryHint}
        maxLength={data.limits.summary}
        required
        echoed={values.summary}
        errors={errors.summary}
      />
      <ChoiceButtons
        key={`attitude-${echoKey}`}
        name="attitude"
        legend={labels.attitude}
        options={options.attitudes}
        defaultValue={values.attitude ?? ""}
        errors={errors.attitude}
        idPrefix="visit"
        columns={2}
      />
      <ActionField id="visit-next" name="nextStep" label={labels.nextStep} hint={labels.nextStepHint} maxLength={data.limits.nextStep} />
      <Fold
        summary={labels.participants}
        hint={labels.participantsHint}
        open={chosen.size > 0 || Boolean(errors.participantIds)}
        testId="visit-participants"
      >
        {data.participants.length === 0 ? (
          <p>{labels.noParticipants}</p>
        ) : (
          <fieldset key={`participants-${echoKey}`} aria-describedby={errors.participantIds ? "visit-participants-error" : undefined}>
            <legend className="sr-only">{labels.participants}</legend>
            <div className="grid grid-cols-1 gap-x-4 sm:grid-cols-2">
              {data.participants.map((p) => (
                <CheckboxField
                  key={p.id}
                  id={`visit-participant-${p.id}`}
                  name="participantIds"
                  value={p.id}
                  label={p.name}
                  defaultChecked={chosen.has(p.id)}
                />
              ))}
            </div>
          </fieldset>
        )}
        <div id="visit-participants-error" aria-live="polite" className="text-sm text-brand-700">
          {errors.participantIds?.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      </Fold>
      <Fold summary={labels.followUp} hint={labels.followUpHint} open={followUpOpen} testId="visit-follow-up">
        <SelectField
          key={`follow-kind-${echoKey}`}
          id="visit-follow-kind"
          name="followUpKind"
          label={labels.followUpKind}
          defaultValue={values.followUpKind ?? ""}
          options={options.followUpKinds}
          errors={errors.followUpKind}
        />
        <ActionField id="visit-follow-due" name="followUpDueDate" type="date" label={labels.followUpDue} min={data.today} />
        <ActionField id="visit-follow-note" name="followUpNote" label={labels.followUpNote} maxLength={data.limits.followUpNote} />
      </Fold>
      <Fold summary={labels.demands} hint={labels.demandsHint} open={demandsOpen} testId="visit-demands">
        {labels.demandRows.map((rowLabel, i) => (
          <fieldset
            key={`demand-${i}-${echoKey}`}
            className="flex flex-col gap-3 border-t border-stone-200 pt-3 first:border-t-0 first:pt-0"
          >
            <legend className="text-sm font-semibold">{rowLabel}</legend>
            <SelectField
              id={`visit-demand-${i}-category`}
              name={`demand${i}Category`}
              label={labels.demandCategory}
              defaultValue={values[`demand${i}Category`] ?? ""}
              options={options.demandCategories}
              errors={rowErrors[i]?.category}
            />
            <TextAreaField
              id={`visit-demand-${i}-description`}
              name={`demand${i}Description`}
              label={labels.demandDescription}
              maxLength={data.limits.demandDescription}
              rows={2}
              echoed={values[`demand${i}Description`]}
              errors={rowErrors[i]?.description}
            />
            <SelectField
              id={`visit-demand-${i}-group`}
              name={`demand${i}GroupId`}
              label={labels.demandGroup}
              defaultValue={values[`demand${i}GroupId`] ?? ""}
              options={options.demandGroups}
              errors={i === 0 ? (rowErrors[i]?.routedGroupId ?? errors.routedGroupId) : rowErrors[i]?.routedGroupId}
            />
          </fieldset>
        ))}
      </Fold>
      <div>
        <SubmitButton label={labels.submit} pendingLabel={labels.submitting} className="w-full sm:w-auto" />
      </div>
    </>
  );
}

/** `selectedTaskId`: the task the member came for (from My tasks), preselected. */
export function LogVisitForm({
  action,
  data,
  labels,
  options,
  selectedTaskId,
}: {
  action: Action;
  data: VisitForm;
  labels: VisitFormLabels;
  options: VisitFormOptions;
  selectedTaskId: string;
}) {
  return (
    <section id="log-visit" aria-labelledby="log-visit-title" className="scroll-mt-4 rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="log-visit-title" className="text-lg font-semibold">
        {labels.title}
      </h2>
      <p className="mb-3 text-stone-700">{labels.description}</p>
      {/* A new key from the server after each saved visit renews the fields. */}
      <ActionForm action={action} testId="log-visit-form" formKey={data.clientKey} busy>
        {(form) => <Fields form={form} data={data} labels={labels} options={options} selectedTaskId={selectedTaskId} />}
      </ActionForm>
    </section>
  );
}
