// Apart from actor.ts (which reads the next-auth session) so that scripts outside Next can build
// an actor exactly as a signed-in request does.
import type { PrismaClient } from "../db.ts";
import type { Actor } from "./actor-types.ts";

/** Loads a user's roles and memberships; null for unknown or disabled users, for a session
 *  signed in before the password was last changed or reset (`passwordVersion` given and stale),
 *  and for a session that was signed out, ended everywhere or is past its limit (`sessionId`
 *  given and its UserSession row not open). The session is checked inside the same query, as
 *  an EXISTS condition: a request still costs one round trip. Scripts and tests that build an
 *  actor without a session pass neither. */
export async function loadActor(prisma: PrismaClient, userId: string, passwordVersion?: number, sessionId?: string): Promise<Actor | null> {
  const user = await prisma.user.findUnique({
    where: {
      id: userId,
      ...(sessionId === undefined ? {} : { sessions: { some: { id: sessionId, revokedAt: null, expiresAt: { gt: new Date() } } } }),
    },
    select: {
      id: true,
      name: true,
      role: true,
      disabledAt: true,
      householdId: true,
      mustChangePassword: true,
      passwordVersion: true,
      projectMemberships: { select: { projectId: true } },
      groupMemberships: { select: { groupId: true, role: true, group: { select: { projectId: true } } } },
    },
  });
  if (!user || user.disabledAt) return null;
  if (passwordVersion !== undefined && passwordVersion !== user.passwordVersion) return null;
  const groups = user.groupMemberships.map((m) => ({ groupId: m.groupId, projectId: m.group.projectId, role: m.role }));
  return {
    userId: user.id,
    name: user.name,
    role: user.role,
    managedProjectIds: user.role === "STAFF" ? user.projectMemberships.map((m) => m.projectId) : [],
    ledGroups:
      user.role === "STAFF" ? groups.filter((g) => g.role === "LEADER").map(({ groupId, projectId }) => ({ groupId, projectId })) : [],
    memberGroups:
      user.role === "STAFF" ? groups.filter((g) => g.role === "MEMBER").map(({ groupId, projectId }) => ({ groupId, projectId })) : [],
    householdId: user.role === "RESIDENT" ? user.householdId : null,
    mustChangePassword: user.role !== "RESIDENT" && user.mustChangePassword,
  };
}
