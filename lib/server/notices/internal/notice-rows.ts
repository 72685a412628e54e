import "server-only";
import { calendarDayOfDateColumn, type CalendarDay } from "../../../domain/calendar-day.ts";
import { noticeStatus, type NoticeKind, type NoticeStatus } from "../../../domain/notices.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";

/** What every notice screen shows of a notice (staff, residents and the public alike). */
export const noticeSelect = {
  id: true,
  projectId: true,
  kind: true,
  title: true,
  body: true,
  publishedAt: true,
  disclosureStart: true,
  disclosureEnd: true,
  withdrawnAt: true,
  // Never the content: that is read only for a download.
  attachments: { select: { id: true, fileName: true, contentType: true, size: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.NoticeSelect;

type NoticeRow = Prisma.NoticeGetPayload<{ select: typeof noticeSelect }>;

export type NoticeView = {
  id: string;
  kind: NoticeKind;
  title: string;
  body: string;
  status: NoticeStatus;
  publishedAt: Date | null;
  disclosure: { start: CalendarDay; end: CalendarDay } | null;
  /** In the order they were added; each downloads from /api/notices/attachments/<id>. */
  attachments: { id: string; fileName: string; contentType: string; size: number }[];
};

export function noticeView(row: NoticeRow, now: Date): NoticeView {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    status: noticeStatus(row, now),
    publishedAt: row.publishedAt,
    disclosure:
      row.disclosureStart && row.disclosureEnd
        ? { start: calendarDayOfDateColumn(row.disclosureStart), end: calendarDayOfDateColumn(row.disclosureEnd) }
        : null,
    attachments: row.attachments,
  };
}

/** Notices residents and the public may see at `now`: published by then, not withdrawn. */
export function visibleNoticeWhere(now: Date): Prisma.NoticeWhereInput {
  return { publishedAt: { lte: now }, withdrawnAt: null };
}
