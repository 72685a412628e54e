import { districtOverviewWorkbook } from "@/lib/server/dashboard/dashboard-workbook";
import { getDistrictOverview } from "@/lib/server/dashboard/get-district-overview";
import { runRoute } from "@/lib/server/route";
import { xlsxResponse } from "@/lib/server/route-xlsx";

// GET /api/overview/export?<the overview's sort and filters> → .xlsx of the projects it lists.
export async function GET(request: Request): Promise<Response> {
  return runRoute({ request, kind: "read", label: "overview export" }, async ({ t, actor }) => {
    const query = Object.fromEntries(new URL(request.url).searchParams.entries());
    const overview = await getDistrictOverview(actor, query);
    const file = await districtOverviewWorkbook(overview, t);
    return xlsxResponse(file, { asciiName: "dashboard.xlsx", filename: `${t("dashboard.overview.title")}-${overview.today}.xlsx` });
  });
}
