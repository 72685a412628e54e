import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { activeBookingWhere, lockOwnHousehold } from "./internal/own-household.ts";
import { refusal, seatRefusal } from "./internal/refusal.ts";
import { BOOKING_TRANSACTION_OPTIONS, takeSeat } from "./internal/seats.ts";

export const ZBookReceptionSlotInput = z.object({ slotId: z.uuid() });

export type BookingResult = { appointmentId: string; slotId: string };

/**
 * Rule: a resident books a seat in an open, future reception slot of their own project. Nobody
 * can overbook: the seat is taken by one conditional UPDATE of the slot's counter (decision 033)
 * in the same transaction as the booking and its "book:appointment" audit event, so of 50
 * residents racing for 10 seats exactly 10 get one and 40 hear "full". A household holds one
 * active booking (a BOOKED one in a slot that has not ended): to change it, move it. A slot of
 * another project is NOT_FOUND; a cancelled or started slot is refused.
 */
export async function bookReceptionSlot(actor: Actor, input: unknown, now: Date = new Date()): Promise<BookingResult> {
  requirePermission(actor, "manage", "appointment");
  const data = parseInput(ZBookReceptionSlotInput, input);
  return db().$transaction(async (tx) => {
    const household = await lockOwnHousehold(tx, actor);
    const slot = await tx.receptionSlot.findFirst({
      where: { id: data.slotId, projectId: household.projectId },
      select: { id: true, projectId: true, status: true, startsAt: true, room: true },
    });
    if (!slot) throw new AppError("NOT_FOUND");
    if (await tx.appointment.findFirst({ where: activeBookingWhere(household.id, now), select: { id: true } })) {
      throw refusal("alreadyBooked");
    }
    if (!(await takeSeat(tx, slot.id, now))) {
      const current = await tx.receptionSlot.findUniqueOrThrow({ where: { id: slot.id }, select: { status: true, startsAt: true } });
      throw seatRefusal(current, now);
    }
    const appointment = await tx.appointment.create({
      data: { slotId: slot.id, householdId: household.id },
      select: { id: true },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "book:appointment",
      entity: "appointment",
      entityId: appointment.id,
      projectId: slot.projectId,
      after: { status: "BOOKED", slotId: slot.id, householdId: household.id, room: slot.room, startsAt: slot.startsAt.toISOString() },
    });
    return { appointmentId: appointment.id, slotId: slot.id };
  }, BOOKING_TRANSACTION_OPTIONS);
}
