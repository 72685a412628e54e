import { getTranslator } from "@/lib/i18n/server";

export default async function Loading() {
  const t = await getTranslator();
  return (
    <main id="main" className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6" aria-busy="true">
      <h1 className="text-2xl font-bold">{t("signing.desk.title")}</h1>
      <p role="status" className="text-stone-700">
        {t("common.loading")}
      </p>
    </main>
  );
}
