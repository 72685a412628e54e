import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { DistrictOverview } from "@/lib/server/dashboard/get-district-overview";

// The district's headline figures above the overview table.

function Figure({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="rounded-lg border border-stone-200 bg-white p-3">
      <dt className="text-sm text-stone-600">{label}</dt>
      <dd className="text-2xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </dd>
    </div>
  );
}

export function OverviewSummary({ overview, t, format }: { overview: DistrictOverview; t: Translate; format: Formatters }) {
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
      <Figure label={t("dashboard.overview.households")} value={format.number(overview.totals.eligible)} testId="total-households" />
      <Figure label={t("dashboard.overview.signed")} value={format.number(overview.totals.signed)} testId="total-signed" />
      <Figure label={t("dashboard.overview.rate")} value={format.percent(overview.totals.signingRate)} testId="total-rate" />
      <Figure
        label={t("dashboard.overview.signedThisYear", { year: String(overview.year) })}
        value={format.number(overview.signedThisYear)}
        testId="signed-this-year"
      />
    </dl>
  );
}
