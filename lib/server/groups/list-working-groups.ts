import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";

const groupSelect = {
  id: true,
  name: true,
  kind: true,
  specialty: true,
  version: true,
  _count: { select: { households: true } },
  members: {
    select: {
      id: true,
      role: true,
      user: { select: { id: true, name: true, phone: true, isPartyMember: true } },
      unit: { select: { name: true } },
    },
    orderBy: [{ role: "asc" }, { createdAt: "asc" }],
  },
} satisfies Prisma.WorkingGroupSelect;

export type WorkingGroupListItem = Prisma.WorkingGroupGetPayload<{ select: typeof groupSelect }>;

/** A project's working groups with their members, for those who manage them. */
export async function listWorkingGroups(actor: Actor, input: unknown): Promise<WorkingGroupListItem[]> {
  requirePermission(actor, "manage", "group");
  const { projectId } = parseInput(z.object({ projectId: z.uuid() }), input);
  const project = await db().project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor, "manage", "group")] },
    select: { id: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  return db().workingGroup.findMany({
    where: { projectId },
    select: groupSelect,
    orderBy: [{ kind: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
}
