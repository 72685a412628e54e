import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../db.ts";
import { AppError } from "../errors.ts";
import type { Actor } from "./actor-types.ts";
import { authOptions } from "./options.ts";
import { loadActor } from "./load-actor.ts";
import { isSessionWithinAbsoluteLimit } from "./session-policy.ts";

export type { Actor } from "./actor-types.ts";
export { loadActor } from "./load-actor.ts";

/** Where a person signed in with a one-time password is sent before anything else. */
export const CHANGE_PASSWORD_PATH = "/account/password";

/** The signed-in actor of this request, or null. Cached per request. A session signed in before
 *  the password was last changed or reset has ended (sessions from before versions: version 0). */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string; loginAt?: number; passwordVersion?: number } | null;
  if (!session?.userId || !isSessionWithinAbsoluteLimit(session.loginAt)) return null;
  return loadActor(db(), session.userId, session.passwordVersion ?? 0);
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
