import { DEMAND_CATEGORIES } from "@/lib/domain/field-work";
import type { Translate } from "@/lib/i18n/translate";
import type { RaiseDemandLabels } from "./raise-demand-form";

/** The raise-demand form's texts and category options in the reader's language (for a server
 *  component to pass to RaiseDemandForm). */
export function raiseDemandFormText(t: Translate): { labels: RaiseDemandLabels; categories: { value: string; label: string }[] } {
  return {
    labels: {
      title: t("demands.raise.title"),
      description: t("demands.raise.description"),
      category: t("demands.raise.category"),
      chooseCategory: t("demands.raise.chooseCategory"),
      text: t("demands.raise.text"),
      textHint: t("demands.raise.textHint"),
      group: t("demands.raise.group"),
      groupDefault: t("demands.raise.groupDefault"),
      submit: t("demands.raise.submit"),
      pending: t("demands.raise.pending"),
    },
    categories: DEMAND_CATEGORIES.map((c) => ({ value: c, label: t(`demands.categories.${c}`) })),
  };
}
