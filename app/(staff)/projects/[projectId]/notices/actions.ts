"use server";

import { AppError } from "@/lib/errors";
import { formField, runAction, type ActionState } from "@/lib/server/action";
import { publishNotice } from "@/lib/server/notices/publish-notice";
import { removeNoticeAttachment } from "@/lib/server/notices/remove-notice-attachment";
import { saveNotice } from "@/lib/server/notices/save-notice";
import { withdrawNotice } from "@/lib/server/notices/withdraw-notice";

function pathsOf(formData: FormData): string[] {
  const projectId = formField(formData, "projectId");
  const noticeId = formField(formData, "noticeId");
  return [`/projects/${projectId}/notices`, ...(noticeId ? [`/projects/${projectId}/notices/${noticeId}`] : [])];
}

/** A new draft or an edit of one (components/notices/notice-form.tsx). */
export async function saveNoticeAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, (actor, input) => saveNotice(actor, input), {
    revalidate: pathsOf(formData),
    success: (result, t) => (result.created ? t("notices.form.created") : t("notices.form.saved")),
  });
}

/** Publishing and withdrawing (components/notices/notice-controls.tsx): the `move` field names the use case. */
export async function noticeMoveAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const revalidate = pathsOf(formData);
  switch (formField(formData, "move")) {
    case "publish":
      return runAction(formData, (actor, input) => publishNotice(actor, input), {
        revalidate,
        success: (result, t) =>
          result.publishedAt.getTime() > Date.now() ? t("notices.publish.scheduled") : t("notices.publish.published"),
      });
    case "withdraw":
      return runAction(formData, (actor, input) => withdrawNotice(actor, input), {
        revalidate,
        success: (_r, t) => t("notices.withdraw.withdrawn"),
      });
    default:
      return runAction(formData, async () => {
        throw new AppError("VALIDATION", { detail: "unknown notice move" });
      });
  }
}

/** Removing an attachment of a notice that can still be edited (components/notices/attachment-remove.tsx). */
export async function removeAttachmentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, (actor, input) => removeNoticeAttachment(actor, input), {
    revalidate: pathsOf(formData),
    success: (_r, t) => t("notices.attachments.removed"),
  });
}
