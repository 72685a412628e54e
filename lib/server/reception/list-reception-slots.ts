import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { canInProject, requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { instantFromWallClock, type CalendarDay } from "../../domain/calendar-day.ts";
import { calendarDayOf } from "../../domain/calendar-day.ts";
import { addDays } from "../../domain/progress.ts";
import { weekStartOf } from "../../domain/reception.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { AppointmentMode, ReceptionSlotStatus } from "../../generated/prisma/enums.ts";
import { maskPhone } from "../../security/phone.ts";
import { parseInput } from "../../validation.ts";
import { receptionTimeZone, receptionToday } from "./reception-input.ts";

export const ZListReceptionSlotsInput = z.object({
  projectId: z.uuid(),
  /** Any day of the week to show; this week when absent or blank. */
  week: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date().optional()),
});

const slotSelect = {
  id: true,
  room: true,
  mode: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  seatsTaken: true,
  status: true,
  cancelReason: true,
  version: true,
  appointments: {
    where: { status: "BOOKED" },
    orderBy: { createdAt: "asc" },
    select: { id: true, createdAt: true, household: { select: { code: true, headName: true, phone: true } } },
  },
} satisfies Prisma.ReceptionSlotSelect;

export type StaffSlotBooking = {
  appointmentId: string;
  householdCode: string;
  headName: string;
  phoneMasked: string | null;
  bookedAt: Date;
};
export type StaffSlot = {
  id: string;
  room: string;
  mode: AppointmentMode;
  startsAt: Date;
  endsAt: Date;
  capacity: number;
  seatsTaken: number;
  status: ReceptionSlotStatus;
  cancelReason: string | null;
  version: number;
  hasStarted: boolean;
  bookings: StaffSlotBooking[];
};
export type ReceptionWeek = {
  projectId: string;
  weekStart: CalendarDay;
  previousWeek: CalendarDay;
  nextWeek: CalendarDay;
  today: CalendarDay;
  days: { day: CalendarDay; slots: StaffSlot[] }[];
  mayManage: boolean;
  timeZone: string;
};

/**
 * Rule: staff who may read the project's reception (its secretary; district officials) see one
 * week's slots, Monday to Sunday in the deployment's time zone, cancelled ones included, each with
 * its seats taken and who booked: household code, head of household and the phone masked
 * (DOMAIN.md "Disclosure and masking": 138****0001). A project out of scope is NOT_FOUND.
 */
export async function listReceptionSlots(actor: Actor, input: unknown, now: Date = new Date()): Promise<ReceptionWeek> {
  requirePermission(actor, "read", "reception");
  const data = parseInput(ZListReceptionSlotsInput, input);
  const project = await db().project.findFirst({
    where: { AND: [{ id: data.projectId }, projectScope(actor, "read", "reception")] },
    select: { id: true },
  });
  // A resident's "own" reception scope reaches their project, but this is the staff view.
  if (!project || actor.householdId) throw new AppError("NOT_FOUND");
  const zone = receptionTimeZone();
  const today = receptionToday(now);
  const weekStart = weekStartOf(data.week ?? today);
  const from = instantFromWallClock(`${weekStart}T00:00`, zone)!;
  const to = instantFromWallClock(`${addDays(weekStart, 7)}T00:00`, zone)!;
  const slots = await db().receptionSlot.findMany({
    where: { projectId: project.id, startsAt: { gte: from, lt: to } },
    select: slotSelect,
    orderBy: [{ startsAt: "asc" }, { room: "asc" }],
  });
  const days = Array.from({ length: 7 }, (_, i) => ({ day: addDays(weekStart, i), slots: [] as StaffSlot[] }));
  for (const slot of slots) {
    const day = days.find((d) => d.day === calendarDayOf(slot.startsAt, zone));
    day?.slots.push({
      id: slot.id,
      room: slot.room,
      mode: slot.mode,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      capacity: slot.capacity,
      seatsTaken: slot.seatsTaken,
      status: slot.status,
      cancelReason: slot.cancelReason,
      version: slot.version,
      hasStarted: slot.startsAt <= now,
      bookings: slot.appointments.map((a) => ({
        appointmentId: a.id,
        householdCode: a.household.code,
        headName: a.household.headName,
        phoneMasked: a.household.phone ? maskPhone(a.household.phone) : null,
        bookedAt: a.createdAt,
      })),
    });
  }
  return {
    projectId: project.id,
    weekStart,
    previousWeek: addDays(weekStart, -7),
    nextWeek: addDays(weekStart, 7),
    today,
    days,
    mayManage: canInProject(actor, "manage", "reception", project.id),
    timeZone: zone,
  };
}
