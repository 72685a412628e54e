import { withAuth } from "next-auth/middleware";
import type { NextFetchEvent } from "next/server";
import type { NextRequestWithAuth } from "next-auth/middleware";

// An early redirect to /login for signed-out visitors of the workspace. It is NOT the
// authorisation: every page and use case checks the actor again on the server.
const authProxy = withAuth({ pages: { signIn: "/login" } });

export function proxy(request: NextRequestWithAuth, event: NextFetchEvent) {
  // A server action posts to the page's own address. Redirected to the login page here, the
  // form would receive HTML instead of its answer and the page would fail with everything typed
  // lost; let it through, and runAction answers a session that ended as such (sessionExpired).
  if (request.method === "POST" && request.headers.has("next-action")) return;
  return authProxy(request, event);
}

export const config = { matcher: ["/projects/:path*", "/my-household/:path*"] };
