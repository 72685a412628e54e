import { NOTICE_KINDS } from "@/lib/domain/notices";
import type { Translate } from "@/lib/i18n/translate";
import type { NoticeMovesLabels } from "./notice-controls";
import type { NoticeFormLabels } from "./notice-form";

// The notice forms' texts in the reader's language, for a server component to pass to the
// client forms of notice-form.tsx and notice-controls.tsx.

export function noticeFormText(t: Translate, title: string): { labels: NoticeFormLabels; kinds: { value: string; label: string }[] } {
  return {
    labels: {
      title,
      kind: t("notices.form.kind"),
      chooseKind: t("notices.form.chooseKind"),
      titleLabel: t("notices.form.titleLabel"),
      body: t("notices.form.body"),
      bodyHint: t("notices.form.bodyHint"),
      disclosureStart: t("notices.form.disclosureStart"),
      disclosureEnd: t("notices.form.disclosureEnd"),
      disclosureHint: t("notices.form.disclosureHint"),
      save: t("notices.form.save"),
      saving: t("notices.form.saving"),
    },
    kinds: NOTICE_KINDS.map((kind) => ({ value: kind, label: t(`notices.kinds.${kind}`) })),
  };
}

export function noticeMovesText(t: Translate): NoticeMovesLabels {
  return {
    title: t("notices.moves.title"),
    publish: {
      title: t("notices.publish.title"),
      now: t("notices.publish.now"),
      at: t("notices.publish.at"),
      publishAt: t("notices.publish.publishAt"),
      publishAtHint: t("notices.publish.publishAtHint"),
      submit: t("notices.publish.submit"),
      pending: t("notices.publish.pending"),
    },
    withdraw: {
      title: t("notices.withdraw.title"),
      reason: t("notices.withdraw.reason"),
      reasonHint: t("notices.withdraw.reasonHint"),
      submit: t("notices.withdraw.submit"),
      pending: t("notices.withdraw.pending"),
    },
    none: t("notices.moves.none"),
  };
}
