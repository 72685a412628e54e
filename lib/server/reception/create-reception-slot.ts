import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { instantFromWallClock } from "../../domain/calendar-day.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { insertSlots } from "./internal/insert-slots.ts";
import { receptionTimeZone, ZSlotCapacity, ZSlotDay, ZSlotMode, ZSlotRoom, ZSlotTime } from "./reception-input.ts";

export const ZCreateReceptionSlotInput = z.object({
  projectId: z.uuid(),
  room: ZSlotRoom,
  mode: ZSlotMode,
  day: ZSlotDay,
  startTime: ZSlotTime,
  endTime: ZSlotTime,
  capacity: ZSlotCapacity,
});

export type CreatedSlots = { slotIds: string[] };

/**
 * Rule: the project's secretary defines one reception slot (房屋征收接待): a room (or video line),
 * in person or by video, a day and a start and end time in the deployment's time zone, and a
 * capacity of 1 to 500. It must end after it starts, start in the future, and not overlap another
 * open slot of the same room. Audited as "create:reception-slot".
 */
export async function createReceptionSlot(actor: Actor, input: unknown, now: Date = new Date()): Promise<CreatedSlots> {
  requirePermission(actor, "manage", "reception");
  const data = parseInput(ZCreateReceptionSlotInput, input);
  const startsAt = instantFromWallClock(`${data.day}T${data.startTime}`, receptionTimeZone());
  const endsAt = instantFromWallClock(`${data.day}T${data.endTime}`, receptionTimeZone());
  if (!startsAt || !endsAt) throw new AppError("VALIDATION", { fieldErrors: { day: ["reception.errors.chooseDate"] } });
  return db().$transaction(async (tx) => {
    const project = await tx.project.findFirst({
      where: { AND: [{ id: data.projectId }, projectScope(actor, "manage", "reception")] },
      select: { id: true },
    });
    if (!project) throw new AppError("NOT_FOUND");
    if (endsAt <= startsAt) throw new AppError("VALIDATION", { fieldErrors: { endTime: ["reception.errors.endBeforeStart"] } });
    if (startsAt <= now) throw new AppError("VALIDATION", { fieldErrors: { startTime: ["reception.errors.startInPast"] } });
    const slotIds = await insertSlots(
      tx,
      actor,
      { projectId: project.id, room: data.room, mode: data.mode, capacity: data.capacity, slots: [{ startsAt, endsAt }] },
      "startTime",
    );
    return { slotIds };
  });
}
