import type { UserRole } from "../generated/prisma/enums.ts";

/** The roles of DOMAIN.md, derived from a user's global role and memberships. */
export type ActorRole = "DISTRICT_OFFICIAL" | "SECRETARY" | "GROUP_LEADER" | "MEMBER" | "RESIDENT";

/** The signed-in user with everything authorisation needs, loaded fresh on every request so a
 *  revoked membership takes effect at once. */
export type Actor = {
  userId: string;
  name: string;
  role: UserRole;
  /** Projects where the user is commander or secretary. */
  managedProjectIds: string[];
  ledGroups: { groupId: string; projectId: string }[];
  memberGroups: { groupId: string; projectId: string }[];
  /** Set for residents: the one household they may see. */
  householdId: string | null;
  /** Signed in with a one-time password not yet replaced: every page sends them to change it. */
  mustChangePassword: boolean;
};
