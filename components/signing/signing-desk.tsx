"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useTransition, type FormEvent, type RefObject } from "react";
import { ActionMessage, ActionScope, BoundForm, SubmitButton, useActionForm } from "@/components/ui/action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormField } from "@/components/ui/form-field";
import type { ActionState } from "@/lib/server/action";
import { ChoiceButtons } from "./choice-buttons";

export type DeskLabels = {
  codeLabel: string;
  codeHint: string;
  find: string;
  finding: string;
  notFound: string;
  household: string;
  head: string;
  address: string;
  group: string;
  state: string;
  channel: string;
  agreementNumber: string;
  signedAt: string;
  signedAtField: string;
  confirm: string;
  saving: string;
  next: string;
  openHousehold: string;
  recentTitle: string;
  recentEmpty: string;
};

export type DeskLookup =
  | null
  | { found: false; notFoundText: string }
  | {
      found: true;
      household: {
        id: string;
        code: string;
        version: number;
        headName: string;
        address: string;
        groupName: string;
        stateLabel: string;
        /** Why it cannot be signed now (already signed, excluded, period closed…); null when it can. */
        refusalText: string | null;
      };
    };

export type DeskRecentEntry = { key: string; code: string; headName: string; agreementNumber: string; channelLabel: string; time: string };

type DeskProps = {
  projectId: string;
  code: string;
  lookup: DeskLookup;
  recent: DeskRecentEntry[];
  channels: { value: string; label: string }[];
  maxTime: string;
  labels: DeskLabels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
};

type FoundHousehold = Extract<NonNullable<DeskLookup>, { found: true }>["household"];
type InputRef = RefObject<HTMLInputElement | null>;

/**
 * Launch-day fast entry: type or scan a household code (a scanner types it and presses Enter),
 * check head and address, pick the channel, enter the agreement number, confirm — and the code
 * field is focused again for the next household. The code lives in the URL (?code=…), so the
 * lookup is a plain GET that also works without JavaScript; the list below is what this person
 * recorded today, straight from the database.
 */
export function SigningDesk({ action, ...props }: DeskProps) {
  // The answer outlives the household card: after a signing the card goes, the message stays.
  return (
    <ActionScope action={action}>
      <DeskScreen {...props} />
    </ActionScope>
  );
}

function DeskScreen({ projectId, code, lookup, recent, channels, maxTime, labels }: Omit<DeskProps, "action">) {
  const base = `/projects/${projectId}/signing`;
  const router = useRouter();
  const { state } = useActionForm();
  const codeInput = useRef<HTMLInputElement>(null);
  const agreementInput = useRef<HTMLInputElement>(null);
  const household = lookup?.found ? lookup.household : null;
  const signable = household !== null && household.refusalText === null;

  // A household found that can be signed: straight to the agreement number (the channel is
  // preselected). Anything else: back to the code, selected, so the next scan replaces it.
  useEffect(() => {
    if (signable) agreementInput.current?.focus();
    else {
      codeInput.current?.focus();
      codeInput.current?.select();
    }
  }, [signable, household?.id, household?.version, lookup]);

  // Recorded: clear the household and get ready for the next one.
  useEffect(() => {
    if (!state.ok) return;
    if (codeInput.current) codeInput.current.value = "";
    router.replace(base, { scroll: false });
    codeInput.current?.focus();
  }, [state, base, router]);

  return (
    <div className="flex flex-col gap-4">
      <CodeSearch base={base} code={code} inputRef={codeInput} labels={labels} />
      <ActionMessage
        className="flex flex-col gap-2"
        testIds={{ success: "desk-success", error: "desk-error" }}
        render={(answer) => answer.fieldErrors?._form?.join(" ") ?? answer.message}
      >
        {lookup && !lookup.found ? (
          <Alert tone="error" testId="desk-not-found">
            {lookup.notFoundText}
          </Alert>
        ) : null}
      </ActionMessage>
      {household ? (
        <DeskHouseholdCard
          projectId={projectId}
          base={base}
          household={household}
          channels={channels}
          maxTime={maxTime}
          agreementInput={agreementInput}
          labels={labels}
        />
      ) : null}
      <RecentSignings recent={recent} labels={labels} />
    </div>
  );
}

/** The code field: a GET form to ?code=…, replaced in place with JavaScript. */
function CodeSearch({ base, code, inputRef, labels }: { base: string; code: string; inputRef: InputRef; labels: DeskLabels }) {
  const router = useRouter();
  const [finding, startFinding] = useTransition();

  function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = inputRef.current?.value.trim() ?? "";
    startFinding(() => router.replace(value ? `${base}?code=${encodeURIComponent(value)}` : base, { scroll: false }));
  }

  return (
    <form role="search" method="get" action={base} onSubmit={find} className="flex flex-col gap-2 sm:flex-row sm:items-end">
      <div className="flex-1">
        <label htmlFor="desk-code" className="text-sm font-medium text-stone-800">
          {labels.codeLabel}
        </label>
        <input
          ref={inputRef}
          id="desk-code"
          name="code"
          defaultValue={code}
          autoComplete="off"
          autoCapitalize="characters"
          autoCorrect="off"
          spellCheck={false}
          enterKeyHint="search"
          aria-describedby="desk-code-hint"
          className="mt-1 block min-h-14 w-full rounded-md border-2 border-stone-400 bg-white px-3 py-2 font-mono text-2xl uppercase tracking-wide"
          onFocus={(e) => e.currentTarget.select()}
        />
        <p id="desk-code-hint" className="mt-1 text-sm text-stone-600">
          {labels.codeHint}
        </p>
      </div>
      <Button type="submit" disabled={finding} className="min-h-14 text-lg sm:mb-7 sm:w-32">
        {finding ? labels.finding : labels.find}
      </Button>
    </form>
  );
}

function DeskHouseholdCard({
  projectId,
  base,
  household,
  channels,
  maxTime,
  agreementInput,
  labels,
}: {
  projectId: string;
  base: string;
  household: FoundHousehold;
  channels: DeskProps["channels"];
  maxTime: string;
  agreementInput: InputRef;
  labels: DeskLabels;
}) {
  return (
    <section
      aria-labelledby="desk-household-title"
      className="flex flex-col gap-3 rounded-lg border-2 border-stone-300 bg-white p-4"
      data-testid="desk-household"
    >
      <h2 id="desk-household-title" className="font-mono text-xl font-bold">
        {labels.household.replace("{code}", household.code)}
      </h2>
      <dl className="grid grid-cols-1 gap-2 text-lg sm:grid-cols-2">
        <div>
          <dt className="text-sm text-stone-600">{labels.head}</dt>
          <dd className="text-2xl font-semibold" data-testid="desk-head">
            {household.headName}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{labels.state}</dt>
          <dd data-testid="desk-state">{household.stateLabel}</dd>
        </div>
        <div className="sm:col-span-2">
          <dt className="text-sm text-stone-600">{labels.address}</dt>
          <dd className="break-words" data-testid="desk-address">
            {household.address}
          </dd>
        </div>
        <div>
          <dt className="text-sm text-stone-600">{labels.group}</dt>
          <dd>{household.groupName}</dd>
        </div>
      </dl>
      {household.refusalText ? (
        <Alert tone="info" testId="desk-refusal">
          {household.refusalText}
        </Alert>
      ) : (
        <DeskSigningForm
          projectId={projectId}
          household={household}
          channels={channels}
          maxTime={maxTime}
          agreementInput={agreementInput}
          labels={labels}
        />
      )}
      <div className="flex flex-col gap-2 sm:flex-row">
        <Link
          href={base}
          replace
          scroll={false}
          className="inline-flex min-h-12 items-center justify-center rounded-md border border-stone-300 px-4 text-base text-stone-800"
          data-testid="desk-next"
        >
          {labels.next}
        </Link>
        <Link
          href={`/projects/${projectId}/households/${household.id}`}
          className="inline-flex min-h-12 items-center justify-center px-4 text-base text-brand-700 underline underline-offset-4"
        >
          {labels.openHousehold}
        </Link>
      </div>
    </section>
  );
}

/** Channel, agreement number and (folded away) the time, posted with the household's version. */
function DeskSigningForm({
  projectId,
  household,
  channels,
  maxTime,
  agreementInput,
  labels,
}: {
  projectId: string;
  household: FoundHousehold;
  channels: DeskProps["channels"];
  maxTime: string;
  agreementInput: InputRef;
  labels: DeskLabels;
}) {
  const { state } = useActionForm();
  const fieldErrors = state.ok ? undefined : state.fieldErrors;
  return (
    <BoundForm key={`${household.id}:${household.version}`} className="flex flex-col gap-3">
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="householdId" value={household.id} />
      <input type="hidden" name="version" value={household.version} />
      <ChoiceButtons
        idPrefix="desk"
        name="channel"
        legend={labels.channel}
        options={channels}
        defaultValue={state.ok ? "ON_SITE" : (state.values?.channel ?? "ON_SITE")}
        errors={fieldErrors?.channel}
        columns={4}
      />
      <AgreementNumberField
        inputRef={agreementInput}
        label={labels.agreementNumber}
        defaultValue={state.ok ? "" : state.values?.agreementNumber}
        errors={fieldErrors?.agreementNumber}
      />
      <details open={fieldErrors?.signedAt ? true : undefined}>
        <summary className="min-h-11 cursor-pointer py-2 text-stone-700">{labels.signedAt}</summary>
        <FormField
          id="desk-signedAt"
          name="signedAt"
          type="datetime-local"
          label={labels.signedAtField}
          max={maxTime}
          defaultValue={state.ok ? "" : state.values?.signedAt}
          errors={fieldErrors?.signedAt}
        />
      </details>
      <div className="flex flex-col gap-2 sm:flex-row">
        <SubmitButton label={labels.confirm} pendingLabel={labels.saving} className="min-h-14 flex-1 text-lg" />
      </div>
    </BoundForm>
  );
}

/** The agreement number in large type (the field the desk focuses once a household is found). */
function AgreementNumberField({
  inputRef,
  label,
  defaultValue,
  errors,
}: {
  inputRef: InputRef;
  label: string;
  defaultValue?: string;
  errors?: string[];
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor="desk-agreementNumber" className="text-sm font-medium text-stone-800">
        {label}
      </label>
      <input
        ref={inputRef}
        id="desk-agreementNumber"
        name="agreementNumber"
        required
        autoComplete="off"
        autoCapitalize="characters"
        autoCorrect="off"
        spellCheck={false}
        enterKeyHint="done"
        defaultValue={defaultValue}
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby="desk-agreementNumber-error"
        className="min-h-14 rounded-md border-2 border-stone-400 bg-white px-3 py-2 font-mono text-xl uppercase aria-invalid:border-brand-700"
      />
      <div id="desk-agreementNumber-error" aria-live="polite" className="text-sm text-brand-700">
        {errors?.map((e) => (
          <p key={e}>{e}</p>
        ))}
      </div>
    </div>
  );
}

function RecentSignings({ recent, labels }: { recent: DeskRecentEntry[]; labels: DeskLabels }) {
  return (
    <section aria-labelledby="desk-recent-title" className="flex flex-col gap-2">
      <h2 id="desk-recent-title" className="text-lg font-semibold">
        {labels.recentTitle}
      </h2>
      {recent.length === 0 ? (
        <p className="text-stone-700">{labels.recentEmpty}</p>
      ) : (
        <ol className="flex flex-col divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="desk-recent">
          {recent.map((r) => (
            <li key={r.key} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 px-3 py-2">
              <span className="font-mono font-semibold">{r.code}</span>
              <span>{r.headName}</span>
              <span className="font-mono text-stone-700">{r.agreementNumber}</span>
              <span className="text-stone-700">{r.channelLabel}</span>
              <span className="ml-auto tabular-nums text-stone-600">{r.time}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
