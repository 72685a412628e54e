import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { projectScope } from "../../auth/scope.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

/** The working group if the actor may manage groups of its project, else NOT_FOUND. */
export async function findManagedGroup(tx: Prisma.TransactionClient, actor: Actor, groupId: string) {
  const group = await tx.workingGroup.findFirst({
    where: { id: groupId, project: projectScope(actor, "manage", "group") },
    select: { id: true, name: true, kind: true, projectId: true },
  });
  if (!group) throw new AppError("NOT_FOUND");
  return group;
}
