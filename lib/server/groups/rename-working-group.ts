import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { isUniqueViolation } from "../../prisma-errors.ts";
import { parseInput, requiredText, visibleText } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { findManagedGroup } from "./find-managed-group.ts";

export const ZRenameWorkingGroupInput = z.object({
  groupId: z.uuid(),
  name: visibleText(requiredText(50)),
  version: z.coerce.number().int().positive(),
});

/** Rule: the project's secretary renames a working group. The form carries the version it showed:
 *  a group renamed or removed in between is refused (CONFLICT), not overwritten. Names stay unique
 *  within the project; a signing group's Party group keeps the name it was given after the group
 *  ("<name>党小组"). The dashboards name groups, so the project's live channel hears of it. */
export async function renameWorkingGroup(actor: Actor, input: unknown): Promise<{ id: string; name: string; changed: boolean }> {
  requirePermission(actor, "manage", "group");
  const { groupId, name, version } = parseInput(ZRenameWorkingGroupInput, input);
  try {
    return await db().$transaction(async (tx) => {
      const group = await findManagedGroup(tx, actor, groupId);
      if (group.name === name) return { id: groupId, name, changed: false };
      const { count } = await tx.workingGroup.updateMany({ where: { id: groupId, version }, data: { name, version: { increment: 1 } } });
      if (count === 0) throw new AppError("CONFLICT");
      await tx.partyGroup.updateMany({ where: { workingGroupId: groupId, name: `${group.name}党小组` }, data: { name: `${name}党小组` } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "rename:group",
        entity: "group",
        entityId: groupId,
        projectId: group.projectId,
        before: { name: group.name },
        after: { name },
      });
      await notifyProjectChanged(tx, group.projectId, "assignment");
      return { id: groupId, name, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error, "name")) throw new AppError("VALIDATION", { fieldErrors: { name: ["validation.groupNameTaken"] } });
    throw error;
  }
}
