import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { lockOwnHousehold } from "./internal/own-household.ts";
import { refusal, seatRefusal } from "./internal/refusal.ts";
import { BOOKING_TRANSACTION_OPTIONS, lockSlots, releaseSeat, takeSeat } from "./internal/seats.ts";

export const ZMoveBookingInput = z.object({ appointmentId: z.uuid(), slotId: z.uuid() });

/**
 * Rule: a resident moves their booking to another open, future slot of their project, atomically:
 * the new seat is taken and the old one given back in one transaction, so the household never
 * holds both and never neither — a full target leaves the booking where it was. Both slots are
 * locked (in id order) before the booking is read again, so a racing cancel (the household's or
 * staff's of the slot) either went first (the move is refused: nothing is booked any more) or
 * waits. Another household's booking is NOT_FOUND. Audited as "move:appointment".
 */
export async function moveBooking(
  actor: Actor,
  input: unknown,
  now: Date = new Date(),
): Promise<{ appointmentId: string; slotId: string }> {
  requirePermission(actor, "manage", "appointment");
  const data = parseInput(ZMoveBookingInput, input);
  return db().$transaction(async (tx) => {
    const household = await lockOwnHousehold(tx, actor);
    const booking = await tx.appointment.findFirst({
      where: { id: data.appointmentId, householdId: household.id },
      select: { id: true, slotId: true },
    });
    if (!booking) throw new AppError("NOT_FOUND");
    const target = await tx.receptionSlot.findFirst({
      where: { id: data.slotId, projectId: household.projectId },
      select: { id: true, room: true, startsAt: true },
    });
    if (!target) throw new AppError("NOT_FOUND");
    if (target.id === booking.slotId) throw refusal("sameSlot");
    await lockSlots(tx, [booking.slotId, target.id]);
    const current = await tx.appointment.findUniqueOrThrow({
      where: { id: booking.id },
      select: { status: true, slot: { select: { startsAt: true } } },
    });
    if (current.status !== "BOOKED") throw refusal("notBooked");
    if (current.slot.startsAt <= now) throw refusal("slotStarted");
    if (!(await takeSeat(tx, target.id, now))) {
      throw seatRefusal(
        await tx.receptionSlot.findUniqueOrThrow({ where: { id: target.id }, select: { status: true, startsAt: true } }),
        now,
      );
    }
    await releaseSeat(tx, booking.slotId);
    await tx.appointment.update({ where: { id: booking.id }, data: { slotId: target.id } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "move:appointment",
      entity: "appointment",
      entityId: booking.id,
      projectId: household.projectId,
      before: { slotId: booking.slotId },
      after: { slotId: target.id, room: target.room, startsAt: target.startsAt.toISOString() },
    });
    return { appointmentId: booking.id, slotId: target.id };
  }, BOOKING_TRANSACTION_OPTIONS);
}
