import { PROJECT_KINDS, PROJECT_PHASES } from "@/lib/domain/options";
import type { Translate } from "@/lib/i18n/translate";
import { OVERVIEW_RISKS, type DistrictOverview } from "@/lib/server/dashboard/get-district-overview";

// The overview's filters: a GET form, so the filtered view is a URL and works without scripts.
// The current sort rides along in hidden fields.

const SELECT = "min-h-11 rounded-md border border-stone-300 bg-white px-3";

export function OverviewFilterForm({ overview, t }: { overview: DistrictOverview; t: Translate }) {
  return (
    <form
      method="get"
      action="/overview"
      className="flex flex-wrap items-end gap-3"
      role="search"
      aria-label={t("dashboard.overview.filter")}
    >
      <input type="hidden" name="sort" value={overview.query.sort} />
      <input type="hidden" name="dir" value={overview.query.dir} />
      <label className="flex flex-col gap-1 text-sm">
        {t("dashboard.overview.kind")}
        <select name="kind" defaultValue={overview.query.kind ?? ""} className={SELECT} data-testid="filter-kind">
          <option value="">{t("dashboard.overview.allKinds")}</option>
          {PROJECT_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`project.kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("dashboard.overview.phase")}
        <select name="phase" defaultValue={overview.query.phase ?? ""} className={SELECT} data-testid="filter-phase">
          <option value="">{t("dashboard.overview.allPhases")}</option>
          {PROJECT_PHASES.map((p) => (
            <option key={p} value={p}>
              {t(`project.phases.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1 text-sm">
        {t("dashboard.overview.risk")}
        <select name="risk" defaultValue={overview.query.risk ?? ""} className={SELECT} data-testid="filter-risk">
          <option value="">{t("dashboard.overview.allRisks")}</option>
          {OVERVIEW_RISKS.map((r) => (
            <option key={r} value={r}>
              {t(`dashboard.overview.riskFilter.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="submit"
        className="min-h-11 rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
        data-testid="filter-submit"
      >
        {t("dashboard.overview.filter")}
      </button>
    </form>
  );
}
