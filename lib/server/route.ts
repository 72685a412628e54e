import "server-only";
import { unstable_rethrow } from "next/navigation";
import { getActor } from "../auth/actor.ts";
import type { Actor } from "../auth/actor-types.ts";
import { AppError, answerError, isAppError, type ErrorAnswer, type RequestKind } from "../errors.ts";
import { getTranslator } from "../i18n/server.ts";
import type { Translate } from "../i18n/translate.ts";
import { checkSameOrigin, forLog } from "./origin.ts";

export type RouteOptions = {
  /** The request itself: any method but GET and HEAD must come from the portal's own pages
   *  (lib/server/origin.ts), or it is refused 403 before the session or the body is read. */
  request: Pick<Request, "method" | "headers">;
  /** "read": the request reads what its URL names, so a malformed id there is not found (404);
   *  "write": it changes something, and invalid input is a 400. See APP_ERROR_RULES. */
  kind: RequestKind;
  /** Error bodies: translated plain text, or `{ message }` for a client that reads JSON. */
  errorBody?: "text" | "json";
  /** Names the route in the server log of an unexpected error. */
  label: string;
};

/** Where the translator and the actor come from: the request's cookies (tests pass their own). */
export type RouteSession = { getTranslator: () => Promise<Translate>; getActor: () => Promise<Actor | null> };

const REQUEST_SESSION: RouteSession = { getTranslator, getActor };

/** What a route open to anyone runs with: the actor only when it asks (401 without one). */
export type OpenRouteContext = { t: Translate; requireActor: () => Promise<Actor> };

/** What a route for signed-in people runs with. */
export type SignedInRouteContext = { t: Translate; actor: Actor };

/**
 * Every route handler under app/api (but next-auth's) goes through here, as every server action
 * goes through runAction: translator → origin (a state-changing request from another site is
 * refused) → actor → handler, and whatever the handler throws becomes the status and translated
 * text of APP_ERROR_RULES. Anything that is not an AppError is logged
 * and answered generically, so no raw exception text reaches the client.
 */
export async function runOpenRoute(
  options: RouteOptions,
  handler: (context: OpenRouteContext) => Promise<Response>,
  session: RouteSession = REQUEST_SESSION,
): Promise<Response> {
  const t = await session.getTranslator();
  const origin = checkSameOrigin(options.request);
  if (!origin.ok) {
    console.warn(
      `[${options.label}] refused a ${options.request.method} from another origin (${origin.reason}: ${forLog(origin.from)} → ${forLog(origin.to)})`,
    );
    // Always JSON: the refusal is the same whoever sent it, a fetch or a form.
    return errorResponse(answerError(new AppError("FORBIDDEN"), options.kind), t, "json");
  }
  const requireActor = async () => {
    const actor = await session.getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED");
    // Someone still holding a one-time password sees no page but the change of it
    // (requireActor in lib/auth/actor.ts); no export or stream either.
    if (actor.mustChangePassword) throw new AppError("FORBIDDEN", { detail: "one-time password not changed yet" });
    return actor;
  };
  try {
    return await handler({ t, requireActor });
  } catch (error) {
    // Next's own signals (dynamic rendering, redirects) are not failures.
    unstable_rethrow(error);
    if (!isAppError(error)) console.error(`[${options.label}] unexpected error`, error);
    return errorResponse(answerError(error, options.kind), t, options.errorBody ?? "text");
  }
}

/** A route for signed-in people only: without a signed-in actor it answers 401. */
export async function runRoute(
  options: RouteOptions,
  handler: (context: SignedInRouteContext) => Promise<Response>,
  session: RouteSession = REQUEST_SESSION,
): Promise<Response> {
  return runOpenRoute(options, async ({ t, requireActor }) => handler({ t, actor: await requireActor() }), session);
}

function errorResponse({ status, messageKey, retryAfterSeconds }: ErrorAnswer, t: Translate, body: "text" | "json"): Response {
  const message = t(messageKey);
  // A refusal is about this reader now; no cache keeps it.
  const headers: Record<string, string> = { "cache-control": "no-store" };
  // A database outage: when to ask again.
  if (retryAfterSeconds) headers["retry-after"] = String(retryAfterSeconds);
  if (body === "json") return Response.json({ message }, { status, headers });
  return new Response(message, { status, headers: { ...headers, "content-type": "text/plain; charset=utf-8" } });
}
