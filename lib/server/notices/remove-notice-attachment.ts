import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { isNoticeEditable, noticeStatus } from "../../domain/notices.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { findNotice } from "./internal/find-notice.ts";

export const ZRemoveNoticeAttachmentInput = z.object({ projectId: z.uuid(), noticeId: z.uuid(), attachmentId: z.uuid() });

/** Rule: the project's secretary removes an attachment from a notice that can still be edited;
 *  a published notice keeps what it was published with. Audited as "detach:notice". */
export async function removeNoticeAttachment(actor: Actor, input: unknown, now: Date = new Date()): Promise<{ id: string }> {
  requirePermission(actor, "create", "notice");
  const { projectId, noticeId, attachmentId } = parseInput(ZRemoveNoticeAttachmentInput, input);
  return db().$transaction(async (tx) => {
    const notice = await findNotice(tx, actor, "create", projectId, noticeId);
    if (!isNoticeEditable(notice, now)) {
      throw new AppError("VALIDATION", { fieldErrors: { _form: [`notices.errors.notEditable${noticeStatus(notice, now)}`] } });
    }
    const removed = await tx.noticeAttachment.findFirst({
      where: { id: attachmentId, noticeId },
      select: { fileName: true, sha256: true },
    });
    if (!removed) throw new AppError("NOT_FOUND");
    await tx.noticeAttachment.delete({ where: { id: attachmentId } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "detach:notice",
      entity: "notice",
      entityId: noticeId,
      projectId,
      before: { attachmentId, fileName: removed.fileName, sha256: removed.sha256 },
    });
    if (notice.publishedAt) await notifyProjectChanged(tx, projectId, "notice");
    return { id: attachmentId };
  });
}
