import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { findManagedGroup } from "./find-managed-group.ts";

export const ZSetGroupMemberRoleInput = z.object({
  groupId: z.uuid(),
  memberId: z.uuid(),
  role: z.enum(["LEADER", "MEMBER"]),
});

/** Rule: the secretary names and un-names group leaders. */
export async function setGroupMemberRole(actor: Actor, input: unknown): Promise<{ role: string }> {
  requirePermission(actor, "manage", "group");
  const { groupId, memberId, role } = parseInput(ZSetGroupMemberRoleInput, input);
  return db().$transaction(async (tx) => {
    const group = await findManagedGroup(tx, actor, groupId);
    const member = await tx.workingGroupMember.findFirst({
      where: { id: memberId, groupId },
      select: { id: true, role: true, userId: true },
    });
    if (!member) throw new AppError("NOT_FOUND");
    if (member.role === role) return { role };
    await tx.workingGroupMember.update({ where: { id: memberId }, data: { role } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "update:group",
      entity: "group",
      entityId: groupId,
      projectId: group.projectId,
      before: { userId: member.userId, role: member.role },
      after: { userId: member.userId, role },
    });
    return { role };
  });
}
