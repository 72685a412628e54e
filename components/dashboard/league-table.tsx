import { ColumnHeader, Table, TableBody, TableHead, TableRegion } from "@/components/ui/table";
import type { Formatters } from "@/lib/i18n/format";
import type { Translate } from "@/lib/i18n/translate";
import type { ProjectDashboard } from "@/lib/server/dashboard/get-project-dashboard";
import { drillDown } from "./drill-down";
import { LeagueRows, type LeagueRowView } from "./league-rows";

// The signing groups' league: rank, rate, households, signed, recent visits and overdue tasks,
// each count a link to the group's households. The rate comes right after the group, so on a
// phone it is on the first screen (the later columns scroll); the reader's own group is marked
// in words and aria-current, not by colour alone.

function rowsOf(dashboard: ProjectDashboard, t: Translate, format: Formatters): LeagueRowView[] {
  const links = drillDown(dashboard.project.id);
  return dashboard.league.map((g) => ({
    groupId: g.groupId,
    name: g.name,
    ownLabel: dashboard.viewerGroupIds.includes(g.groupId) ? t("dashboard.league.yourGroup") : null,
    rank: g.rank,
    householdsHref: links.group(g.groupId),
    signedHref: links.groupSigned(g.groupId),
    households: format.number(g.households),
    signed: format.number(g.signed),
    rate: format.percent(g.rate),
    visits: format.number(g.visitsLast7Days),
    overdue: format.number(g.overdueTasks),
  }));
}

export function LeagueSection({ dashboard, t, format }: { dashboard: ProjectDashboard; t: Translate; format: Formatters }) {
  const title = t("dashboard.league.title");
  return (
    <section aria-labelledby="dashboard-league" className="flex flex-col gap-2">
      <h2 id="dashboard-league" className="text-xl font-semibold">
        {title}
      </h2>
      {dashboard.league.length === 0 ? (
        <p className="rounded-lg border border-dashed border-stone-300 bg-white p-6 text-stone-700">{t("dashboard.league.empty")}</p>
      ) : (
        <TableRegion label={title}>
          <Table caption={title} className="sm:min-w-[40rem]" testId="league-table">
            <TableHead>
              <ColumnHeader pad="compact">{t("dashboard.league.rank")}</ColumnHeader>
              <ColumnHeader pad="compact">{t("dashboard.league.group")}</ColumnHeader>
              <ColumnHeader pad="compact" align="right">
                {t("dashboard.league.rate")}
              </ColumnHeader>
              <ColumnHeader align="right">{t("dashboard.league.households")}</ColumnHeader>
              <ColumnHeader align="right">{t("dashboard.league.signed")}</ColumnHeader>
              <ColumnHeader align="right">{t("dashboard.league.visits")}</ColumnHeader>
              <ColumnHeader align="right">{t("dashboard.league.overdue")}</ColumnHeader>
            </TableHead>
            <TableBody>
              <LeagueRows rows={rowsOf(dashboard, t, format)} />
            </TableBody>
          </Table>
        </TableRegion>
      )}
      {dashboard.unassigned > 0 ? (
        <p className="text-sm text-stone-700">{t("dashboard.league.unassigned", { count: format.number(dashboard.unassigned) })}</p>
      ) : null}
    </section>
  );
}
