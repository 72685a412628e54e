"use client";

import { useState } from "react";
import { ActionField, ActionForm } from "@/components/ui/action-form";
import { ActionTextArea } from "@/components/ui/text-area-field";
import type { ActionState } from "@/lib/server/action";

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type PublishLabels = {
  title: string;
  now: string;
  at: string;
  publishAt: string;
  publishAtHint: string;
  submit: string;
  pending: string;
};

/** Publishes a draft now or at a time ahead (also moves a scheduled one). */
export function PublishNoticeForm({
  projectId,
  noticeId,
  version,
  labels,
  action,
}: {
  projectId: string;
  noticeId: string;
  version: number;
  labels: PublishLabels;
  action: Action;
}) {
  const [when, setWhen] = useState<"now" | "at">("now");
  return (
    <section aria-labelledby="publish-notice-title" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="publish-notice-title" className="mb-3 text-lg font-semibold">
        {labels.title}
      </h2>
      <ActionForm action={action} testId="publish-notice" submitLabel={labels.submit} pendingLabel={labels.pending} formKey={version}>
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="noticeId" value={noticeId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="move" value="publish" />
        <fieldset className="flex flex-wrap gap-4">
          <legend className="sr-only">{labels.title}</legend>
          {(["now", "at"] as const).map((value) => (
            <label key={value} className="inline-flex min-h-11 items-center gap-2">
              <input type="radio" name="when" value={value} checked={when === value} onChange={() => setWhen(value)} className="h-5 w-5" />
              {labels[value]}
            </label>
          ))}
        </fieldset>
        {when === "at" ? (
          <ActionField
            id="publish-notice-at"
            name="publishAt"
            type="datetime-local"
            label={labels.publishAt}
            hint={labels.publishAtHint}
            required
          />
        ) : null}
      </ActionForm>
    </section>
  );
}

export type WithdrawLabels = { title: string; reason: string; reasonHint: string; submit: string; pending: string };

/** Withdraws a published (or scheduled) notice with a reason; it stays on the staff's list, marked. */
export function WithdrawNoticeForm({
  projectId,
  noticeId,
  version,
  labels,
  action,
}: {
  projectId: string;
  noticeId: string;
  version: number;
  labels: WithdrawLabels;
  action: Action;
}) {
  return (
    <section aria-labelledby="withdraw-notice-title" className="rounded-lg border border-stone-200 bg-white p-4">
      <h2 id="withdraw-notice-title" className="mb-3 text-lg font-semibold">
        {labels.title}
      </h2>
      <ActionForm
        action={action}
        testId="withdraw-notice"
        submitLabel={labels.submit}
        pendingLabel={labels.pending}
        submitVariant="secondary"
      >
        <input type="hidden" name="projectId" value={projectId} />
        <input type="hidden" name="noticeId" value={noticeId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="move" value="withdraw" />
        <ActionTextArea
          id="withdraw-notice-reason"
          name="reason"
          label={labels.reason}
          hint={labels.reasonHint}
          maxLength={500}
          required
          rows={2}
        />
      </ActionForm>
    </section>
  );
}
