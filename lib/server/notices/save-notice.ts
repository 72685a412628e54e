import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { isNoticeEditable, noticeStatus } from "../../domain/notices.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { auditedNotice, findNotice } from "./internal/find-notice.ts";
import { ZNoticeDraft } from "./notice-input.ts";

const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);

export const ZSaveNoticeInput = z.intersection(
  z.object({
    projectId: z.uuid(),
    /** Absent: a new draft. */
    noticeId: z.preprocess(blankToUndefined, z.uuid().optional()),
    version: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).optional()),
  }),
  ZNoticeDraft,
);

const day = (value: string | undefined) => (value ? new Date(`${value}T00:00:00Z`) : null);

/**
 * Rule: the project's secretary writes a notice as a draft and edits it while nobody outside
 * the staff can have read it (a draft, or one published at a time still ahead). A published or
 * withdrawn notice is not edited: it is withdrawn and another published. The form carries the
 * version it showed; a notice changed meanwhile is CONFLICT.
 */
export async function saveNotice(actor: Actor, input: unknown, now: Date = new Date()): Promise<{ id: string; created: boolean }> {
  requirePermission(actor, "create", "notice");
  const { projectId, noticeId, version, ...draft } = parseInput(ZSaveNoticeInput, input);
  const data = {
    kind: draft.kind,
    title: draft.title,
    body: draft.body,
    disclosureStart: day(draft.disclosureStart),
    disclosureEnd: day(draft.disclosureEnd),
  };
  return db().$transaction(async (tx) => {
    if (noticeId === undefined) {
      const project = await tx.project.findFirst({
        where: { AND: [{ id: projectId }, projectScope(actor, "create", "notice")] },
        select: { id: true },
      });
      if (!project) throw new AppError("NOT_FOUND");
      const created = await tx.notice.create({ data: { ...data, projectId, createdById: actor.userId }, select: { id: true } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "create:notice",
        entity: "notice",
        entityId: created.id,
        projectId,
        after: auditedNotice({ ...data, publishedAt: null }),
      });
      return { id: created.id, created: true };
    }
    if (version === undefined) throw new AppError("VALIDATION", { fieldErrors: { _form: ["validation.invalid"] } });
    const notice = await findNotice(tx, actor, "create", projectId, noticeId);
    if (!isNoticeEditable(notice, now)) {
      throw new AppError("VALIDATION", { fieldErrors: { _form: [`notices.errors.notEditable${noticeStatus(notice, now)}`] } });
    }
    const { count } = await tx.notice.updateMany({
      where: { id: noticeId, version, withdrawnAt: null },
      data: { ...data, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "update:notice",
      entity: "notice",
      entityId: noticeId,
      projectId,
      before: auditedNotice(notice),
      after: auditedNotice({ ...data, publishedAt: notice.publishedAt }),
    });
    // One published at a time ahead is already in the public pages' cache, waiting for its time.
    if (notice.publishedAt) await notifyProjectChanged(tx, projectId, "notice");
    return { id: noticeId, created: false };
  });
}
