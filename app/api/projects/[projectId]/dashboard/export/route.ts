import { projectDashboardWorkbook } from "@/lib/server/dashboard/dashboard-workbook";
import { getProjectDashboard } from "@/lib/server/dashboard/get-project-dashboard";
import { runRoute } from "@/lib/server/route";
import { xlsxResponse } from "@/lib/server/route-xlsx";

// GET /api/projects/[projectId]/dashboard/export → .xlsx of the dashboard's figures, series,
// states and league, stamped with the time and zone they were computed at.
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return runRoute({ request, kind: "read", label: "dashboard export" }, async ({ t, actor }) => {
    const { projectId } = await params;
    const dashboard = await getProjectDashboard(actor, { projectId });
    const file = await projectDashboardWorkbook(dashboard, t);
    return xlsxResponse(file, {
      asciiName: "dashboard.xlsx",
      filename: `${dashboard.project.code}-${t("dashboard.title")}-${dashboard.today}.xlsx`,
    });
  });
}
