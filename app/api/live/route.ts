import { getActor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { getTranslator } from "@/lib/i18n/server";
import { resolveDisplaySession } from "@/lib/server/display/resolve-display-session";
import { authorizeProgressStream } from "@/lib/server/live/authorize-progress-stream";
import { progressEventStream } from "@/lib/server/live/progress-stream";

// GET /api/live?projectId=<id>  → server-sent events of one project (readers of the project)
// GET /api/live                 → every project's events (district overview; officials)
// GET /api/live?display=<token> → the one project of a big-screen display session
// Each event is `event: progress` with `{ projectId, kind, at }`; see docs/decisions/007.
export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-store, no-transform",
  connection: "keep-alive",
  // nginx and similar proxies would otherwise buffer the stream.
  "x-accel-buffering": "no",
};

function plain(text: string, status: number): Response {
  return new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const t = await getTranslator();
  const displayToken = params.get("display");
  let projectId: string | null;
  if (displayToken !== null) {
    const viewer = await resolveDisplaySession(displayToken);
    if (!viewer) return plain(t("live.display.switchedOffTitle"), 404);
    // A display stream carries its own project only, whatever else the query asks for.
    const asked = params.get("projectId");
    if (asked !== null && asked !== viewer.projectId) return plain(t("errors.NOT_FOUND"), 404);
    projectId = viewer.projectId;
  } else {
    const actor = await getActor();
    if (!actor) return plain(t("errors.UNAUTHENTICATED"), 401);
    try {
      ({ projectId } = await authorizeProgressStream(actor, { projectId: params.get("projectId") ?? undefined }));
    } catch (error) {
      if (isAppError(error)) {
        const status = error.code === "FORBIDDEN" ? 403 : error.code === "NOT_FOUND" || error.code === "VALIDATION" ? 404 : 400;
        return plain(status === 404 ? t("errors.NOT_FOUND") : t(`errors.${error.code}`), status);
      }
      throw error;
    }
  }
  return new Response(progressEventStream(projectId, request.signal), { headers: SSE_HEADERS });
}
