"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useTransition, type FormEvent } from "react";
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

/**
 * Launch-day fast entry: type or scan a household code (a scanner types it and presses Enter),
 * check head and address, pick the channel, enter the agreement number, confirm — and the code
 * field is focused again for the next household. The code lives in the URL (?code=…), so the
 * lookup is a plain GET that also works without JavaScript; the list below is what this person
 * recorded today, straight from the database.
 */
export function SigningDesk({
  projectId,
  code,
  lookup,
  recent,
  channels,
  maxTime,
  labels,
  action,
}: {
  projectId: string;
  code: string;
  lookup: DeskLookup;
  recent: DeskRecentEntry[];
  channels: { value: string; label: string }[];
  maxTime: string;
  labels: DeskLabels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const base = `/projects/${projectId}/signing`;
  const router = useRouter();
  const [finding, startFinding] = useTransition();
  const [state, formAction, saving] = useActionState(action, { ok: false });
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

  function find(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const value = codeInput.current?.value.trim() ?? "";
    startFinding(() => router.replace(value ? `${base}?code=${encodeURIComponent(value)}` : base, { scroll: false }));
  }

  const formProblem = state.fieldErrors?._form?.join(" ");
  const fieldErrors = state.ok ? undefined : state.fieldErrors;

  return (
    <div className="flex flex-col gap-4">
      <form role="search" method="get" action={base} onSubmit={find} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1">
          <label htmlFor="desk-code" className="text-sm font-medium text-stone-800">
            {labels.codeLabel}
          </label>
          <input
            ref={codeInput}
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

      <div aria-live="polite" className="flex flex-col gap-2">
        {state.message ? (
          <Alert tone={state.ok ? "success" : "error"} testId={state.ok ? "desk-success" : "desk-error"}>
            {formProblem ?? state.message}
          </Alert>
        ) : null}
        {lookup && !lookup.found ? (
          <Alert tone="error" testId="desk-not-found">
            {lookup.notFoundText}
          </Alert>
        ) : null}
      </div>

      {household ? (
        <section aria-labelledby="desk-household-title" className="flex flex-col gap-3 rounded-lg border-2 border-stone-300 bg-white p-4" data-testid="desk-household">
          <h2 id="desk-household-title" className="font-mono text-xl font-bold">
            {labels.household.replace("{code}", household.code)}
          </h2>
          <dl className="grid grid-cols-1 gap-2 text-lg sm:grid-cols-2">
            <div>
              <dt className="text-sm text-stone-600">{labels.head}</dt>
              <dd className="text-2xl font-semibold" data-testid="desk-head">{household.headName}</dd>
            </div>
            <div>
              <dt className="text-sm text-stone-600">{labels.state}</dt>
              <dd data-testid="desk-state">{household.stateLabel}</dd>
            </div>
            <div className="sm:col-span-2">
              <dt className="text-sm text-stone-600">{labels.address}</dt>
              <dd className="break-words" data-testid="desk-address">{household.address}</dd>
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
            <form action={formAction} key={`${household.id}:${household.version}`} className="flex flex-col gap-3">
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
              <div className="flex flex-col gap-1">
                <label htmlFor="desk-agreementNumber" className="text-sm font-medium text-stone-800">
                  {labels.agreementNumber}
                </label>
                <input
                  ref={agreementInput}
                  id="desk-agreementNumber"
                  name="agreementNumber"
                  required
                  autoComplete="off"
                  autoCapitalize="characters"
                  autoCorrect="off"
                  spellCheck={false}
                  enterKeyHint="done"
                  defaultValue={state.ok ? "" : state.values?.agreementNumber}
                  aria-invalid={fieldErrors?.agreementNumber?.length ? true : undefined}
                  aria-describedby="desk-agreementNumber-error"
                  className="min-h-14 rounded-md border-2 border-stone-400 bg-white px-3 py-2 font-mono text-xl uppercase aria-invalid:border-brand-700"
                />
                <div id="desk-agreementNumber-error" aria-live="polite" className="text-sm text-brand-700">
                  {fieldErrors?.agreementNumber?.map((e) => <p key={e}>{e}</p>)}
                </div>
              </div>
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
                <Button type="submit" disabled={saving} className="min-h-14 flex-1 text-lg">
                  {saving ? labels.saving : labels.confirm}
                </Button>
              </div>
            </form>
          )}
          <div className="flex flex-col gap-2 sm:flex-row">
            <Link href={base} replace scroll={false} className="inline-flex min-h-12 items-center justify-center rounded-md border border-stone-300 px-4 text-base text-stone-800" data-testid="desk-next">
              {labels.next}
            </Link>
            <Link href={`/projects/${projectId}/households/${household.id}`} className="inline-flex min-h-12 items-center justify-center px-4 text-base text-brand-700 underline underline-offset-4">
              {labels.openHousehold}
            </Link>
          </div>
        </section>
      ) : null}

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
    </div>
  );
}
