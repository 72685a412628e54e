import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { db } from "../../db.ts";
import { headlineProjectSelect, readHeadline, type Headline } from "./internal/headline.ts";
import type { NoticeView } from "./internal/notice-rows.ts";
import { findOwnProject } from "./internal/own-project.ts";
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
  const { project, householdId } = await findOwnProject(actor, { ...headlineProjectSelect, code: true, name: true });
  const [headline, notices, reads] = await Promise.all([
    readHeadline(project, now),
    readVisibleNotices(project.id, now),
    db().noticeRead.findMany({ where: { householdId, notice: { projectId: project.id } }, select: { noticeId: true } }),
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
