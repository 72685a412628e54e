"use client";

import { ActionMessage, ActionScope, BoundForm, SubmitButton } from "@/components/ui/action-form";
import type { ActionState } from "@/lib/server/action";

/**
 * The secretary's list of a notice's attachments while it can still be edited, each with a
 * remove button; one answer for all of them, kept when the removed one leaves the list.
 */
export function AttachmentRemoveList({
  projectId,
  noticeId,
  attachments,
  labels,
  action,
}: {
  projectId: string;
  noticeId: string;
  attachments: { id: string; fileName: string; sizeText: string }[];
  labels: { remove: string; removing: string; none: string };
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  return (
    <ActionScope action={action}>
      <ActionMessage testIds={{ success: "attachment-remove-success", error: "attachment-remove-error" }} />
      {attachments.length === 0 ? <p className="text-stone-700">{labels.none}</p> : null}
      <ul className="flex flex-col gap-1" data-testid="notice-attachments-edit">
        {attachments.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center gap-3">
            <a
              href={`/api/notices/attachments/${a.id}`}
              className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
              target="_blank"
              rel="noopener"
            >
              {a.fileName}
            </a>
            <span className="text-sm text-stone-700">{a.sizeText}</span>
            <BoundForm>
              <input type="hidden" name="projectId" value={projectId} />
              <input type="hidden" name="noticeId" value={noticeId} />
              <input type="hidden" name="attachmentId" value={a.id} />
              <SubmitButton
                label={labels.remove}
                pendingLabel={labels.removing}
                variant="secondary"
                aria-label={`${labels.remove} ${a.fileName}`}
              />
            </BoundForm>
          </li>
        ))}
      </ul>
    </ActionScope>
  );
}
