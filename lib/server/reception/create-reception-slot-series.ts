import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { instantFromWallClock } from "../../domain/calendar-day.ts";
import { daysBetween } from "../../domain/progress.ts";
import { minutesOfTime, SERIES_MAX_DAYS, seriesSlots } from "../../domain/reception.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { insertSlots } from "./internal/insert-slots.ts";
import { receptionTimeZone, ZSlotCapacity, ZSlotDay, ZSlotMode, ZSlotRoom, ZSlotTime } from "./reception-input.ts";

const ZWeekdays = z.preprocess(
  (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(z.coerce.number().int().min(1).max(7), { error: "reception.errors.chooseWeekdays" })
    .min(1, { error: "reception.errors.chooseWeekdays" }),
);

export const ZCreateReceptionSlotSeriesInput = z.object({
  projectId: z.uuid(),
  room: ZSlotRoom,
  mode: ZSlotMode,
  fromDay: ZSlotDay,
  toDay: ZSlotDay,
  weekdays: ZWeekdays,
  dayStart: ZSlotTime,
  dayEnd: ZSlotTime,
  slotMinutes: z.coerce
    .number({ error: "reception.errors.slotMinutes" })
    .int({ error: "reception.errors.slotMinutes" })
    .min(10, { error: "reception.errors.slotMinutes" })
    .max(240, { error: "reception.errors.slotMinutes" }),
  capacity: ZSlotCapacity,
});

/**
 * Rule: the project's secretary defines a series of slots in one room — e.g. weekdays 9:00–11:30
 * in 30-minute slots from one day to another — each with the same capacity. The range is at most
 * 92 days and makes at most 200 slots (refused otherwise, nothing made); no slot may start in the
 * past or overlap an open slot of the room. All slots or none, each audited.
 */
export async function createReceptionSlotSeries(actor: Actor, input: unknown, now: Date = new Date()): Promise<{ slotIds: string[] }> {
  requirePermission(actor, "manage", "reception");
  const data = parseInput(ZCreateReceptionSlotSeriesInput, input);
  return db().$transaction(async (tx) => {
    const project = await tx.project.findFirst({
      where: { AND: [{ id: data.projectId }, projectScope(actor, "manage", "reception")] },
      select: { id: true },
    });
    if (!project) throw new AppError("NOT_FOUND");
    const span = daysBetween(data.fromDay, data.toDay);
    if (span < 0) throw new AppError("VALIDATION", { fieldErrors: { toDay: ["reception.errors.toBeforeFrom"] } });
    if (span >= SERIES_MAX_DAYS) throw new AppError("VALIDATION", { fieldErrors: { toDay: ["reception.errors.seriesTooLong"] } });
    if (minutesOfTime(data.dayEnd) <= minutesOfTime(data.dayStart)) {
      throw new AppError("VALIDATION", { fieldErrors: { dayEnd: ["reception.errors.endBeforeStart"] } });
    }
    const { slots, tooMany } = seriesSlots(data);
    if (tooMany) throw new AppError("VALIDATION", { fieldErrors: { _form: ["reception.errors.seriesTooMany"] } });
    if (slots.length === 0) throw new AppError("VALIDATION", { fieldErrors: { _form: ["reception.errors.seriesEmpty"] } });
    const zone = receptionTimeZone();
    const instants = slots.map((s) => ({ startsAt: instantFromWallClock(s.start, zone)!, endsAt: instantFromWallClock(s.end, zone)! }));
    if (instants.some((s) => s.startsAt <= now))
      throw new AppError("VALIDATION", { fieldErrors: { fromDay: ["reception.errors.startInPast"] } });
    const slotIds = await insertSlots(
      tx,
      actor,
      { projectId: project.id, room: data.room, mode: data.mode, capacity: data.capacity, slots: instants },
      "_form",
    );
    return { slotIds };
  });
}
