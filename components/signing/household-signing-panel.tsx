import { wallClockOf } from "@/lib/domain/calendar-day";
import { UNDOABLE_STEPS, type Refusal } from "@/lib/domain/household-workflow";
import { SIGNING_CHANNELS } from "@/lib/domain/options";
import { formatters } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/translate";
import type { ActionState } from "@/lib/server/action";
import type { HouseholdWorkflow } from "@/lib/server/signing/get-household-workflow";
import { HouseholdEventForms, type AllowedEvents, type HouseholdEventLabels } from "./household-event-forms";

/** Why the household's next step on the road cannot happen now, if it cannot. */
function nextStepRefusal(w: HouseholdWorkflow): Refusal | null {
  if (w.isExcluded) return w.options.include;
  if (!w.signing) return w.options.sign;
  if (!w.movedOutAt) return w.options.moveOut;
  if (!w.handedOverAt) return w.options.handOver;
  return null;
}

/** The events the actor may record (or undo) for the household now. */
function allowedEvents(w: HouseholdWorkflow, t: Translate): AllowedEvents {
  const o = w.options;
  return {
    vote: w.mayRecord ? (["AGREE", "DISAGREE"] as const).filter((v) => o.vote[v] === null) : [],
    sign: w.mayRecord && o.sign === null,
    moveOut: w.mayRecord && o.moveOut === null,
    handOver: w.mayRecord && o.handOver === null,
    exclude: w.mayRecord && o.exclude === null,
    include: w.mayRecord && o.include === null,
    undo: w.mayUndo
      ? UNDOABLE_STEPS.filter((step) => o.undo[step] === null).map((step) => ({ value: step, label: t(`signing.stepChoices.${step}`) }))
      : [],
  };
}

function isAnythingAllowed(a: AllowedEvents): boolean {
  return a.vote.length > 0 || a.sign || a.moveOut || a.handOver || a.exclude || a.include || a.undo.length > 0;
}

/** Where the household stands, as label/value pairs (the later steps only once they happened). */
function workflowFacts(w: HouseholdWorkflow, t: Translate, locale: Locale): { label: string; value: string; testId: string }[] {
  const { dateTime } = formatters(locale, w.timeZone);
  const agreementStatus = {
    PENDING: t("signing.panel.pending"),
    EFFECTIVE: t("signing.panel.effective"),
    FAILED: t("signing.panel.failed"),
  }[w.agreements];
  return [
    { label: t("signing.panel.vote"), value: t(`household.votes.${w.firstRoundVote ?? "NONE"}`), testId: "panel-vote" },
    {
      label: t("signing.panel.signing"),
      value: w.signing
        ? `${t("signing.panel.signingValue", { time: dateTime(w.signing.signedAt), channel: t(`signing.channels.${w.signing.channel}`), number: w.signing.agreementNumber })} · ${agreementStatus}`
        : t("signing.panel.notSigned"),
      testId: "panel-signing",
    },
    ...(w.movedOutAt ? [{ label: t("signing.panel.movedOutAt"), value: dateTime(w.movedOutAt), testId: "panel-moved-out" }] : []),
    ...(w.handedOverAt ? [{ label: t("signing.panel.handedOverAt"), value: dateTime(w.handedOverAt), testId: "panel-handed-over" }] : []),
    ...(w.isExcluded
      ? [{ label: t("signing.panel.exclusionReason"), value: w.exclusionReason ?? t("common.none"), testId: "panel-exclusion" }]
      : []),
  ];
}

function eventLabels(t: Translate): HouseholdEventLabels {
  return {
    recordVote: t("signing.panel.recordVote"),
    agree: t("signing.panel.agree"),
    disagree: t("signing.panel.disagree"),
    sign: t("signing.panel.sign"),
    channel: t("signing.panel.channel"),
    agreementNumber: t("signing.panel.agreementNumber"),
    signedAt: t("signing.panel.signedAt"),
    timeHint: t("signing.panel.timeHint"),
    submitSign: t("signing.panel.submitSign"),
    moveOut: t("signing.panel.moveOut"),
    movedOutAt: t("signing.panel.movedOutAt_"),
    submitMoveOut: t("signing.panel.submitMoveOut"),
    handOver: t("signing.panel.handOver"),
    handedOverAt: t("signing.panel.handedOverAt_"),
    submitHandOver: t("signing.panel.submitHandOver"),
    exclude: t("signing.panel.exclude"),
    excludeHint: t("signing.panel.excludeHint"),
    reason: t("signing.panel.reason"),
    submitExclude: t("signing.panel.submitExclude"),
    include: t("signing.panel.include"),
    undo: t("signing.panel.undo"),
    undoHint: t("signing.panel.undoHint"),
    undoStep: t("signing.panel.undoStep"),
    undoReason: t("signing.panel.undoReason"),
    submitUndo: t("signing.panel.submitUndo"),
    saving: t("signing.panel.saving"),
    reload: t("signing.panel.reload"),
  };
}

/**
 * The household page's signing-workflow panel: where the household stands (vote, signing,
 * move-out, hand-over, exclusion; pending or effective agreement) and, for those who may record
 * for it, exactly the actions the state machine allows now. The page reads the workflow
 * (getHouseholdWorkflow, so the actor's scope decides what is shown and offered) and hands in
 * the action all of the panel's forms post to.
 */
export function HouseholdSigningPanel({
  workflow: w,
  action,
  t,
  locale,
}: {
  workflow: HouseholdWorkflow;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  t: Translate;
  locale: Locale;
}) {
  const allowed = allowedEvents(w, t);
  const blocked = nextStepRefusal(w);
  const facts = workflowFacts(w, t, locale);

  return (
    <section
      aria-labelledby="signing-panel-title"
      className="flex flex-col gap-3 rounded-lg border-2 border-brand-100 bg-white p-4"
      data-testid="signing-panel"
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="signing-panel-title" className="text-lg font-semibold">
          {t("signing.panel.title")}
        </h2>
        <p>
          {t("signing.panel.state")}
          <strong data-testid="panel-state">{t(`household.states.${w.state}`)}</strong>
        </p>
      </div>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
        {facts.map((f) => (
          <div key={f.testId}>
            <dt className="text-sm text-stone-600">{f.label}</dt>
            <dd className="break-words" data-testid={f.testId}>
              {f.value}
            </dd>
          </div>
        ))}
      </dl>
      {blocked && (w.mayRecord || w.mayUndo) ? (
        <p className="text-stone-700" data-testid="panel-blocked">
          {t(`signing.refusals.${blocked}`)}
        </p>
      ) : null}
      {!(w.mayRecord || w.mayUndo) ? (
        <p className="text-stone-700">{t("signing.panel.readOnly")}</p>
      ) : isAnythingAllowed(allowed) ? (
        <HouseholdEventForms
          projectId={w.projectId}
          householdId={w.householdId}
          version={w.version}
          allowed={allowed}
          channels={SIGNING_CHANNELS.map((c) => ({ value: c, label: t(`signing.channels.${c}`) }))}
          maxTime={wallClockOf(new Date(), w.timeZone)}
          action={action}
          labels={eventLabels(t)}
        />
      ) : (
        <p className="text-stone-700">{t("signing.panel.nothingNow")}</p>
      )}
    </section>
  );
}
