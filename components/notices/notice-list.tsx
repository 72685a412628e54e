import Link from "next/link";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { NoticeView } from "@/lib/server/notices/list-notices";

/** Published notices as residents and the public browse them, newest first; each opens its own
 *  page. `unread` marks those the resident's household has not opened yet. The links are not
 *  prefetched: opening a resident's notice marks it read, and only the resident may do that. */
export function NoticeList({
  notices,
  hrefOf,
  t,
  format,
}: {
  notices: (Omit<NoticeView, "body"> & { unread?: boolean })[];
  hrefOf: (noticeId: string) => string;
  t: Translate;
  format: Formatters;
}) {
  if (notices.length === 0) return <p className="text-stone-700">{t("notices.emptyPublished")}</p>;
  return (
    <ul className="flex flex-col divide-y divide-stone-200 rounded-lg border border-stone-200 bg-white" data-testid="notice-list">
      {notices.map((notice) => (
        <li key={notice.id}>
          <Link href={hrefOf(notice.id)} prefetch={false} className="flex min-h-11 flex-col gap-1 px-4 py-3 hover:bg-stone-50">
            <span className="flex flex-wrap items-center gap-2">
              {notice.unread ? (
                <span className="rounded bg-brand-700 px-2 py-0.5 text-xs font-semibold text-white" data-testid="notice-unread">
                  {t("notices.resident.unread")}
                </span>
              ) : null}
              <span className="font-semibold text-brand-800 underline-offset-4 hover:underline">{notice.title}</span>
            </span>
            <span className="text-sm text-stone-700">
              {t(`notices.kinds.${notice.kind}`)}
              {notice.publishedAt ? ` · ${format.date(notice.publishedAt)}` : ""}
              {notice.disclosure
                ? ` · ${t("notices.window.label")} ${t("notices.window.range", { start: format.day(notice.disclosure.start), end: format.day(notice.disclosure.end) })}`
                : ""}
            </span>
          </Link>
        </li>
      ))}
    </ul>
  );
}
