"use client";

import { useState } from "react";
import { ActionField, ActionMessage, ActionScope, BoundForm, SubmitButton } from "@/components/ui/action-form";
import { ActionTextArea } from "@/components/ui/text-area-field";
import type { ActionState } from "@/lib/server/action";

export type NoticeMovesLabels = {
  title: string;
  publish: {
    title: string;
    now: string;
    at: string;
    publishAt: string;
    publishAtHint: string;
    submit: string;
    pending: string;
  };
  withdraw: { title: string; reason: string; reasonHint: string; submit: string; pending: string };
  /** Shown when neither move is left (the notice is withdrawn). */
  none: string;
};

/** Most characters of a withdrawal's reason (the server's limit, lib/server/notices/notice-input.ts). */
const REASON_MAX = 500;

/**
 * What the secretary may still do with one notice: publish it now or at a time ahead (a draft, or
 * a scheduled one moved), and withdraw it with a reason (published or scheduled). Each form
 * carries the notice's version; one answer for both (the action's `move` field names the use
 * case), so the message stays when the page re-renders without the form that was sent.
 */
export function NoticeMoves({
  projectId,
  noticeId,
  version,
  moves,
  labels,
  action,
}: {
  projectId: string;
  noticeId: string;
  version: number;
  moves: { publish: boolean; withdraw: boolean };
  labels: NoticeMovesLabels;
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const [when, setWhen] = useState<"now" | "at">("now");
  const target = (
    <>
      <input type="hidden" name="projectId" value={projectId} />
      <input type="hidden" name="noticeId" value={noticeId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
  return (
    <ActionScope action={action}>
      <section aria-labelledby="notice-moves-title" className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-4">
        <h2 id="notice-moves-title" className="text-lg font-semibold">
          {labels.title}
        </h2>
        <ActionMessage testIds={{ success: "notice-move-success", error: "notice-move-error" }} />
        {!moves.publish && !moves.withdraw ? <p className="text-stone-700">{labels.none}</p> : null}
        {moves.publish ? (
          <BoundForm key={`publish-${version}`} data-testid="publish-notice" className="flex flex-col gap-3">
            {target}
            <input type="hidden" name="move" value="publish" />
            <fieldset className="flex flex-col gap-2">
              <legend className="font-medium">{labels.publish.title}</legend>
              <div className="flex flex-wrap gap-4">
                {(["now", "at"] as const).map((value) => (
                  <label key={value} className="inline-flex min-h-11 items-center gap-2">
                    <input
                      type="radio"
                      name="when"
                      value={value}
                      checked={when === value}
                      onChange={() => setWhen(value)}
                      className="h-5 w-5"
                    />
                    {labels.publish[value]}
                  </label>
                ))}
              </div>
            </fieldset>
            {when === "at" ? (
              <ActionField
                id="publish-notice-at"
                name="publishAt"
                type="datetime-local"
                label={labels.publish.publishAt}
                hint={labels.publish.publishAtHint}
                required
              />
            ) : null}
            <div>
              <SubmitButton label={labels.publish.submit} pendingLabel={labels.publish.pending} />
            </div>
          </BoundForm>
        ) : null}
        {moves.withdraw ? (
          <BoundForm key={`withdraw-${version}`} data-testid="withdraw-notice" className="flex flex-col gap-3">
            {target}
            <input type="hidden" name="move" value="withdraw" />
            <ActionTextArea
              id="withdraw-notice-reason"
              name="reason"
              label={labels.withdraw.reason}
              hint={labels.withdraw.reasonHint}
              maxLength={REASON_MAX}
              required
              rows={2}
            />
            <div>
              <SubmitButton label={labels.withdraw.submit} pendingLabel={labels.withdraw.pending} variant="secondary" />
            </div>
          </BoundForm>
        ) : null}
      </section>
    </ActionScope>
  );
}
