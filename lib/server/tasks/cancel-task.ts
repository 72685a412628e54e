import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { taskScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { OPEN_TASK_STATUSES } from "./internal/assignees.ts";
import { ZTaskRequiredReason, ZTaskVersion } from "./task-input.ts";

export const ZCancelTaskInput = z.object({
  projectId: z.uuid(),
  taskId: z.uuid(),
  version: ZTaskVersion,
  reason: ZTaskRequiredReason,
});

/**
 * Rule: a secretary (their project) or a group leader (their group's households) cancels an open
 * task with a reason: status CANCELLED, cancelledAt now, version bumped, one `cancel:task` audit
 * event. A task completed, cancelled or changed since the form was shown is a CONFLICT.
 */
export async function cancelTask(actor: Actor, input: unknown): Promise<{ id: string }> {
  requirePermission(actor, "assign", "task");
  const data = parseInput(ZCancelTaskInput, input);
  return db().$transaction(async (tx) => {
    const task = await tx.task.findFirst({
      where: { AND: [{ id: data.taskId, projectId: data.projectId }, taskScope(actor, "assign")] },
      select: { id: true, status: true, version: true },
    });
    if (!task) throw new AppError("NOT_FOUND");
    const changed = await tx.task.updateMany({
      where: { id: task.id, version: data.version, status: { in: OPEN_TASK_STATUSES } },
      data: { status: "CANCELLED", cancelReason: data.reason, cancelledAt: new Date(), version: { increment: 1 } },
    });
    if (changed.count !== 1) throw new AppError("CONFLICT", { fieldErrors: { _form: ["tasks.errors.changedMeanwhile"] } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "cancel:task",
      entity: "task",
      entityId: task.id,
      projectId: data.projectId,
      before: { status: task.status, version: data.version },
      after: { status: "CANCELLED", version: data.version + 1, reason: data.reason },
    });
    await notifyProjectChanged(tx, data.projectId, "task");
    return { id: task.id };
  });
}
