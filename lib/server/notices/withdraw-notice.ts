import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { noticeStatus } from "../../domain/notices.ts";
import { AppError } from "../../errors.ts";
import { parseInput, requiredText } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { auditedNotice, findNotice } from "./internal/find-notice.ts";
import { NOTICE_REASON_MAX, ZNoticeRef } from "./notice-input.ts";

export const ZWithdrawNoticeInput = ZNoticeRef.extend({ reason: requiredText(NOTICE_REASON_MAX) });

/**
 * Rule: the project's secretary withdraws a published notice (or one published at a time still
 * ahead) with a reason. It is kept and marked withdrawn, with who and why, for the staff; nobody
 * else sees it from then on. A draft is not withdrawn (it was never public); withdrawn is final.
 */
export async function withdrawNotice(actor: Actor, input: unknown, now: Date = new Date()): Promise<{ id: string }> {
  requirePermission(actor, "manage", "notice");
  const { projectId, noticeId, version, reason } = parseInput(ZWithdrawNoticeInput, input);
  return db().$transaction(async (tx) => {
    const notice = await findNotice(tx, actor, "manage", projectId, noticeId);
    const status = noticeStatus(notice, now);
    if (status === "DRAFT" || status === "WITHDRAWN") {
      throw new AppError("VALIDATION", { fieldErrors: { _form: [`notices.errors.notWithdrawable${status}`] } });
    }
    const { count } = await tx.notice.updateMany({
      where: { id: noticeId, version, withdrawnAt: null },
      data: { withdrawnAt: now, withdrawnById: actor.userId, withdrawReason: reason, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "withdraw:notice",
      entity: "notice",
      entityId: noticeId,
      projectId,
      before: auditedNotice(notice),
      after: { withdrawnAt: now.toISOString(), reason },
    });
    await notifyProjectChanged(tx, projectId, "notice");
    return { id: noticeId };
  });
}
