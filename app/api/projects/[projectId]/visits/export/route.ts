import { getLocale } from "@/lib/i18n/server";
import { runRoute } from "@/lib/server/route";
import { xlsxResponse } from "@/lib/server/route-xlsx";
import { exportVisits } from "@/lib/server/visits/export-visits";

// GET /api/projects/[projectId]/visits/export?<the visit register's filters> → .xlsx (走访台账) of
// the visits the register lists for the same filters, in the reader's export scope.
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return runRoute({ request, kind: "read", label: "visits export" }, async ({ actor }) => {
    const { projectId } = await params;
    const query = Object.fromEntries(new URL(request.url).searchParams.entries());
    const language = (await getLocale()) === "en" ? "en" : "zh";
    const file = await exportVisits(actor, { ...query, projectId, language });
    return xlsxResponse(
      file.stream,
      { asciiName: "visits.xlsx", filename: `${file.filename}.xlsx` },
      { "x-visit-count": String(file.count) },
    );
  });
}
