import { getTranslator } from "@/lib/i18n/server";

// Shown while a page of the list is being fetched, e.g. after a new filter. It lives in the
// (list) group so it does not wrap a household's page: a household out of scope must answer 404,
// which a page decided after a loading state has streamed cannot (it would be sent with 200).
export default async function HouseholdsLoading() {
  const t = await getTranslator();
  return (
    <main id="main" className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6" aria-busy="true">
      <p aria-live="polite" className="text-stone-700" data-testid="households-loading">
        {t("common.loading")}
      </p>
      <div className="flex flex-col gap-2" aria-hidden="true">
        {Array.from({ length: 6 }, (_, i) => (
          <div key={i} className="h-12 animate-pulse rounded-md bg-stone-200" />
        ))}
      </div>
    </main>
  );
}
