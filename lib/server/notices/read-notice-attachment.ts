import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { canInProject } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { isNoticeVisible } from "../../domain/notices.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";

const ZReadNoticeAttachmentInput = z.object({ attachmentId: z.uuid() });

export type NoticeAttachmentFile = {
  fileName: string;
  contentType: string;
  sha256: string;
  content: Uint8Array<ArrayBuffer>;
  /** Anyone may read it (a published notice of a project marked public): shared caches may keep it. */
  isPublic: boolean;
};

/**
 * Rule: an attachment downloads for whoever may read its notice — anyone (no sign-in) when the
 * notice is published, not withdrawn, and its project is marked public; a resident when it is a
 * published notice of their own household's project; the project's staff who read notices
 * (drafts too). Anyone else: NOT_FOUND, as for a file that does not exist.
 */
export async function readNoticeAttachment(actor: Actor | null, input: unknown, now: Date = new Date()): Promise<NoticeAttachmentFile> {
  const { attachmentId } = parseInput(ZReadNoticeAttachmentInput, input);
  const row = await db().noticeAttachment.findUnique({
    where: { id: attachmentId },
    select: {
      fileName: true,
      contentType: true,
      sha256: true,
      content: true,
      notice: { select: { projectId: true, publishedAt: true, withdrawnAt: true, project: { select: { isPublished: true } } } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND");
  const { notice } = row;
  const visible = isNoticeVisible(notice, now);
  const isPublic = visible && notice.project.isPublished;
  const allowed =
    isPublic ||
    (actor !== null &&
      ((visible &&
        actor.householdId !== null &&
        (await db().household.count({ where: { id: actor.householdId, projectId: notice.projectId } })) > 0) ||
        canInProject(actor, "read", "notice", notice.projectId)));
  if (!allowed) throw new AppError("NOT_FOUND");
  return { fileName: row.fileName, contentType: row.contentType, sha256: row.sha256, content: new Uint8Array(row.content), isPublic };
}
