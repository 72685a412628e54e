import { getActor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";
import { getRosterTemplate } from "@/lib/server/roster/get-roster-template";

// GET /api/projects/[projectId]/roster/template → the project's roster template (.xlsx).
export async function GET(_request: Request, { params }: { params: Promise<{ projectId: string }> }): Promise<Response> {
  const { projectId } = await params;
  const t = await getTranslator();
  const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
  const actor = await getActor();
  if (!actor) return text(t("errors.UNAUTHENTICATED"), 401);
  try {
    const file = await getRosterTemplate(actor, { projectId });
    return new Response(file.bytes as Uint8Array<ArrayBuffer>, {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": `attachment; filename="roster-template.xlsx"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    if (isAppError(error)) {
      // Out of scope and malformed ids are both "not found", as on the pages.
      const status = error.code === "FORBIDDEN" ? 403 : error.code === "NOT_FOUND" || error.code === "VALIDATION" ? 404 : 400;
      return text(status === 404 ? t("errors.NOT_FOUND") : t(`errors.${error.code}`), status);
    }
    console.error("[roster template] unexpected error", error);
    return text(t("errors.INTERNAL"), 500);
  }
}
