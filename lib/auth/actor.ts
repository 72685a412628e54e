import "server-only";
import { getToken } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { Actor } from "./actor-types.ts";
import { loadActor } from "./load-actor.ts";
import { isSessionWithinAbsoluteLimit, sessionClaimsOf, type SessionClaims } from "./session-policy.ts";

export type { Actor } from "./actor-types.ts";
export { loadActor } from "./load-actor.ts";

/** Where a person signed in with a one-time password is sent before anything else. */
export const CHANGE_PASSWORD_PATH = "/account/password";

/** What this request's session cookie says, decoded and verified, or null. Cached per request.
 *  Only the cookie is read (no Authorization header), and nothing is asked of the database:
 *  whether the session is still open is getActor's one query. */
export const getSessionClaims = cache(async (): Promise<SessionClaims | null> => {
  // The same cookie name and secret as next-auth's own handler (NEXTAUTH_URL, NEXTAUTH_SECRET).
  const token = await getToken({ req: { cookies: await cookies(), headers: {} } as unknown as Parameters<typeof getToken>[0]["req"] });
  return sessionClaimsOf(token);
});

/** The signed-in actor of this request, or null. Cached per request. A session has ended when it
 *  was signed out or ended everywhere (its UserSession row), when it is older than the absolute
 *  limit, and when it was signed in before the password was last changed or reset. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const claims = await getSessionClaims();
  if (!claims || !isSessionWithinAbsoluteLimit(claims.loginAt)) return null;
  return loadActor(db(), claims.userId, claims.passwordVersion, claims.sessionId);
});

/** For pages: the actor, or a redirect to the login page. Someone who still holds a one-time
 *  password is sent to change it first, from every page but that one (`passwordChange: "allow"`). */
export async function requireActor(options: { passwordChange?: "allow" } = {}): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (actor.mustChangePassword && options.passwordChange !== "allow") redirect(CHANGE_PASSWORD_PATH);
  return actor;
}

/** For use cases reached from actions and routes: the actor, or UNAUTHENTICATED. */
export async function requireActorOrThrow(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
}
