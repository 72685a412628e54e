"use client";

// The household's phone: masked for everyone; the assignee of an open task for the household may
// ask for the full number (each time is an audit event on the server) and then tap to call.
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/server/action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type PhoneRevealLabels = { label: string; none: string; show: string; showing: string; call: string; hint: string };

export function PhoneReveal({
  projectId,
  householdId,
  masked,
  revealable,
  action,
  labels,
}: {
  projectId: string;
  householdId: string;
  masked: string | null;
  revealable: boolean;
  action: Action;
  labels: PhoneRevealLabels;
}) {
  const [state, formAction, pending] = useActionState(action, { ok: false });
  const phone = state.ok ? state.values?.phone : undefined;
  return (
    <section aria-labelledby="phone-title" className="rounded-lg border border-stone-200 bg-white p-4" data-testid="household-contact">
      <h2 id="phone-title" className="text-lg font-semibold">
        {labels.label}
      </h2>
      {phone ? (
        <a
          href={`tel:${phone.replace(/[^\d+]/g, "")}`}
          className="mt-2 inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 text-lg font-semibold text-white hover:bg-brand-800"
          data-testid="phone-call"
        >
          {labels.call.replace("{phone}", phone)}
        </a>
      ) : (
        <p className="mt-1 font-mono text-lg tabular-nums" data-testid="phone-masked">
          {masked ?? labels.none}
        </p>
      )}
      {revealable && masked && !phone ? (
        <form action={formAction} className="mt-2 flex flex-col gap-1">
          <input type="hidden" name="projectId" value={projectId} />
          <input type="hidden" name="householdId" value={householdId} />
          <div>
            <Button type="submit" variant="secondary" disabled={pending} data-testid="phone-show">
              {pending ? labels.showing : labels.show}
            </Button>
          </div>
          <p className="text-sm text-stone-600">{labels.hint}</p>
        </form>
      ) : null}
      <div aria-live="polite" className="text-sm text-brand-700">
        {!state.ok && state.message ? <p data-testid="phone-error">{state.message}</p> : null}
      </div>
    </section>
  );
}
