import { getLocale, getTranslator } from "@/lib/i18n/server";

/** A plain form post to /api/locale, so switching language works without JavaScript. */
export async function LocaleSwitch({ redirectTo }: { redirectTo: string }) {
  const locale = await getLocale();
  const t = await getTranslator();
  const other = locale === "zh-CN" ? "en" : "zh-CN";
  return (
    <form action="/api/locale" method="post">
      <input type="hidden" name="locale" value={other} />
      <input type="hidden" name="redirectTo" value={redirectTo} />
      <button
        type="submit"
        lang={other}
        aria-label={`${t("app.language")}: ${t("app.switchTo")}`}
        className="min-h-11 rounded-md px-3 py-2 text-sm underline-offset-4 hover:underline"
      >
        {t("app.switchTo")}
      </button>
    </form>
  );
}
