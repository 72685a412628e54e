import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { headlineProjectSelect, readHeadline, type Headline } from "./internal/headline.ts";
import type { NoticeView } from "./internal/notice-rows.ts";
import { readVisibleNotices } from "./internal/published-notices.ts";

export type OwnNotices = {
  project: { id: string; code: string; name: string };
  headline: Headline;
  notices: (Omit<NoticeView, "body"> & { unread: boolean })[];
  unreadCount: number;
};

/**
 * Rule: a resident reads the published notices of their own household's project, each marked
 * unread until the household has opened it, and the project's headline progress (the figures
 * the dashboard and the public page show). Only the RESIDENT role: staff read notices on the
 * project's pages.
 */
export async function listOwnNotices(actor: Actor, now: Date = new Date()): Promise<OwnNotices> {
  // Published notices are part of the project a resident reads; drafts are staff work
  // (the "notice" entity), which residents have no permission for.
  requirePermission(actor, "read", "project");
  if (!actor.householdId) throw new AppError("NOT_FOUND");
  const project = await db().project.findFirst({
    where: { AND: [projectScope(actor, "read", "project"), { households: { some: { id: actor.householdId } } }] },
    select: { ...headlineProjectSelect, code: true, name: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  const [headline, notices, reads] = await Promise.all([
    readHeadline(project, now),
    readVisibleNotices(project.id, now),
    db().noticeRead.findMany({ where: { householdId: actor.householdId, notice: { projectId: project.id } }, select: { noticeId: true } }),
  ]);
  const read = new Set(reads.map((r) => r.noticeId));
  const rows = notices.map(({ body: _body, ...notice }) => ({ ...notice, unread: !read.has(notice.id) }));
  return {
    project: { id: project.id, code: project.code, name: project.name },
    headline,
    notices: rows,
    unreadCount: rows.filter((n) => n.unread).length,
  };
}
