import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { GroupSpecialty } from "../../generated/prisma/enums.ts";
import { isUniqueViolation } from "../../prisma-errors.ts";
import { parseInput, requiredText, visibleText } from "../../validation.ts";
import { recordAudit } from "../audit.ts";

export const ZCreateWorkingGroupInput = z
  .object({
    projectId: z.uuid(),
    name: visibleText(requiredText(50)),
    kind: z.enum(["SIGNING", "SPECIAL"], { error: "validation.required" }),
    specialty: z
      .enum(Object.values(GroupSpecialty) as [GroupSpecialty, ...GroupSpecialty[]])
      .or(z.literal("").transform(() => undefined))
      .optional(),
  })
  .superRefine((input, ctx) => {
    if (input.kind === "SPECIAL" && !input.specialty) ctx.addIssue({ code: "custom", path: ["specialty"], message: "validation.required" });
  });

/** Rule: the project's secretary sets up signing groups (which own households) and special
 *  groups (which have a specialty). Names are unique within a project. A signing group gets
 *  its Party group (党小组) in the project's branch at once. */
export async function createWorkingGroup(actor: Actor, input: unknown): Promise<{ id: string }> {
  requirePermission(actor, "manage", "group");
  const { projectId, name, kind, specialty } = parseInput(ZCreateWorkingGroupInput, input);
  try {
    return await db().$transaction(async (tx) => {
      const project = await tx.project.findFirst({
        where: { AND: [{ id: projectId }, projectScope(actor, "manage", "group")] },
        select: { id: true, partyBranch: { select: { id: true } } },
      });
      if (!project) throw new AppError("NOT_FOUND");
      const group = await tx.workingGroup.create({
        data: { projectId, name, kind, specialty: kind === "SPECIAL" ? specialty : null },
        select: { id: true },
      });
      if (kind === "SIGNING" && project.partyBranch) {
        await tx.partyGroup.create({ data: { branchId: project.partyBranch.id, workingGroupId: group.id, name: `${name}党小组` } });
      }
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "create:group",
        entity: "group",
        entityId: group.id,
        projectId,
        after: { name, kind, specialty: specialty ?? null },
      });
      return group;
    });
  } catch (error) {
    if (isUniqueViolation(error, "name")) throw new AppError("VALIDATION", { fieldErrors: { name: ["validation.groupNameTaken"] } });
    throw error;
  }
}
