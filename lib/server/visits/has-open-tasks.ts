import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { can } from "../../auth/permissions.ts";
import { db } from "../../db.ts";

/** Whether the actor has a task still to do (for choosing their landing page). Reads only the
 *  actor's own tasks; false for anyone who holds no task permission. */
export async function hasOpenTasks(actor: Actor): Promise<boolean> {
  if (!can(actor, "read", "task")) return false;
  const task = await db().task.findFirst({
    where: { assigneeId: actor.userId, status: { in: ["OPEN", "IN_PROGRESS"] } },
    select: { id: true },
  });
  return task !== null;
}
