import { getActor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";
import { districtOverviewWorkbook } from "@/lib/server/dashboard/dashboard-workbook";
import { errorResponse, xlsxResponse } from "@/lib/server/dashboard/export-response";
import { getDistrictOverview } from "@/lib/server/dashboard/get-district-overview";

// GET /api/overview/export?<the overview's sort and filters> → .xlsx of the projects it lists.
export async function GET(request: Request): Promise<Response> {
  const t = await getTranslator();
  try {
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED");
    const query = Object.fromEntries(new URL(request.url).searchParams.entries());
    const overview = await getDistrictOverview(actor, query);
    const file = await districtOverviewWorkbook(overview, t);
    return xlsxResponse(file, `${t("dashboard.overview.title")}-${overview.today}.xlsx`);
  } catch (error) {
    return errorResponse(error, t);
  }
}
