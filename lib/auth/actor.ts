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

/** The signed-in actor of this request, or null. Cached per request. */
export const getActor = cache(async (): Promise<Actor | null> => {
  const session = (await getServerSession(authOptions)) as { userId?: string; loginAt?: number } | null;
  if (!session?.userId || !isSessionWithinAbsoluteLimit(session.loginAt)) return null;
  return loadActor(db(), session.userId);
});

/** For pages: the actor, or a redirect to the login page. */
export async function requireActor(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  return actor;
}

/** For use cases reached from actions and routes: the actor, or UNAUTHENTICATED. */
export async function requireActorOrThrow(): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("UNAUTHENTICATED");
  return actor;
}
