import { getLocale } from "@/lib/i18n/server";
import { runRoute } from "@/lib/server/route";
import { xlsxResponse } from "@/lib/server/route-xlsx";
import { exportTasks } from "@/lib/server/tasks/export-tasks";

// GET /api/projects/[projectId]/tasks/export?<the task list's query string> → .xlsx of the tasks
// the list shows for the same query, in the reader's scope.
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  return runRoute({ request, kind: "read", label: "tasks export" }, async ({ actor }) => {
    const { projectId } = await params;
    const query = Object.fromEntries(new URL(request.url).searchParams.entries());
    const language = (await getLocale()) === "en" ? "en" : "zh";
    const file = await exportTasks(actor, { ...query, projectId, language });
    return xlsxResponse(file.body, { asciiName: "tasks.xlsx", filename: `${file.filename}.xlsx` }, { "x-task-count": String(file.count) });
  });
}
