import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { householdScope, projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { calendarDayOf, type CalendarDay } from "../../domain/calendar-day.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { AppointmentMode } from "../../generated/prisma/enums.ts";
import { activeBookingWhere } from "./internal/own-household.ts";
import { receptionTimeZone } from "./reception-input.ts";

/** How far ahead a resident sees open slots. */
export const OPEN_SLOTS_DAYS_AHEAD = 30;
const OPEN_SLOTS_MAX = 300;

const slotSelect = {
  id: true,
  room: true,
  mode: true,
  startsAt: true,
  endsAt: true,
  capacity: true,
  seatsTaken: true,
} satisfies Prisma.ReceptionSlotSelect;

export type OpenSlot = { id: string; room: string; mode: AppointmentMode; startsAt: Date; endsAt: Date; seatsLeft: number };
export type OwnBooking = { appointmentId: string; slotId: string; room: string; mode: AppointmentMode; startsAt: Date; endsAt: Date };
export type OwnReception = {
  booking: OwnBooking | null;
  /** Open slots that have not started, by day (deployment time zone), the booked one left out. */
  days: { day: CalendarDay; slots: OpenSlot[] }[];
  timeZone: string;
};

/**
 * Rule: a resident sees their household's active booking and the open reception slots of their
 * own project that have not started, for the next 30 days, with the seats left (a full slot shows
 * as full). Nobody else has a household to read this for: staff get NOT_FOUND.
 */
export async function getOwnReception(actor: Actor, now: Date = new Date()): Promise<OwnReception> {
  requirePermission(actor, "read", "reception");
  if (!actor.householdId) throw new AppError("NOT_FOUND");
  const household = await db().household.findFirst({
    where: { AND: [{ id: actor.householdId }, householdScope(actor)] },
    select: { id: true, projectId: true },
  });
  if (!household) throw new AppError("NOT_FOUND");
  const until = new Date(now.getTime() + OPEN_SLOTS_DAYS_AHEAD * 86_400_000);
  const [active, open] = await Promise.all([
    db().appointment.findFirst({
      where: activeBookingWhere(household.id, now),
      select: { id: true, slot: { select: slotSelect } },
    }),
    db().receptionSlot.findMany({
      where: {
        projectId: household.projectId,
        project: projectScope(actor, "read", "reception"),
        status: "OPEN",
        startsAt: { gt: now, lt: until },
      },
      select: slotSelect,
      orderBy: [{ startsAt: "asc" }, { room: "asc" }],
      take: OPEN_SLOTS_MAX,
    }),
  ]);
  const zone = receptionTimeZone();
  const days: OwnReception["days"] = [];
  for (const slot of open) {
    if (slot.id === active?.slot.id) continue;
    const day = calendarDayOf(slot.startsAt, zone);
    if (days.at(-1)?.day !== day) days.push({ day, slots: [] });
    days.at(-1)!.slots.push({
      id: slot.id,
      room: slot.room,
      mode: slot.mode,
      startsAt: slot.startsAt,
      endsAt: slot.endsAt,
      seatsLeft: Math.max(0, slot.capacity - slot.seatsTaken),
    });
  }
  return {
    booking: active
      ? {
          appointmentId: active.id,
          slotId: active.slot.id,
          room: active.slot.room,
          mode: active.slot.mode,
          startsAt: active.slot.startsAt,
          endsAt: active.slot.endsAt,
        }
      : null,
    days,
    timeZone: zone,
  };
}
