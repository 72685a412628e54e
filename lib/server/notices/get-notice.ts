import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { canInProject, requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { isNoticeEditable } from "../../domain/notices.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { noticeSelect, noticeView, type NoticeView } from "./internal/notice-rows.ts";

const ZGetNoticeInput = z.object({ projectId: z.uuid(), noticeId: z.uuid() });

export type NoticeDetail = NoticeView & {
  version: number;
  project: { id: string; code: string; name: string; isPublished: boolean };
  createdAt: Date;
  createdBy: string | null;
  withdrawn: { at: Date; by: string | null; reason: string } | null;
  /** Draft or published at a time still ahead: it can be edited and (re)published. */
  editable: boolean;
  mayWrite: boolean;
  mayManage: boolean;
};

/** One notice of a project for its staff, with who wrote and who withdrew it. Out of scope,
 *  or not a notice of that project: NOT_FOUND. */
export async function getNotice(actor: Actor, input: unknown, now: Date = new Date()): Promise<NoticeDetail> {
  requirePermission(actor, "read", "notice");
  const { projectId, noticeId } = parseInput(ZGetNoticeInput, input);
  const row = await db().notice.findFirst({
    where: { id: noticeId, projectId, project: projectScope(actor, "read", "notice") },
    select: {
      ...noticeSelect,
      version: true,
      createdAt: true,
      withdrawReason: true,
      createdBy: { select: { name: true } },
      withdrawnBy: { select: { name: true } },
      project: { select: { id: true, code: true, name: true, isPublished: true } },
    },
  });
  if (!row) throw new AppError("NOT_FOUND");
  return {
    ...noticeView(row, now),
    version: row.version,
    project: row.project,
    createdAt: row.createdAt,
    createdBy: row.createdBy?.name ?? null,
    withdrawn: row.withdrawnAt ? { at: row.withdrawnAt, by: row.withdrawnBy?.name ?? null, reason: row.withdrawReason ?? "" } : null,
    editable: isNoticeEditable(row, now),
    mayWrite: canInProject(actor, "create", "notice", projectId),
    mayManage: canInProject(actor, "manage", "notice", projectId),
  };
}
