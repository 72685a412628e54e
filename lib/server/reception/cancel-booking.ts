import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { lockOwnHousehold } from "./internal/own-household.ts";
import { refusal } from "./internal/refusal.ts";
import { BOOKING_TRANSACTION_OPTIONS, lockSlots, releaseSeat } from "./internal/seats.ts";

export const ZCancelBookingInput = z.object({ appointmentId: z.uuid() });

/**
 * Rule: a resident cancels their booking before its slot starts; the seat is given back in the
 * same transaction. The booking is kept, marked cancelled (no reason: the household cancelled it).
 * Another household's booking is NOT_FOUND; one already cancelled (by a move's race or by staff
 * cancelling the slot) is refused. Audited as "cancel:appointment".
 */
export async function cancelBooking(actor: Actor, input: unknown, now: Date = new Date()): Promise<{ appointmentId: string }> {
  requirePermission(actor, "manage", "appointment");
  const data = parseInput(ZCancelBookingInput, input);
  return db().$transaction(async (tx) => {
    const household = await lockOwnHousehold(tx, actor);
    const booking = await tx.appointment.findFirst({
      where: { id: data.appointmentId, householdId: household.id },
      select: { id: true, slotId: true },
    });
    if (!booking) throw new AppError("NOT_FOUND");
    await lockSlots(tx, [booking.slotId]);
    const current = await tx.appointment.findUniqueOrThrow({
      where: { id: booking.id },
      select: { status: true, slotId: true, slot: { select: { startsAt: true } } },
    });
    if (current.status !== "BOOKED") throw refusal("notBooked");
    if (current.slot.startsAt <= now) throw refusal("slotStarted");
    await releaseSeat(tx, current.slotId);
    await tx.appointment.update({ where: { id: booking.id }, data: { status: "CANCELLED", cancelledAt: new Date() } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "cancel:appointment",
      entity: "appointment",
      entityId: booking.id,
      projectId: household.projectId,
      before: { status: "BOOKED", slotId: current.slotId },
      after: { status: "CANCELLED" },
    });
    return { appointmentId: booking.id };
  }, BOOKING_TRANSACTION_OPTIONS);
}
