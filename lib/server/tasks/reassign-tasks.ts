import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { taskScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { recordAudits } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { OPEN_TASK_STATUSES, refuseOutsideAssignees, refuseProjectOutOfReach } from "./internal/assignees.ts";
import { ZTaskOptionalReason } from "./task-input.ts";

const MAX_TASKS = 5000;
const CHANGED_MEANWHILE = { fieldErrors: { _form: ["tasks.errors.changedMeanwhile"] } };

/** "id:version" as a list row's checkbox sends it (the version the list was rendered with). */
const ZTaskRef = z
  .string()
  .regex(/^[0-9a-f-]{36}:\d+$/i, { error: "validation.invalid" })
  .transform((v) => {
    const [id, version] = v.split(":");
    return { id: id!.toLowerCase(), version: Number(version) };
  })
  .pipe(z.object({ id: z.uuid({ error: "validation.invalid" }), version: z.number().int().positive() }));

export const ZReassignTasksInput = z.object({
  projectId: z.uuid(),
  /** tasks: the named tasks at the versions read · person: every open task of `fromUserId` in scope. */
  mode: z.enum(["tasks", "person"], { error: "validation.required" }),
  tasks: z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : String(value).split(",").filter(Boolean)),
    z.array(ZTaskRef).max(MAX_TASKS, { error: "validation.invalid" }),
  ),
  fromUserId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "tasks.errors.chooseAssignee" }).optional()),
  toUserId: z.uuid({ error: "tasks.errors.chooseAssignee" }),
  reason: ZTaskOptionalReason,
});

export type ReassignTasksResult = { reassigned: number; toName: string };

/**
 * Rule: a secretary (their project) or a group leader (their group's households) hands open
 * tasks to someone else they may assign to: one task, a selection, or every open task of a person
 * (someone leaves the group). Each task keeps a TaskReassignment row (from, to, by, reason), gets
 * its version bumped and one `reassign:task` audit event. A task completed, cancelled or changed
 * since it was read makes the whole request fail with CONFLICT, writing nothing. Tasks already
 * with the new assignee are left alone.
 */
export async function reassignTasks(actor: Actor, input: unknown): Promise<ReassignTasksResult> {
  requirePermission(actor, "assign", "task");
  const data = parseInput(ZReassignTasksInput, input);
  if (data.mode === "tasks" && data.tasks.length === 0)
    throw new AppError("VALIDATION", { fieldErrors: { tasks: ["tasks.errors.selectTasks"] } });
  if (data.mode === "person" && !data.fromUserId)
    throw new AppError("VALIDATION", { fieldErrors: { fromUserId: ["tasks.errors.chooseAssignee"] } });

  return db().$transaction(
    async (tx) => {
      await refuseProjectOutOfReach(tx, actor, data.projectId);
      const inScope: Prisma.TaskWhereInput = { AND: [{ projectId: data.projectId }, taskScope(actor, "assign")] };

      let targets: { id: string; version: number; assigneeId: string }[];
      if (data.mode === "tasks") {
        const wanted = new Map(data.tasks.map((t) => [t.id, t.version]));
        const rows = await tx.task.findMany({
          where: { AND: [inScope, { id: { in: [...wanted.keys()] } }] },
          select: { id: true, version: true, assigneeId: true, status: true },
        });
        if (rows.length !== wanted.size) throw new AppError("NOT_FOUND");
        // Read at another version, or no longer open: someone changed it since the list was shown.
        if (rows.some((r) => r.version !== wanted.get(r.id) || !OPEN_TASK_STATUSES.includes(r.status)))
          throw new AppError("CONFLICT", CHANGED_MEANWHILE);
        targets = rows;
      } else {
        targets = await tx.task.findMany({
          where: { AND: [inScope, { assigneeId: data.fromUserId!, status: { in: OPEN_TASK_STATUSES } }] },
          select: { id: true, version: true, assigneeId: true },
          take: MAX_TASKS + 1,
        });
        if (targets.length > MAX_TASKS) throw new AppError("VALIDATION", { fieldErrors: { _form: ["tasks.errors.tooMany"] } });
      }
      await refuseOutsideAssignees(tx, actor, data.projectId, [data.toUserId], "toUserId");
      const to = await tx.user.findUniqueOrThrow({ where: { id: data.toUserId }, select: { name: true } });
      const moving = targets.filter((t) => t.assigneeId !== data.toUserId);
      if (moving.length === 0) {
        if (data.mode === "person" && targets.length === 0)
          throw new AppError("VALIDATION", { fieldErrors: { fromUserId: ["tasks.errors.noOpenTasks"] } });
        throw new AppError("VALIDATION", { fieldErrors: { toUserId: ["tasks.errors.sameAssignee"] } });
      }

      const updated = await tx.$queryRaw<{ id: string }[]>`
        UPDATE "Task" AS t
        SET "assigneeId" = ${data.toUserId}::uuid, version = t.version + 1, "updatedAt" = now()
        FROM unnest(${moving.map((m) => m.id)}::uuid[], ${moving.map((m) => m.version)}::int[]) AS v(id, version)
        WHERE t.id = v.id AND t.version = v.version AND t.status IN ('OPEN', 'IN_PROGRESS')
        RETURNING t.id::text AS id`;
      if (updated.length !== moving.length) throw new AppError("CONFLICT", CHANGED_MEANWHILE);

      await tx.taskReassignment.createMany({
        data: moving.map((m) => ({
          taskId: m.id,
          fromUserId: m.assigneeId,
          toUserId: data.toUserId,
          byUserId: actor.userId,
          reason: data.reason,
        })),
      });
      await recordAudits(
        tx,
        moving.map((m) => ({
          actorId: actor.userId,
          action: "reassign:task",
          entity: "task",
          entityId: m.id,
          projectId: data.projectId,
          before: { assigneeId: m.assigneeId, version: m.version },
          after: { assigneeId: data.toUserId, version: m.version + 1, reason: data.reason },
        })),
      );
      await notifyProjectChanged(tx, data.projectId, "task");
      return { reassigned: moving.length, toName: to.name };
    },
    { timeout: 60_000, maxWait: 10_000 },
  );
}
