import { getSessionClaims } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { resolveDisplaySession } from "@/lib/server/display/resolve-display-session";
import { authorizeProgressStream } from "@/lib/server/live/authorize-progress-stream";
import { progressEventStream } from "@/lib/server/live/progress-stream";
import { runOpenRoute } from "@/lib/server/route";
import { isSessionOpen } from "@/lib/server/sessions/is-session-open";

// GET /api/live?projectId=<id>  → server-sent events of one project (readers of the project)
// GET /api/live                 → every project's events (district overview; officials)
// GET /api/live?display=<token> → the one project of a big-screen display session
// Each event is `event: progress` with `{ projectId, kind, at }`; see docs/decisions/007.
// An open stream ends when its session is signed out (or ended everywhere, or its password
// changed) or its display is switched off: checked with one query per stream every heartbeat.
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
  // A display wall has no session: the actor is asked for only when there is no display token.
  return runOpenRoute({ request, kind: "read", label: "live" }, async ({ t, requireActor }) => {
    const params = new URL(request.url).searchParams;
    const displayToken = params.get("display");
    let projectId: string | null;
    let stillOpen: () => Promise<boolean>;
    if (displayToken !== null) {
      const viewer = await resolveDisplaySession(displayToken);
      if (!viewer) return plain(t("live.display.switchedOffTitle"), 404);
      // A display stream carries its own project only, whatever else the query asks for.
      const asked = params.get("projectId");
      if (asked !== null && asked !== viewer.projectId) throw new AppError("NOT_FOUND");
      projectId = viewer.projectId;
      stillOpen = async () => (await resolveDisplaySession(displayToken))?.displaySessionId === viewer.displaySessionId;
    } else {
      const actor = await requireActor();
      ({ projectId } = await authorizeProgressStream(actor, { projectId: params.get("projectId") ?? undefined }));
      const claims = await getSessionClaims();
      if (!claims) throw new AppError("UNAUTHENTICATED");
      stillOpen = () => isSessionOpen(claims);
    }
    return new Response(progressEventStream(projectId, request.signal, { stillOpen }), { headers: SSE_HEADERS });
  });
}
