import { getLocale } from "@/lib/i18n/server";
import { getRosterTemplate } from "@/lib/server/roster/get-roster-template";
import { runRoute } from "@/lib/server/route";
import { xlsxResponse } from "@/lib/server/route-xlsx";

// GET /api/projects/[projectId]/roster/template → the project's roster template (.xlsx), in the
// reader's language.
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return runRoute({ request, kind: "read", label: "roster template" }, async ({ actor }) => {
    const { projectId } = await params;
    const language = (await getLocale()) === "en" ? "en" : "zh";
    const file = await getRosterTemplate(actor, { projectId, language });
    return xlsxResponse(file.bytes, { asciiName: "roster-template.xlsx", filename: file.fileName });
  });
}
