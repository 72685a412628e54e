import { getLocale } from "@/lib/i18n/server";
import { exportDemands } from "@/lib/server/demands/export-demands";
import { runRoute } from "@/lib/server/route";
import { xlsxResponse } from "@/lib/server/route-xlsx";

// GET /api/projects/[projectId]/demands/export?<the demand list's filters> → .xlsx of the demands
// the list shows for the same filters, in the reader's scope.
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return runRoute({ request, kind: "read", label: "demands export" }, async ({ actor }) => {
    const { projectId } = await params;
    const query = Object.fromEntries(new URL(request.url).searchParams.entries());
    const language = (await getLocale()) === "en" ? "en" : "zh";
    const file = await exportDemands(actor, { ...query, projectId, language });
    return xlsxResponse(
      file.body,
      { asciiName: "demands.xlsx", filename: `${file.filename}.xlsx` },
      { "x-demand-count": String(file.count) },
    );
  });
}
