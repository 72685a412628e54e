import "server-only";
import { db } from "../../../db.ts";
import { PROGRESS_KINDS } from "../../live/progress-event.ts";
import { readProjectCached } from "../../figures/project-cache.ts";
import { noticeSelect, noticeView, type NoticeView } from "./notice-rows.ts";

type PublishedNotice = Parameters<typeof noticeView>[0];

/** Every kind of change but a notice's leaves the project's published notices as they were. */
const NOT_NOTICES = PROGRESS_KINDS.filter((kind) => kind !== "notice" && kind !== "resync");

/**
 * The notices residents and the public may see at `now`, newest first, through the per-process
 * figure cache (docs/decisions/034): thousands of residents read them in the first hour after
 * one is published. The entry holds every published, not withdrawn notice — also those
 * published at a time still ahead, filtered here by `now`, so one becomes visible at its time
 * without a notification — and is let go on every server when a notice is published, withdrawn
 * or edited (the "notice" notification), as the figures are.
 */
export async function readVisibleNotices(projectId: string, now: Date): Promise<NoticeView[]> {
  const rows = await readProjectCached(
    "published-notices",
    projectId,
    (id): Promise<PublishedNotice[]> =>
      db().notice.findMany({
        where: { projectId: id, publishedAt: { not: null }, withdrawnAt: null },
        select: noticeSelect,
        orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      }),
    { unchangedBy: NOT_NOTICES },
  );
  return rows.filter((row) => row.publishedAt!.getTime() <= now.getTime()).map((row) => noticeView(row, now));
}
