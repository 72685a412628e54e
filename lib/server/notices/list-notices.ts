import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { canInProject, requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { noticeSelect, noticeView, type NoticeView } from "./internal/notice-rows.ts";

export type { NoticeView };

const ZListNoticesInput = z.object({ projectId: z.uuid() });

export type NoticeBoard = {
  project: { id: string; code: string; name: string; isPublished: boolean };
  /** Newest first: drafts (by when they were written), then by publication time. */
  notices: (NoticeView & { createdAt: Date })[];
  mayWrite: boolean;
  mayManage: boolean;
};

/** Every notice of one project for its staff (drafts, scheduled, published, withdrawn). A
 *  project outside the actor's scope is NOT_FOUND. */
export async function listNotices(actor: Actor, input: unknown, now: Date = new Date()): Promise<NoticeBoard> {
  requirePermission(actor, "read", "notice");
  const { projectId } = parseInput(ZListNoticesInput, input);
  const project = await db().project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor, "read", "notice")] },
    select: { id: true, code: true, name: true, isPublished: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  const rows = await db().notice.findMany({
    where: { projectId },
    select: { ...noticeSelect, createdAt: true },
    orderBy: [{ publishedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
  });
  return {
    project,
    notices: rows.map((row) => ({ ...noticeView(row, now), createdAt: row.createdAt })),
    mayWrite: canInProject(actor, "create", "notice", projectId),
    mayManage: canInProject(actor, "manage", "notice", projectId),
  };
}
