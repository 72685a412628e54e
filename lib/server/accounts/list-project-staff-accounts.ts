import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope, staffUserScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import type { GroupRole, Prisma } from "../../generated/prisma/client.ts";
import { maskPhone } from "../../security/phone.ts";
import { parseInput } from "../../validation.ts";

export type StaffAccount = {
  userId: string;
  name: string;
  /** Masked (138****0001): the list is for finding the person, not for calling them. */
  phone: string | null;
  /** The person's working groups in this project, each with their role there. */
  groups: { name: string; role: GroupRole }[];
};

/** Rule: those who may reset passwords (a district official in any project, a secretary in the
 *  projects they manage) see the project's working-group people whose password they could reset:
 *  staff accounts only, never their own (one's own password is changed, not reset). A project
 *  out of scope is NOT_FOUND. */
export async function listProjectStaffAccounts(actor: Actor, input: unknown): Promise<StaffAccount[]> {
  requirePermission(actor, "reset", "password");
  const { projectId } = parseInput(z.object({ projectId: z.uuid() }), input);
  const project = await db().project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor, "reset", "password")] },
    select: { id: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  const inProject = { group: { projectId } } satisfies Prisma.WorkingGroupMemberWhereInput;
  const users = await db().user.findMany({
    where: {
      AND: [staffUserScope(actor, "reset", "password"), { groupMemberships: { some: inProject } }, { NOT: { id: actor.userId } }],
    },
    select: {
      id: true,
      name: true,
      phone: true,
      groupMemberships: {
        where: inProject,
        select: { role: true, group: { select: { name: true } } },
        orderBy: [{ group: { kind: "asc" } }, { group: { createdAt: "asc" } }, { groupId: "asc" }],
      },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
  });
  return users.map((user) => ({
    userId: user.id,
    name: user.name,
    phone: user.phone === null ? null : maskPhone(user.phone),
    groups: user.groupMemberships.map((m) => ({ name: m.group.name, role: m.role })),
  }));
}
