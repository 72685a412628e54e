import type { Formatters } from "@/lib/i18n/format";
import type { Locale, Translate } from "@/lib/i18n/translate";
import type { ProjectDashboard as ProjectDashboardDto } from "@/lib/server/dashboard/get-project-dashboard";
import { DashboardFigures } from "./dashboard-figures";
import { LeagueSection } from "./league-table";
import { ProgressCharts } from "./progress-charts";

// The body of the signing-progress dashboard: figures, charts and the group league, all from one
// serialisable DTO, so a live or big-screen view can render it again with fresh figures.
export function ProjectDashboard({
  dashboard,
  t,
  locale,
  format,
}: {
  dashboard: ProjectDashboardDto;
  t: Translate;
  locale: Locale;
  format: Formatters;
}) {
  return (
    <div className="flex flex-col gap-6" data-testid="project-dashboard">
      <DashboardFigures dashboard={dashboard} t={t} format={format} />
      <ProgressCharts dashboard={dashboard} t={t} format={format} locale={locale} />
      <LeagueSection dashboard={dashboard} t={t} format={format} />
    </div>
  );
}
