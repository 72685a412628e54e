// Apart from actor.ts (which reads the next-auth session) so that scripts outside Next can build
// an actor exactly as a signed-in request does.
import type { PrismaClient } from "../db.ts";
import { Prisma } from "../generated/prisma/client.ts";
import type { GroupRole, UserRole } from "../generated/prisma/enums.ts";
import type { Actor } from "./actor-types.ts";

type ActorRow = {
  id: string;
  name: string;
  role: UserRole;
  disabled: boolean;
  householdId: string | null;
  mustChangePassword: boolean;
  passwordVersion: number;
  projectIds: string[];
  groups: { groupId: string; projectId: string; role: GroupRole }[];
};

/** Loads a user's roles and memberships; null for unknown or disabled users, for a session
 *  signed in before the password was last changed or reset (`passwordVersion` given and stale),
 *  and for a session that was signed out, ended everywhere or is past its limit (`sessionId`
 *  given and its UserSession row not open). Every signed-in request runs this, so it is one
 *  statement: the session is an EXISTS condition and the memberships are aggregated in it
 *  (Prisma's nested select took a round trip per relation). Scripts and tests that build an actor
 *  without a session pass neither. */
export async function loadActor(prisma: PrismaClient, userId: string, passwordVersion?: number, sessionId?: string): Promise<Actor | null> {
  const openSession =
    sessionId === undefined
      ? Prisma.empty
      : Prisma.sql`AND EXISTS (
          SELECT 1 FROM "UserSession" s
          WHERE s."id" = ${sessionId}::uuid AND s."userId" = u."id" AND s."revokedAt" IS NULL AND s."expiresAt" > ${new Date()})`;
  const [user] = await prisma.$queryRaw<ActorRow[]>`
    SELECT u."id"::text AS "id", u."name", u."role"::text AS "role", u."disabledAt" IS NOT NULL AS "disabled",
           u."householdId"::text AS "householdId", u."mustChangePassword", u."passwordVersion",
           ARRAY(SELECT pm."projectId"::text FROM "ProjectMembership" pm WHERE pm."userId" = u."id" ORDER BY pm."id") AS "projectIds",
           COALESCE((
             SELECT json_agg(json_build_object('groupId', m."groupId", 'projectId', g."projectId", 'role', m."role") ORDER BY m."id")
             FROM "WorkingGroupMember" m JOIN "WorkingGroup" g ON g."id" = m."groupId"
             WHERE m."userId" = u."id"
           ), '[]'::json) AS "groups"
    FROM "User" u
    WHERE u."id" = ${userId}::uuid ${openSession}`;
  if (!user || user.disabled) return null;
  if (passwordVersion !== undefined && passwordVersion !== user.passwordVersion) return null;
  const groups = user.groups;
  return {
    userId: user.id,
    name: user.name,
    role: user.role,
    managedProjectIds: user.role === "STAFF" ? user.projectIds : [],
    ledGroups:
      user.role === "STAFF" ? groups.filter((g) => g.role === "LEADER").map(({ groupId, projectId }) => ({ groupId, projectId })) : [],
    memberGroups:
      user.role === "STAFF" ? groups.filter((g) => g.role === "MEMBER").map(({ groupId, projectId }) => ({ groupId, projectId })) : [],
    householdId: user.role === "RESIDENT" ? user.householdId : null,
    mustChangePassword: user.role !== "RESIDENT" && user.mustChangePassword,
  };
}
