import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { ATTACHMENT_MAX_BYTES, ATTACHMENT_NAME_MAX, ATTACHMENTS_PER_NOTICE, judgeAttachment } from "../../domain/attachments.ts";
import { isNoticeEditable, noticeStatus } from "../../domain/notices.ts";
import { AppError } from "../../errors.ts";
import { parseInput, requiredText, visibleText } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { findNotice } from "./internal/find-notice.ts";

const ZAddNoticeAttachmentInput = z.object({
  projectId: z.uuid(),
  noticeId: z.uuid(),
  fileName: visibleText(requiredText(ATTACHMENT_NAME_MAX)),
});

const refuse = (key: string) => new AppError("VALIDATION", { fieldErrors: { file: [key] } });

/**
 * Rule: the project's secretary attaches a PDF, PNG or JPEG file (at most 10 MB, at most 10 a
 * notice) to a notice that can still be edited (a draft, or one published at a time ahead). Its
 * kind is read from its first bytes; a file that is none of these, or whose name says another
 * kind, is refused ("not what its name says"). Stored with the notice, audited as
 * "attach:notice" with its name, size and SHA-256 in the same transaction.
 */
export async function addNoticeAttachment(
  actor: Actor,
  input: { projectId: unknown; noticeId: unknown; fileName: unknown; content: Uint8Array<ArrayBuffer> },
  now: Date = new Date(),
): Promise<{ id: string }> {
  requirePermission(actor, "create", "notice");
  const { projectId, noticeId, fileName } = parseInput(ZAddNoticeAttachmentInput, {
    projectId: input.projectId,
    noticeId: input.noticeId,
    fileName: input.fileName,
  });
  const { content } = input;
  if (content.byteLength > ATTACHMENT_MAX_BYTES) throw refuse("notices.errors.attachmentTooLarge");
  const judged = judgeAttachment(fileName, content);
  if (!judged.ok) throw refuse(`notices.errors.attachment_${judged.reason}`);
  const sha256 = createHash("sha256").update(content).digest("hex");
  return db().$transaction(async (tx) => {
    const notice = await findNotice(tx, actor, "create", projectId, noticeId);
    if (!isNoticeEditable(notice, now)) {
      throw new AppError("VALIDATION", { fieldErrors: { _form: [`notices.errors.notEditable${noticeStatus(notice, now)}`] } });
    }
    // Counted under the notice's row lock, so two uploads at once cannot pass the limit together.
    await tx.$executeRaw`SELECT 1 FROM "Notice" WHERE "id" = ${noticeId}::uuid FOR UPDATE`;
    if ((await tx.noticeAttachment.count({ where: { noticeId } })) >= ATTACHMENTS_PER_NOTICE)
      throw refuse("notices.errors.tooManyAttachments");
    const { id } = await tx.noticeAttachment.create({
      data: { noticeId, fileName, contentType: judged.contentType, size: content.byteLength, sha256, content, createdById: actor.userId },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "attach:notice",
      entity: "notice",
      entityId: noticeId,
      projectId,
      after: { attachmentId: id, fileName, contentType: judged.contentType, size: content.byteLength, sha256 },
    });
    if (notice.publishedAt) await notifyProjectChanged(tx, projectId, "notice");
    return { id };
  });
}
