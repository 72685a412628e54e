import "server-only";
import type { Actor } from "../../../auth/actor-types.ts";
import { taskScope } from "../../../auth/scope.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";

/** Tasks the actor may close with a visit: their own, or any in the scope where they assign tasks
 *  (a leader's group, a secretary's project). */
export function closableTaskWhere(actor: Actor): Prisma.TaskWhereInput {
  return { OR: [{ assigneeId: actor.userId }, taskScope(actor, "assign")] };
}
