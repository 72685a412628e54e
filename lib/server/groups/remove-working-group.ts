import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { moveHouseholds } from "../households/internal/move-households.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { findManagedGroup } from "./find-managed-group.ts";

/** The destination of the removed group's households: no signing group at all. */
export const UNASSIGNED_DESTINATION = "UNASSIGNED";

export const ZRemoveWorkingGroupInput = z.object({
  groupId: z.uuid(),
  version: z.coerce.number().int().positive(),
  /** Where its households go: another signing group of the project, or UNASSIGNED. Asked only
   *  when the group has households; empty means not chosen. */
  householdsTo: z
    .union([z.literal(UNASSIGNED_DESTINATION), z.literal(""), z.uuid({ error: "setup.groups.errors.chooseDestination" })])
    .default(""),
});

export type RemoveWorkingGroupResult = {
  name: string;
  /** Households moved (one assign:household event each) and where to (null: unassigned). */
  movedHouseholds: number;
  movedTo: string | null;
  /** Members who left the group with it (their accounts, tasks and history stay). */
  formerMembers: number;
};

/**
 * Rule: the project's secretary removes a working group, checked against the version the screen
 * showed (CONFLICT otherwise). Its households never vanish with it: when it has any, the
 * secretary says where they go — another signing group of the same project or unassigned — and
 * they move in the same transaction exactly as an assignment moves them (version bumped, one
 * `assign:household` event each, the live "assignment" notification). Its members leave the group
 * (their accounts stay, and open tasks stay with whoever holds them: a task belongs to a person and
 * a household, not to a group). A group that is still answerable for something is kept: open
 * demands routed to it (re-route them first) or daily reports it wrote (removing it would delete
 * them). A signing group's Party group goes with it. One `remove:group` event records what it was.
 */
export async function removeWorkingGroup(actor: Actor, input: unknown): Promise<RemoveWorkingGroupResult> {
  requirePermission(actor, "manage", "group");
  const { groupId, version, householdsTo } = parseInput(ZRemoveWorkingGroupInput, input);

  return db().$transaction(
    async (tx) => {
      const group = await findManagedGroup(tx, actor, groupId);
      const [households, openDemands, reports, members] = await Promise.all([
        tx.household.findMany({ where: { signingGroupId: groupId }, select: { id: true, version: true }, orderBy: { code: "asc" } }),
        tx.demand.count({ where: { routedGroupId: groupId, status: { not: "RESOLVED" } } }),
        tx.dailyReport.count({ where: { groupId } }),
        tx.workingGroupMember.findMany({ where: { groupId }, select: { userId: true, role: true, user: { select: { name: true } } } }),
      ]);
      if (openDemands > 0) throw new AppError("VALIDATION", { fieldErrors: { _form: ["setup.groups.errors.openDemands"] } });
      if (reports > 0) throw new AppError("VALIDATION", { fieldErrors: { _form: ["setup.groups.errors.hasReports"] } });

      let target: { id: string; name: string } | null = null;
      if (households.length > 0) {
        if (householdsTo === "")
          throw new AppError("VALIDATION", { fieldErrors: { householdsTo: ["setup.groups.errors.chooseDestination"] } });
        if (householdsTo !== UNASSIGNED_DESTINATION) {
          // Only another signing group of the same project; anything else is not found.
          target = await tx.workingGroup.findFirst({
            where: { id: householdsTo, projectId: group.projectId, kind: "SIGNING", NOT: { id: groupId } },
            select: { id: true, name: true },
          });
          if (!target) throw new AppError("NOT_FOUND");
        }
      }

      // The version check first: a rename or removal in between leaves everything as it was.
      const { count } = await tx.workingGroup.updateMany({ where: { id: groupId, version }, data: { version: { increment: 1 } } });
      if (count === 0) throw new AppError("CONFLICT");

      await moveHouseholds(tx, {
        actorId: actor.userId,
        projectId: group.projectId,
        households: households.map((h) => ({ id: h.id, version: h.version, signingGroupId: groupId, signingGroupName: group.name })),
        target,
      });

      await tx.partyGroup.deleteMany({ where: { workingGroupId: groupId } });
      // Members (and their unit links) go with the group by the foreign key's cascade.
      await tx.workingGroup.delete({ where: { id: groupId } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "remove:group",
        entity: "group",
        entityId: groupId,
        projectId: group.projectId,
        before: {
          name: group.name,
          kind: group.kind,
          households: households.length,
          members: members.map((m) => ({ userId: m.userId, name: m.user.name, role: m.role })),
        },
        after: { householdsTo: households.length > 0 ? (target?.id ?? UNASSIGNED_DESTINATION) : null },
      });
      await notifyProjectChanged(tx, group.projectId, "assignment");
      return { name: group.name, movedHouseholds: households.length, movedTo: target?.name ?? null, formerMembers: members.length };
    },
    // A large group moves thousands of households, as a bulk assignment does.
    { timeout: 120_000, maxWait: 10_000 },
  );
}
