import "server-only";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { householdScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { calendarDayOf, calendarDayOfDateColumn, wallClockOf, type CalendarDay } from "../../domain/calendar-day.ts";
import { serverEnv } from "../../env.ts";
import { AppError } from "../../errors.ts";
import type { GroupSpecialty, TaskKind } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { DEMAND_DESCRIPTION_MAX } from "../demands/demand-input.ts";
import { TASK_NOTE_MAX } from "../tasks/task-input.ts";
import { closableTaskWhere } from "./internal/closable-task.ts";
import { projectStaffWhere } from "./internal/project-staff.ts";
import { VISIT_MAX_DAYS_BACK, VISIT_NEXT_STEP_MAX, VISIT_SUMMARY_MAX } from "./visit-input.ts";

const ZGetVisitFormInput = z.object({ projectId: z.uuid(), householdId: z.uuid() });

export type VisitForm = {
  projectId: string;
  householdId: string;
  /** A fresh idempotency key for this rendering of the form. */
  clientKey: string;
  /** "2025-03-14T09:30" now in the deployment's zone: the default and the latest allowed time. */
  now: string;
  /** The earliest time a visit may be logged for. */
  earliest: string;
  today: CalendarDay;
  /** The household's open tasks this actor may close with the visit, soonest due first. */
  openTasks: { id: string; version: number; kind: TaskKind; dueDate: CalendarDay; assigneeName: string; isOwn: boolean }[];
  /** Other staff of the project who may have gone along. */
  participants: { id: string; name: string }[];
  /** Special groups a demand may be routed to. */
  specialGroups: { id: string; name: string; specialty: GroupSpecialty | null }[];
  limits: { summary: number; nextStep: number; followUpNote: number; demandDescription: number; daysBack: number };
};

/**
 * Rule: what the visit form offers, for an actor who may log visits to this household (the same
 * record scope logVisit checks; NOT_FOUND outside it): the household's open tasks the actor may
 * close, the project's other staff as companions and its special groups for demands.
 */
export async function getVisitForm(actor: Actor, input: unknown, now: Date = new Date()): Promise<VisitForm> {
  requirePermission(actor, "record", "visit");
  const { projectId, householdId } = parseInput(ZGetVisitFormInput, input);
  const household = await db().household.findFirst({
    where: { AND: [{ id: householdId, projectId }, householdScope(actor, "record", "visit")] },
    select: { id: true, projectId: true },
  });
  if (!household) throw new AppError("NOT_FOUND");

  const [tasks, participants, specialGroups] = await Promise.all([
    db().task.findMany({
      where: { AND: [{ householdId: household.id, status: { in: ["OPEN", "IN_PROGRESS"] } }, closableTaskWhere(actor)] },
      select: { id: true, version: true, kind: true, dueDate: true, assigneeId: true, assignee: { select: { name: true } } },
      orderBy: [{ dueDate: "asc" }, { createdAt: "asc" }],
    }),
    db().user.findMany({
      where: { AND: [projectStaffWhere(household.projectId), { id: { not: actor.userId } }] },
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      take: 200,
    }),
    db().workingGroup.findMany({
      where: { projectId: household.projectId, kind: "SPECIAL" },
      select: { id: true, name: true, specialty: true },
      orderBy: [{ createdAt: "asc" }, { name: "asc" }],
    }),
  ]);
  const timeZone = serverEnv().LIANXIN_TIME_ZONE;
  return {
    projectId: household.projectId,
    householdId: household.id,
    clientKey: randomUUID(),
    now: wallClockOf(now, timeZone),
    earliest: wallClockOf(new Date(now.getTime() - VISIT_MAX_DAYS_BACK * 24 * 60 * 60 * 1000), timeZone),
    today: calendarDayOf(now, timeZone),
    // The actor's own tasks first: those are the ones a member came for.
    openTasks: tasks
      .map((t) => ({
        id: t.id,
        version: t.version,
        kind: t.kind,
        dueDate: calendarDayOfDateColumn(t.dueDate),
        assigneeName: t.assignee.name,
        isOwn: t.assigneeId === actor.userId,
      }))
      .sort((a, b) => Number(b.isOwn) - Number(a.isOwn)),
    participants,
    specialGroups,
    limits: {
      summary: VISIT_SUMMARY_MAX,
      nextStep: VISIT_NEXT_STEP_MAX,
      followUpNote: TASK_NOTE_MAX,
      demandDescription: DEMAND_DESCRIPTION_MAX,
      daysBack: VISIT_MAX_DAYS_BACK,
    },
  };
}
