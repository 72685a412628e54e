// Notices (公告公示) and their disclosure windows (DOMAIN.md "Disclosure and masking"): who sees a
// notice when, and whether its window is open on a given day. Pure: the caller passes the clock.
import type { CalendarDay } from "./calendar-day.ts";

export const NOTICE_KINDS = ["ANNOUNCEMENT", "POLICY", "DETERMINATIONS", "VALUATION", "HOUSING", "PROGRESS"] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** DRAFT: not published · SCHEDULED: published at a time still ahead · PUBLISHED: visible to
 *  residents and the public · WITHDRAWN: kept and marked, visible to staff only. */
export type NoticeStatus = "DRAFT" | "SCHEDULED" | "PUBLISHED" | "WITHDRAWN";

export type NoticeTimes = { publishedAt: Date | null; withdrawnAt: Date | null };

export function noticeStatus(notice: NoticeTimes, now: Date): NoticeStatus {
  if (notice.withdrawnAt) return "WITHDRAWN";
  if (!notice.publishedAt) return "DRAFT";
  return notice.publishedAt.getTime() > now.getTime() ? "SCHEDULED" : "PUBLISHED";
}

/** Residents and the public see a notice only while it is PUBLISHED. */
export function isNoticeVisible(notice: NoticeTimes, now: Date): boolean {
  return noticeStatus(notice, now) === "PUBLISHED";
}

/** Only a notice nobody outside the staff has seen can still be edited: a draft, or one
 *  published at a time still ahead. A published notice is corrected by withdrawing it and
 *  publishing another, so what residents read is never changed under them. */
export function isNoticeEditable(notice: NoticeTimes, now: Date): boolean {
  const status = noticeStatus(notice, now);
  return status === "DRAFT" || status === "SCHEDULED";
}

/** UPCOMING: before its first day · OPEN: from the first to the last day, both included ·
 *  CLOSED: after the last day. Days are calendar days of the deployment's zone. */
export type DisclosureState = "UPCOMING" | "OPEN" | "CLOSED";

export function disclosureState(window: { start: CalendarDay; end: CalendarDay }, today: CalendarDay): DisclosureState {
  // ISO calendar days compare as strings.
  if (today < window.start) return "UPCOMING";
  return today > window.end ? "CLOSED" : "OPEN";
}
