import { disclosureState } from "@/lib/domain/notices";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { NoticeView } from "@/lib/server/notices/list-notices";
import { AttachmentList } from "./attachment-list";

/**
 * One notice as residents and the public read it — and as the secretary previews it: kind, title,
 * when it was published, its disclosure period (公示期) with whether it is open today, and the
 * text as written (its line breaks kept), and its attachments to download.
 */
export function NoticeArticle({
  notice,
  today,
  t,
  format,
  headingLevel = 1,
}: {
  notice: NoticeView;
  /** Today in the deployment's zone ("2026-12-02"), for the disclosure period's state. */
  today: string;
  t: Translate;
  format: Formatters;
  headingLevel?: 1 | 2;
}) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <article className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4" data-testid="notice-article">
      <p className="text-sm font-medium text-brand-700">{t(`notices.kinds.${notice.kind}`)}</p>
      <Heading className="text-2xl font-bold">{notice.title}</Heading>
      <p className="text-sm text-stone-700">
        {notice.publishedAt ? t("notices.detail.publishedAt", { at: format.dateTime(notice.publishedAt) }) : t("notices.statuses.DRAFT")}
      </p>
      {notice.disclosure ? <DisclosurePeriod window={notice.disclosure} today={today} t={t} format={format} /> : null}
      <div className="whitespace-pre-line break-words text-base leading-relaxed">{notice.body}</div>
      <AttachmentList attachments={notice.attachments} t={t} format={format} />
    </article>
  );
}

export function DisclosurePeriod({
  window,
  today,
  t,
  format,
}: {
  window: { start: string; end: string };
  today: string;
  t: Translate;
  format: Formatters;
}) {
  const state = disclosureState(window, today);
  return (
    <p className="text-sm text-stone-800" data-testid="notice-window">
      {t("notices.window.label")}: {t("notices.window.range", { start: format.day(window.start), end: format.day(window.end) })} ·{" "}
      <span className={state === "OPEN" ? "font-semibold text-brand-700" : undefined}>{t(`notices.window.${state}`)}</span>
    </p>
  );
}
