import { getTranslator } from "@/lib/i18n/server";

/** Shown while the figures are counted: the figure grid and chart outlines, pulsing. */
export async function DashboardLoading({ testId }: { testId: string }) {
  const t = await getTranslator();
  return (
    <main id="main" className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-6" aria-busy="true">
      <p aria-live="polite" className="text-stone-700" data-testid={testId}>
        {t("common.loading")}
      </p>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4" aria-hidden="true">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="h-20 animate-pulse rounded-lg bg-stone-200" />
        ))}
      </div>
      <div className="grid gap-4 lg:grid-cols-2" aria-hidden="true">
        <div className="h-64 animate-pulse rounded-lg bg-stone-200" />
        <div className="h-64 animate-pulse rounded-lg bg-stone-200" />
      </div>
    </main>
  );
}
