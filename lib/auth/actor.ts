import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db, type PrismaClient } from "../db.ts";
import { AppError } from "../errors.ts";
import type { Actor } from "./actor-types.ts";
import { authOptions } from "./options.ts";
import { isSessionWithinAbsoluteLimit } from "./session-policy.ts";

export type { Actor } from "./actor-types.ts";

/** Loads a user's roles and memberships; null for unknown or disabled users. */
export async function loadActor(prisma: PrismaClient, userId: string): Promise<Actor | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      name: true,
      role: true,
      disabledAt: true,
      householdId: true,
      projectMemberships: { select: { projectId: true } },
      groupMemberships: { select: { groupId: true, role: true, group: { select: { projectId: true } } } },
    },
  });
  if (!user || user.disabledAt) return null;
  const groups = user.groupMemberships.map((m) => ({ groupId: m.groupId, projectId: m.group.projectId, role: m.role }));
  return {
    userId: user.id,
    name: user.name,
    role: user.role,
    managedProjectIds: user.role === "STAFF" ? user.projectMemberships.map((m) => m.projectId) : [],
    ledGroups: user.role === "STAFF" ? groups.filter((g) => g.role === "LEADER").map(({ groupId, projectId }) => ({ groupId, projectId })) : [],
    memberGroups: user.role === "STAFF" ? groups.filter((g) => g.role === "MEMBER").map(({ groupId, projectId }) => ({ groupId, projectId })) : [],
    householdId: user.role === "RESIDENT" ? user.householdId : null,
  };
}

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
