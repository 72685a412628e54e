import { getLocale, getTranslator } from "@/lib/i18n/server";
import { LocaleSwitchForm } from "./locale-switch-form";

/** A plain form post to /api/locale, so switching language works without JavaScript. */
export async function LocaleSwitch({ redirectTo, className }: { redirectTo: string; className?: string }) {
  const locale = await getLocale();
  const t = await getTranslator();
  const other = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <LocaleSwitchForm
      locale={other}
      redirectTo={redirectTo}
      className={className}
      label={t("app.switchTo")}
      ariaLabel={`${t("app.language")}: ${t("app.switchTo")}`}
    />
  );
}
