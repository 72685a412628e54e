import { getLocale } from "@/lib/i18n/server";
import { exportHouseholds } from "@/lib/server/households/export-households";
import { runRoute } from "@/lib/server/route";
import { xlsxResponse } from "@/lib/server/route-xlsx";

// GET /api/projects/[projectId]/households/export?<the household list's query string> → .xlsx
// of the households the list shows for the same query, in the reader's scope.
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return runRoute({ request, kind: "read", label: "households export" }, async ({ actor }) => {
    const { projectId } = await params;
    const query = Object.fromEntries(new URL(request.url).searchParams.entries());
    const language = (await getLocale()) === "en" ? "en" : "zh";
    const file = await exportHouseholds(actor, { ...query, projectId, language });
    return xlsxResponse(
      file.stream,
      { asciiName: "households.xlsx", filename: `${file.filename}.xlsx` },
      { "x-household-count": String(file.count) },
    );
  });
}
