import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { findManagedGroup } from "./find-managed-group.ts";

export const ZRemoveGroupMemberInput = z.object({ groupId: z.uuid(), memberId: z.uuid() });

/** Rule: the secretary removes a person from a group; their account and history stay. */
export async function removeGroupMember(actor: Actor, input: unknown): Promise<{ removed: true; name: string; group: string }> {
  requirePermission(actor, "manage", "group");
  const { groupId, memberId } = parseInput(ZRemoveGroupMemberInput, input);
  return db().$transaction(async (tx) => {
    const group = await findManagedGroup(tx, actor, groupId);
    const member = await tx.workingGroupMember.findFirst({
      where: { id: memberId, groupId },
      select: { id: true, role: true, user: { select: { id: true, name: true } } },
    });
    if (!member) throw new AppError("NOT_FOUND");
    await tx.workingGroupMember.delete({ where: { id: memberId } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "remove:group-member",
      entity: "group",
      entityId: groupId,
      projectId: group.projectId,
      before: { userId: member.user.id, name: member.user.name, role: member.role },
    });
    return { removed: true, name: member.user.name, group: group.name };
  });
}
