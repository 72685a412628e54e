import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { householdScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { isTaskOpen } from "../../domain/field-work.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { isUniqueViolation } from "../../prisma-errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudits, type AuditInput } from "../audit.ts";
import { insertDemands } from "../demands/internal/insert-demands.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import type { ProgressKind } from "../live/progress-event.ts";
import { insertTasks, refuseTaskTarget } from "../tasks/internal/insert-tasks.ts";
import { closableTaskWhere } from "./internal/closable-task.ts";
import { projectStaffWhere } from "./internal/project-staff.ts";
import { ZLogVisitInput, type TLogVisitInput } from "./visit-input.ts";

export type LogVisitResult = {
  visitId: string;
  householdId: string;
  code: string;
  /** The task this visit closed, if any. */
  closedTaskId: string | null;
  followUpTaskId: string | null;
  demandIds: string[];
  /** True when the form had been sent before: the visit already written is returned, nothing new. */
  alreadyRecorded: boolean;
};

/** A resend can come before the first send has committed: wait this long for it. */
const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 20_000 } as const;

/** The visit a form with this key wrote before, as this use case answers it; null when none. */
async function findRecorded(actor: Actor, data: TLogVisitInput): Promise<LogVisitResult | null> {
  const visit = await db().visitLog.findUnique({
    where: { clientKey: data.clientKey },
    select: {
      id: true,
      authorId: true,
      projectId: true,
      householdId: true,
      taskId: true,
      household: { select: { code: true } },
      demands: { select: { id: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!visit) return null;
  // A key is drawn fresh by each form; another author's or household's visit under it is not a resend.
  if (visit.authorId !== actor.userId || visit.householdId !== data.householdId || visit.projectId !== data.projectId)
    throw new AppError("CONFLICT", { fieldErrors: { _form: ["visits.errors.clientKey"] } });
  const followUp = await db().auditEvent.findFirst({
    where: { entity: "visit", entityId: visit.id, action: "record:visit" },
    select: { after: true },
  });
  const after = followUp?.after as { followUpTaskId?: string | null } | null;
  return {
    visitId: visit.id,
    householdId: visit.householdId,
    code: visit.household.code,
    closedTaskId: visit.taskId,
    followUpTaskId: after?.followUpTaskId ?? null,
    demandIds: visit.demands.map((d) => d.id),
    alreadyRecorded: true,
  };
}

/**
 * Rule (一本日志): staff log a visit to a household in their record scope (a member: households of
 * their own tasks; a leader: their group's; a secretary: the project's) — when (not in the future,
 * at most 30 days back), channel, other staff of the project who went along, summary, attitude,
 * next step — optionally a follow-up task for the author and the demands the resident raised.
 * Logged against a task (the assignee's own, or one in the actor's assign scope), it closes the
 * task: DONE at the version the form was rendered with; a task completed, cancelled or reassigned
 * meanwhile is CONFLICT and nothing is written (also when the reassignment took the household out
 * of the member's scope: they knew of it). Everything — visit, participants, task, follow-up,
 * demands and their audit events — commits in one transaction. The form's `clientKey` makes a
 * resend (a flaky connection, a double tap) return the visit already written instead of a second.
 */
export async function logVisit(actor: Actor, input: unknown): Promise<LogVisitResult> {
  requirePermission(actor, "record", "visit");
  const data = parseInput(ZLogVisitInput, input);

  try {
    return await db().$transaction((tx) => writeVisit(tx, actor, data), TRANSACTION_OPTIONS);
  } catch (error) {
    // A resend is found out when its write fails rather than looked for before every write (the
    // first send is the common case): its key is taken (also by a send still committing), or
    // the task it closed is no longer open, or the household has left the member's scope
    // since. So any refusal is checked against the key before it is answered.
    if (error instanceof AppError || isUniqueViolation(error, "clientKey")) {
      const recorded = await findRecorded(actor, data);
      if (recorded) return recorded;
    }
    // Another visit closed the task first (its visit holds the task).
    if (isUniqueViolation(error, "taskId")) throw new AppError("CONFLICT", { fieldErrors: { _form: ["visits.errors.taskChanged"] } });
    throw error;
  }
}

async function writeVisit(tx: Prisma.TransactionClient, actor: Actor, data: TLogVisitInput): Promise<LogVisitResult> {
  const household = await tx.household.findFirst({
    where: { AND: [{ id: data.householdId, projectId: data.projectId }, householdScope(actor, "record", "visit")] },
    select: { id: true, code: true, projectId: true, isExcluded: true, movedOutAt: true },
  });
  if (!household) {
    // The task was taken from this member while the form was open, and with it the household:
    // they knew of both, so they hear that the task changed rather than "not found".
    const handedOn = data.taskId
      ? await tx.task.count({
          where: {
            id: data.taskId,
            householdId: data.householdId,
            projectId: data.projectId,
            reassignments: { some: { fromUserId: actor.userId } },
          },
        })
      : 0;
    if (handedOn > 0) throw new AppError("CONFLICT", { fieldErrors: { _form: ["visits.errors.taskChanged"] } });
    throw new AppError("NOT_FOUND");
  }

  const task = data.taskId
    ? await tx.task.findFirst({
        where: { id: data.taskId, householdId: household.id, projectId: household.projectId },
        select: { id: true, status: true, version: true, kind: true, assigneeId: true },
      })
    : null;
  if (data.taskId) {
    if (!task) throw new AppError("NOT_FOUND");
    if (!isTaskOpen(task.status) || task.version !== data.taskVersion)
      throw new AppError("CONFLICT", { fieldErrors: { _form: ["visits.errors.taskChanged"] } });
    // The assignee closes their own task; anyone else needs it in their assign scope.
    const closable =
      task.assigneeId === actor.userId || (await tx.task.count({ where: { AND: [{ id: task.id }, closableTaskWhere(actor)] } })) > 0;
    if (!closable) throw new AppError("NOT_FOUND");
  }

  const participantIds = data.participantIds.filter((id) => id !== actor.userId);
  if (participantIds.length > 0) {
    const staff = await tx.user.count({ where: { AND: [{ id: { in: participantIds } }, projectStaffWhere(household.projectId)] } });
    if (staff !== participantIds.length)
      throw new AppError("VALIDATION", { fieldErrors: { participantIds: ["visits.errors.participant"] } });
  }
  if (data.followUpKind) refuseTaskTarget(household);

  // A household's first visit moves it from NOT_CONTACTED to VISITED, a change of the counts by
  // state (the dashboard, the battle map's colours): only then is it announced as one.
  const isFirstVisit = (await tx.visitLog.findFirst({ where: { householdId: household.id }, select: { id: true } })) === null;

  // The visit first: its unique clientKey makes a concurrent resend wait here for this
  // transaction and then fail on the key, before it touches the task.
  const visit = await tx.visitLog.create({
    data: {
      projectId: household.projectId,
      householdId: household.id,
      authorId: actor.userId,
      taskId: task?.id ?? null,
      visitedAt: data.visitedAt,
      channel: data.channel,
      summary: data.summary,
      attitude: data.attitude,
      nextStep: data.nextStep,
      clientKey: data.clientKey,
    },
    select: { id: true },
  });
  if (participantIds.length > 0) {
    await tx.visitParticipant.createMany({ data: participantIds.map((userId) => ({ visitLogId: visit.id, userId })) });
  }

  const audits: AuditInput[] = [];
  if (task) {
    const closed = await tx.task.updateMany({
      where: { id: task.id, version: task.version, status: { in: ["OPEN", "IN_PROGRESS"] } },
      data: { status: "DONE", completedAt: new Date(), version: { increment: 1 } },
    });
    // Reassigned or cancelled between our read and our write.
    if (closed.count === 0) throw new AppError("CONFLICT", { fieldErrors: { _form: ["visits.errors.taskChanged"] } });
    audits.push({
      actorId: actor.userId,
      action: "complete:task",
      entity: "task",
      entityId: task.id,
      projectId: household.projectId,
      before: { status: task.status, version: task.version },
      after: { householdId: household.id, status: "DONE", version: task.version + 1, kind: task.kind, visitLogId: visit.id },
    });
  }

  const [followUpTaskId] =
    data.followUpKind && data.followUpDueDate
      ? await insertTasks(tx, actor.userId, household.projectId, [
          {
            householdId: household.id,
            assigneeId: actor.userId,
            kind: data.followUpKind,
            dueDate: data.followUpDueDate,
            priority: "NORMAL",
            note: data.followUpNote,
          },
        ])
      : [];

  const demandIds = await insertDemands(tx, actor, {
    projectId: household.projectId,
    householdId: household.id,
    visitLogId: visit.id,
    demands: data.demands,
  });

  audits.unshift({
    actorId: actor.userId,
    action: "record:visit",
    entity: "visit",
    entityId: visit.id,
    projectId: household.projectId,
    after: {
      householdId: household.id,
      taskId: task?.id ?? null,
      visitedAt: data.visitedAt.toISOString(),
      channel: data.channel,
      attitude: data.attitude,
      participantIds,
      followUpTaskId: followUpTaskId ?? null,
      demandIds,
    },
  });
  await recordAudits(tx, audits);
  // One statement for every kind of change this visit made.
  const kinds: ProgressKind[] = ["visit"];
  if (task) kinds.unshift("task");
  if (isFirstVisit) kinds.push("household");
  await notifyProjectChanged(tx, household.projectId, kinds);

  return {
    visitId: visit.id,
    householdId: household.id,
    code: household.code,
    closedTaskId: task?.id ?? null,
    followUpTaskId: followUpTaskId ?? null,
    demandIds,
    alreadyRecorded: false,
  };
}
