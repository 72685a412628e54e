"use client";

import { useRouter } from "next/navigation";
import type { ReactNode } from "react";
import { ActionMessage, ActionScope, BoundForm, SubmitButton, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/server/action";
import { ChoiceButtons } from "./choice-buttons";

export type HouseholdEventLabels = {
  recordVote: string;
  agree: string;
  disagree: string;
  sign: string;
  channel: string;
  agreementNumber: string;
  signedAt: string;
  timeHint: string;
  submitSign: string;
  moveOut: string;
  movedOutAt: string;
  submitMoveOut: string;
  handOver: string;
  handedOverAt: string;
  submitHandOver: string;
  exclude: string;
  excludeHint: string;
  reason: string;
  submitExclude: string;
  include: string;
  undo: string;
  undoHint: string;
  undoStep: string;
  undoReason: string;
  submitUndo: string;
  saving: string;
  reload: string;
};

export type AllowedEvents = {
  vote: ("AGREE" | "DISAGREE")[];
  sign: boolean;
  moveOut: boolean;
  handOver: boolean;
  exclude: boolean;
  include: boolean;
  /** Steps the actor may undo now (secretaries only). */
  undo: { value: string; label: string }[];
};

type Option = { value: string; label: string };
type Event = "vote" | "sign" | "moveOut" | "handOver" | "exclude" | "include" | "undo";
/** The household and version every form posts back. */
type Target = { projectId: string; householdId: string; version: number };

const BOX = "flex flex-col gap-3 rounded-md border border-stone-200 p-3";

/**
 * The household page's workflow forms: only the events the state machine allows now and the
 * actor may record. All forms post to one action with the household's version, so one message
 * area answers whichever was sent; after a success the page re-renders with the new version and
 * the forms start afresh (keyed by version).
 */
export function HouseholdEventForms({
  projectId,
  householdId,
  version,
  allowed,
  channels,
  maxTime,
  labels,
  action,
}: {
  projectId: string;
  householdId: string;
  version: number;
  allowed: AllowedEvents;
  channels: Option[];
  /** Now, as a datetime-local value in the deployment's time zone: times may not be later. */
  maxTime: string;
  labels: HouseholdEventLabels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const target: Target = { projectId, householdId, version };
  return (
    <ActionScope action={action}>
      <div className="flex flex-col gap-4">
        <PanelMessage reloadLabel={labels.reload} />
        <div key={version} className="grid gap-4 lg:grid-cols-2">
          {allowed.vote.length > 0 ? <VoteForm target={target} votes={allowed.vote} labels={labels} /> : null}
          {allowed.sign ? <SignForm target={target} channels={channels} maxTime={maxTime} labels={labels} /> : null}
          {allowed.moveOut ? (
            <TimeForm
              target={target}
              event="moveOut"
              titleId="signing-move-title"
              title={labels.moveOut}
              field="movedOutAt"
              fieldLabel={labels.movedOutAt}
              submit={labels.submitMoveOut}
              maxTime={maxTime}
              labels={labels}
            />
          ) : null}
          {allowed.handOver ? (
            <TimeForm
              target={target}
              event="handOver"
              titleId="signing-hand-title"
              title={labels.handOver}
              field="handedOverAt"
              fieldLabel={labels.handedOverAt}
              submit={labels.submitHandOver}
              maxTime={maxTime}
              labels={labels}
            />
          ) : null}
          {allowed.include ? (
            <TitledForm target={target} event="include" titleId="signing-include-title" title={labels.include}>
              <SubmitButton label={labels.include} pendingLabel={labels.saving} variant="primary" className="min-h-12 w-full sm:w-auto" />
            </TitledForm>
          ) : null}
          {allowed.exclude ? <ExcludeForm target={target} labels={labels} /> : null}
          {allowed.undo.length > 0 ? <UndoForm target={target} steps={allowed.undo} labels={labels} /> : null}
        </div>
      </div>
    </ActionScope>
  );
}

/** The answer of the panel's one action, with a way to fetch the household afresh after a refusal. */
function PanelMessage({ reloadLabel }: { reloadLabel: string }) {
  const router = useRouter();
  return (
    <ActionMessage
      testIds={{ success: "signing-panel-success", error: "signing-panel-error" }}
      render={(state) => (
        <>
          <p>{state.fieldErrors?._form?.join(" ") ?? state.message}</p>
          {!state.ok ? (
            <button type="button" onClick={() => router.refresh()} className="mt-1 underline underline-offset-4">
              {reloadLabel}
            </button>
          ) : null}
        </>
      )}
    />
  );
}

/** The last answer as it concerns `event`'s form: field names repeat between forms, so errors and
 *  typed values belong to the form that was sent and refused. */
function useEventAnswer(event: Event) {
  const { state, pending } = useActionForm();
  const refused = !state.ok && state.values?.event === event;
  return {
    pending,
    refused,
    errorsOf: (field: string) => (refused ? state.fieldErrors?.[field] : undefined),
    valueOf: (field: string) => (refused ? state.values?.[field] : undefined),
  };
}

function HiddenFields({ event, target }: { event: Event; target: Target }) {
  return (
    <>
      <input type="hidden" name="event" value={event} />
      <input type="hidden" name="projectId" value={target.projectId} />
      <input type="hidden" name="householdId" value={target.householdId} />
      <input type="hidden" name="version" value={target.version} />
    </>
  );
}

function TitledForm({
  target,
  event,
  titleId,
  title,
  children,
}: {
  target: Target;
  event: Event;
  titleId: string;
  title: string;
  children: ReactNode;
}) {
  return (
    <BoundForm className={BOX} aria-labelledby={titleId}>
      <h3 id={titleId} className="font-semibold">
        {title}
      </h3>
      <HiddenFields event={event} target={target} />
      {children}
    </BoundForm>
  );
}

/** A form folded away behind its summary (the rarer, weightier events); open again after a refusal. */
function FoldedForm({
  target,
  event,
  title,
  hint,
  testId,
  children,
}: {
  target: Target;
  event: Event;
  title: string;
  hint: string;
  testId?: string;
  children: ReactNode;
}) {
  const { refused } = useEventAnswer(event);
  return (
    <details className={BOX} open={refused ? true : undefined} data-testid={testId}>
      <summary className="min-h-11 cursor-pointer py-2 font-semibold">{title}</summary>
      <BoundForm className="flex flex-col gap-3">
        <HiddenFields event={event} target={target} />
        <p className="text-sm text-stone-700">{hint}</p>
        {children}
      </BoundForm>
    </details>
  );
}

function VoteForm({ target, votes, labels }: { target: Target; votes: AllowedEvents["vote"]; labels: HouseholdEventLabels }) {
  const { pending } = useEventAnswer("vote");
  return (
    <TitledForm target={target} event="vote" titleId="signing-vote-title" title={labels.recordVote}>
      <div className="flex flex-wrap gap-2">
        {votes.map((vote) => (
          <Button
            key={vote}
            type="submit"
            name="vote"
            value={vote}
            variant={vote === "AGREE" ? "primary" : "secondary"}
            disabled={pending}
            className="min-h-12"
          >
            {vote === "AGREE" ? labels.agree : labels.disagree}
          </Button>
        ))}
      </div>
    </TitledForm>
  );
}

function SignForm({
  target,
  channels,
  maxTime,
  labels,
}: {
  target: Target;
  channels: Option[];
  maxTime: string;
  labels: HouseholdEventLabels;
}) {
  const { errorsOf, valueOf } = useEventAnswer("sign");
  return (
    <TitledForm target={target} event="sign" titleId="signing-sign-title" title={labels.sign}>
      <ChoiceButtons
        idPrefix="panel"
        name="channel"
        legend={labels.channel}
        options={channels}
        defaultValue={valueOf("channel") ?? "ON_SITE"}
        errors={errorsOf("channel")}
      />
      <FormField
        id="panel-agreementNumber"
        name="agreementNumber"
        label={labels.agreementNumber}
        autoComplete="off"
        autoCapitalize="characters"
        defaultValue={valueOf("agreementNumber")}
        errors={errorsOf("agreementNumber")}
        required
      />
      <FormField
        id="panel-signedAt"
        name="signedAt"
        type="datetime-local"
        label={labels.signedAt}
        hint={labels.timeHint}
        max={maxTime}
        defaultValue={valueOf("signedAt")}
        errors={errorsOf("signedAt")}
      />
      <SubmitButton label={labels.submitSign} pendingLabel={labels.saving} variant="primary" className="min-h-12 w-full sm:w-auto" />
    </TitledForm>
  );
}

/** Move-out and hand-over: when it happened (now if left empty). */
function TimeForm({
  target,
  event,
  titleId,
  title,
  field,
  fieldLabel,
  submit,
  maxTime,
  labels,
}: {
  target: Target;
  event: "moveOut" | "handOver";
  titleId: string;
  title: string;
  field: string;
  fieldLabel: string;
  submit: string;
  maxTime: string;
  labels: HouseholdEventLabels;
}) {
  const { errorsOf, valueOf } = useEventAnswer(event);
  return (
    <TitledForm target={target} event={event} titleId={titleId} title={title}>
      <FormField
        id={`panel-${field}`}
        name={field}
        type="datetime-local"
        label={fieldLabel}
        hint={labels.timeHint}
        max={maxTime}
        defaultValue={valueOf(field)}
        errors={errorsOf(field)}
      />
      <SubmitButton label={submit} pendingLabel={labels.saving} variant="primary" className="min-h-12 w-full sm:w-auto" />
    </TitledForm>
  );
}

function ExcludeForm({ target, labels }: { target: Target; labels: HouseholdEventLabels }) {
  const { errorsOf, valueOf } = useEventAnswer("exclude");
  return (
    <FoldedForm target={target} event="exclude" title={labels.exclude} hint={labels.excludeHint}>
      <FormField
        id="panel-exclude-reason"
        name="reason"
        label={labels.reason}
        defaultValue={valueOf("reason")}
        errors={errorsOf("reason")}
        required
      />
      <SubmitButton label={labels.submitExclude} pendingLabel={labels.saving} variant="secondary" className="min-h-12 w-full sm:w-auto" />
    </FoldedForm>
  );
}

function UndoForm({ target, steps, labels }: { target: Target; steps: Option[]; labels: HouseholdEventLabels }) {
  const { errorsOf, valueOf } = useEventAnswer("undo");
  return (
    <FoldedForm target={target} event="undo" title={labels.undo} hint={labels.undoHint} testId="signing-undo">
      <ChoiceButtons
        idPrefix="panel-undo"
        name="kind"
        legend={labels.undoStep}
        options={steps}
        defaultValue={valueOf("kind") ?? (steps.length === 1 ? steps[0]!.value : undefined)}
        errors={errorsOf("kind")}
        columns={1}
      />
      <FormField
        id="panel-undo-reason"
        name="reason"
        label={labels.undoReason}
        defaultValue={valueOf("reason")}
        errors={errorsOf("reason")}
        required
      />
      <SubmitButton label={labels.submitUndo} pendingLabel={labels.saving} variant="secondary" className="min-h-12 w-full sm:w-auto" />
    </FoldedForm>
  );
}
