import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { isNoticeEditable, noticeStatus } from "../../domain/notices.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { auditedNotice, findNotice } from "./internal/find-notice.ts";
import { ZNoticeRef, ZPublishTime } from "./notice-input.ts";

export const ZPublishNoticeInput = ZNoticeRef.and(ZPublishTime);

/**
 * Rule: the project's secretary publishes a draft now or at a time ahead (never in the past), or
 * moves a notice published at a time still ahead. From that time on, residents of the project
 * and — for a project marked public — everyone see it. Publishing notifies the project's live
 * channel, which empties the public pages' cache on every server.
 */
export async function publishNotice(actor: Actor, input: unknown, now: Date = new Date()): Promise<{ id: string; publishedAt: Date }> {
  requirePermission(actor, "manage", "notice");
  const { projectId, noticeId, version, at } = parseInput(ZPublishNoticeInput, input);
  const publishedAt = at ?? now;
  return db().$transaction(async (tx) => {
    const notice = await findNotice(tx, actor, "manage", projectId, noticeId);
    if (!isNoticeEditable(notice, now)) {
      throw new AppError("VALIDATION", { fieldErrors: { _form: [`notices.errors.notEditable${noticeStatus(notice, now)}`] } });
    }
    const { count } = await tx.notice.updateMany({
      where: { id: noticeId, version, withdrawnAt: null },
      data: { publishedAt, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "publish:notice",
      entity: "notice",
      entityId: noticeId,
      projectId,
      before: auditedNotice(notice),
      after: auditedNotice({ ...notice, publishedAt }),
    });
    await notifyProjectChanged(tx, projectId, "notice");
    return { id: noticeId, publishedAt };
  });
}
