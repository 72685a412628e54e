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
