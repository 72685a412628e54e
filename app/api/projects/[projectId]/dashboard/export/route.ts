import { getActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";
import { projectDashboardWorkbook } from "@/lib/server/dashboard/dashboard-workbook";
import { errorResponse, xlsxResponse } from "@/lib/server/dashboard/export-response";
import { getProjectDashboard } from "@/lib/server/dashboard/get-project-dashboard";

// GET /api/projects/[projectId]/dashboard/export → .xlsx of the dashboard's figures, series,
// states and league, stamped with the time and zone they were computed at.
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const { projectId } = await params;
  const t = await getTranslator();
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED");
    const dashboard = await getProjectDashboard(actor, { projectId });
    const file = await projectDashboardWorkbook(dashboard, t);
    return xlsxResponse(file, `${dashboard.project.code}-${t("dashboard.title")}-${dashboard.today}.xlsx`);
  } catch (error) {
    return errorResponse(error, t);
  }
}
