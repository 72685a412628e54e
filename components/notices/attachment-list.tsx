import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { NoticeView } from "@/lib/server/notices/list-notices";

/** A notice's attachments as download links (name and size); `remove` renders the secretary's
 *  remove control beside each, while the notice can still be edited. */
export function AttachmentList({
  attachments,
  t,
  format,
  remove,
}: {
  attachments: NoticeView["attachments"];
  t: Translate;
  format: Formatters;
  remove?: (attachment: NoticeView["attachments"][number]) => React.ReactNode;
}) {
  if (attachments.length === 0) return null;
  return (
    <section aria-label={t("notices.attachments.title")}>
      <h3 className="text-base font-semibold">{t("notices.attachments.title")}</h3>
      <ul className="flex flex-col gap-1" data-testid="notice-attachments">
        {attachments.map((a) => (
          <li key={a.id} className="flex flex-wrap items-center gap-3">
            <a
              href={`/api/notices/attachments/${a.id}`}
              className="inline-flex min-h-11 items-center text-brand-700 underline underline-offset-4"
              target="_blank"
              rel="noopener"
            >
              {a.fileName}
            </a>
            <span className="text-sm text-stone-700">
              {t("notices.attachments.size", { size: format.number(Math.ceil(a.size / 1024)) })}
            </span>
            {remove?.(a)}
          </li>
        ))}
      </ul>
    </section>
  );
}
