// Session limits (docs/security.md). The JWT cookie lives IDLE seconds from its last refresh;
// the browser refreshes it while the person is active (components/auth/session-keep-alive.tsx).
// Whatever the activity, a session ends ABSOLUTE seconds after sign-in.
export const SESSION_IDLE_SECONDS = 30 * 60;
export const SESSION_ABSOLUTE_SECONDS = 12 * 60 * 60;
/** A cookie that only says "this browser had a session", so an expired one can be told apart
 *  from a first visit and the login page can say so. Holds no identity. */
export const HAD_SESSION_COOKIE = "lianxin-had-session";

export function isSessionWithinAbsoluteLimit(loginAtSeconds: unknown, nowMs = Date.now()): boolean {
  return typeof loginAtSeconds === "number" && nowMs / 1000 - loginAtSeconds <= SESSION_ABSOLUTE_SECONDS;
}

/** What the session cookie (a next-auth JWT) says about its session; see lib/auth/actor.ts. */
export type SessionClaims = {
  userId: string;
  /** The UserSession row made at sign-in; a revoked or unknown one ends the session. */
  sessionId: string;
  passwordVersion: number;
  loginAt: number;
};

/** The claims of a decoded session token, or null when one is missing (e.g. a token from before
 *  server-side sessions, which carries no session id: it has ended). */
export function sessionClaimsOf(token: Record<string, unknown> | null | undefined): SessionClaims | null {
  if (!token) return null;
  const { sub, sid, passwordVersion, loginAt } = token;
  if (typeof sub !== "string" || typeof sid !== "string" || typeof loginAt !== "number") return null;
  return { userId: sub, sessionId: sid, passwordVersion: typeof passwordVersion === "number" ? passwordVersion : 0, loginAt };
}
