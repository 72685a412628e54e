"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { Alert } from "@/components/ui/alert";
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
  channels: { value: string; label: string }[];
  /** Now, as a datetime-local value in the deployment's time zone: times may not be later. */
  maxTime: string;
  labels: HouseholdEventLabels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const router = useRouter();
  const sent = state.values?.event;
  const errorsOf = (event: string, field: string) => (!state.ok && sent === event ? state.fieldErrors?.[field] : undefined);
  const formProblem = state.fieldErrors?._form?.join(" ");
  const valueOf = (event: string, field: string) => (!state.ok && sent === event ? state.values?.[field] : undefined);

  const hidden = (event: string) => (
    <>
      <input type="hidden" name="event" value={event} />
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  const submit = (label: string, variant: "primary" | "secondary" = "primary") => (
    <Button type="submit" variant={variant} disabled={pending} className="min-h-12 w-full sm:w-auto">
      {pending ? labels.saving : label}
    </Button>
  );
  const box = "flex flex-col gap-3 rounded-md border border-stone-200 p-3";

  return (
    <div className="flex flex-col gap-4">
      <div aria-live="polite">
        {state.message ? (
          <Alert tone={state.ok ? "success" : "error"} testId={state.ok ? "signing-panel-success" : "signing-panel-error"}>
            <p>{formProblem ?? state.message}</p>
            {!state.ok ? (
              <button type="button" onClick={() => router.refresh()} className="mt-1 underline underline-offset-4">
                {labels.reload}
              </button>
            ) : null}
          </Alert>
        ) : null}
      </div>

      <div key={version} className="grid gap-4 lg:grid-cols-2">
        {allowed.vote.length > 0 ? (
          <form action={formAction} className={box} aria-labelledby="signing-vote-title">
            <h3 id="signing-vote-title" className="font-semibold">{labels.recordVote}</h3>
            {hidden("vote")}
            <div className="flex flex-wrap gap-2">
              {allowed.vote.map((vote) => (
                <Button key={vote} type="submit" name="vote" value={vote} variant={vote === "AGREE" ? "primary" : "secondary"} disabled={pending} className="min-h-12">
                  {vote === "AGREE" ? labels.agree : labels.disagree}
                </Button>
              ))}
            </div>
          </form>
        ) : null}

        {allowed.sign ? (
          <form action={formAction} className={box} aria-labelledby="signing-sign-title">
            <h3 id="signing-sign-title" className="font-semibold">{labels.sign}</h3>
            {hidden("sign")}
            <ChoiceButtons
              idPrefix="panel"
              name="channel"
              legend={labels.channel}
              options={channels}
              defaultValue={valueOf("sign", "channel") ?? "ON_SITE"}
              errors={errorsOf("sign", "channel")}
            />
            <FormField
              id="panel-agreementNumber"
              name="agreementNumber"
              label={labels.agreementNumber}
              autoComplete="off"
              autoCapitalize="characters"
              defaultValue={valueOf("sign", "agreementNumber")}
              errors={errorsOf("sign", "agreementNumber")}
              required
            />
            <FormField
              id="panel-signedAt"
              name="signedAt"
              type="datetime-local"
              label={labels.signedAt}
              hint={labels.timeHint}
              max={maxTime}
              defaultValue={valueOf("sign", "signedAt")}
              errors={errorsOf("sign", "signedAt")}
            />
            {submit(labels.submitSign)}
          </form>
        ) : null}

        {allowed.moveOut ? (
          <form action={formAction} className={box} aria-labelledby="signing-move-title">
            <h3 id="signing-move-title" className="font-semibold">{labels.moveOut}</h3>
            {hidden("moveOut")}
            <FormField
              id="panel-movedOutAt"
              name="movedOutAt"
              type="datetime-local"
              label={labels.movedOutAt}
              hint={labels.timeHint}
              max={maxTime}
              defaultValue={valueOf("moveOut", "movedOutAt")}
              errors={errorsOf("moveOut", "movedOutAt")}
            />
            {submit(labels.submitMoveOut)}
          </form>
        ) : null}

        {allowed.handOver ? (
          <form action={formAction} className={box} aria-labelledby="signing-hand-title">
            <h3 id="signing-hand-title" className="font-semibold">{labels.handOver}</h3>
            {hidden("handOver")}
            <FormField
              id="panel-handedOverAt"
              name="handedOverAt"
              type="datetime-local"
              label={labels.handedOverAt}
              hint={labels.timeHint}
              max={maxTime}
              defaultValue={valueOf("handOver", "handedOverAt")}
              errors={errorsOf("handOver", "handedOverAt")}
            />
            {submit(labels.submitHandOver)}
          </form>
        ) : null}

        {allowed.include ? (
          <form action={formAction} className={box} aria-labelledby="signing-include-title">
            <h3 id="signing-include-title" className="font-semibold">{labels.include}</h3>
            {hidden("include")}
            {submit(labels.include)}
          </form>
        ) : null}

        {allowed.exclude ? (
          <details className={box} open={sent === "exclude" && !state.ok ? true : undefined}>
            <summary className="min-h-11 cursor-pointer py-2 font-semibold">{labels.exclude}</summary>
            <form action={formAction} className="flex flex-col gap-3">
              {hidden("exclude")}
              <p className="text-sm text-stone-700">{labels.excludeHint}</p>
              <FormField
                id="panel-exclude-reason"
                name="reason"
                label={labels.reason}
                defaultValue={valueOf("exclude", "reason")}
                errors={errorsOf("exclude", "reason")}
                required
              />
              {submit(labels.submitExclude, "secondary")}
            </form>
          </details>
        ) : null}

        {allowed.undo.length > 0 ? (
          <details className={box} open={sent === "undo" && !state.ok ? true : undefined} data-testid="signing-undo">
            <summary className="min-h-11 cursor-pointer py-2 font-semibold">{labels.undo}</summary>
            <form action={formAction} className="flex flex-col gap-3">
              {hidden("undo")}
              <p className="text-sm text-stone-700">{labels.undoHint}</p>
              <ChoiceButtons
                idPrefix="panel-undo"
                name="kind"
                legend={labels.undoStep}
                options={allowed.undo}
                defaultValue={valueOf("undo", "kind") ?? (allowed.undo.length === 1 ? allowed.undo[0]!.value : undefined)}
                errors={errorsOf("undo", "kind")}
                columns={1}
              />
              <FormField
                id="panel-undo-reason"
                name="reason"
                label={labels.undoReason}
                defaultValue={valueOf("undo", "reason")}
                errors={errorsOf("undo", "reason")}
                required
              />
              {submit(labels.submitUndo, "secondary")}
            </form>
          </details>
        ) : null}
      </div>
    </div>
  );
}
