import "server-only";

// Cross-site request forgery on route handlers: a page on another origin can make the browser send
// a form or a fetch to /api/... with the reader's cookies. Server actions are guarded by Next
// itself (it compares Origin with the host the request came to); route handlers are not, so
// runOpenRoute asks this file for every method that may change something (decision 024).

/** Methods that only read: links, bookmarks and other sites may use them freely. */
const SAFE_METHODS: ReadonlySet<string> = new Set(["GET", "HEAD"]);

/** Whether a request with this method must come from the portal's own pages. */
export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** Why a request was refused, for the server log (never for the client). */
export type ForeignOriginReason = "no-origin" | "unreadable-origin" | "no-host" | "other-host";

export type OriginVerdict = { ok: true } | { ok: false; reason: ForeignOriginReason; from: string; to: string };

/**
 * The host the request came to, judged as Next judges a server action (parseHostHeader in
 * next/dist/server/app-render/action-handler.js): the first `x-forwarded-host` (Next's server sets
 * it from Host when no proxy did), else `Host`. A browser cannot set either on a cross-site
 * request without a CORS preflight, which nothing here answers.
 */
function portalHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  const host = forwarded || headers.get("host")?.trim();
  return host ? host.toLowerCase() : null;
}

/** The host the browser says the request came from: Origin, or Referer when a browser sent no
 *  Origin. `null` for "Origin: null" (a sandboxed frame, a file) and anything unparsable. */
function requestingHost(headers: Headers): { header: string; host: string | null } | null {
  const raw = headers.get("origin") ?? headers.get("referer");
  if (raw === null) return null;
  if (raw === "null") return { header: raw, host: null };
  try {
    const url = new URL(raw);
    return { header: raw, host: url.protocol === "http:" || url.protocol === "https:" ? url.host.toLowerCase() : null };
  } catch {
    return { header: raw, host: null };
  }
}

/**
 * Whether a request that may change something comes from a page of this portal: its Origin (or,
 * without one, its Referer) names the host the request came to. Stricter than Next's server
 * actions in one way: a request with neither header is refused, not let through with a warning,
 * since every browser sends Origin with a POST and the portal's own pages never omit it.
 */
export function checkSameOrigin(request: Pick<Request, "method" | "headers">): OriginVerdict {
  if (!isStateChanging(request.method)) return { ok: true };
  const to = portalHost(request.headers);
  const from = requestingHost(request.headers);
  if (from === null) return { ok: false, reason: "no-origin", from: "", to: to ?? "" };
  if (from.host === null) return { ok: false, reason: "unreadable-origin", from: from.header, to: to ?? "" };
  if (to === null) return { ok: false, reason: "no-host", from: from.header, to: "" };
  if (from.host !== to) return { ok: false, reason: "other-host", from: from.host, to };
  return { ok: true };
}

/** A header value in a log line: short, so an attacker cannot fill the log. */
export function forLog(value: string): string {
  return value.length > 100 ? `${value.slice(0, 100)}...` : value;
}
