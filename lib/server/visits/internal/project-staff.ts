import "server-only";
// Who counts as staff of a project for a visit: whoever could go along on it (the secretary and
// commanders, and the leaders and members of any of its working groups), still enabled.
import type { Prisma } from "../../../generated/prisma/client.ts";

export function projectStaffWhere(projectId: string): Prisma.UserWhereInput {
  return {
    role: "STAFF",
    disabledAt: null,
    OR: [{ projectMemberships: { some: { projectId } } }, { groupMemberships: { some: { group: { projectId } } } }],
  };
}
