import { getActor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { getLocale, getTranslator } from "@/lib/i18n/server";
import { exportHouseholds } from "@/lib/server/households/export-households";

// GET /api/projects/[projectId]/households/export?<the household list's query string> → .xlsx
// of the households the list shows for the same query, in the reader's scope.
export async function GET(request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const { projectId } = await params;
  const t = await getTranslator();
  const actor = await getActor();
  if (!actor) return new Response(t("errors.UNAUTHENTICATED"), { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const query = Object.fromEntries(new URL(request.url).searchParams.entries());
  const language = (await getLocale()) === "en" ? "en" : "zh";
  try {
    const file = await exportHouseholds(actor, { ...query, projectId, language });
    const name = `${file.filename}.xlsx`;
    return new Response(file.stream, {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="households.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
        "cache-control": "no-store",
        "x-household-count": String(file.count),
      },
    });
  } catch (error) {
    if (isAppError(error)) {
      // Out of scope and malformed ids are both "not found", as on the pages.
      const status = error.code === "FORBIDDEN" ? 403 : error.code === "NOT_FOUND" || error.code === "VALIDATION" ? 404 : 400;
      const message = status === 404 ? t("errors.NOT_FOUND") : t(`errors.${error.code}`);
      return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
    }
    console.error("[export] unexpected error", error);
    return new Response(t("errors.INTERNAL"), { status: 500, headers: { "content-type": "text/plain; charset=utf-8" } });
  }
}
