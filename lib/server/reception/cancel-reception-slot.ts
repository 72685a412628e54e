import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudits } from "../audit.ts";
import { BOOKING_TRANSACTION_OPTIONS, lockSlots } from "./internal/seats.ts";
import { refusal } from "./internal/refusal.ts";
import { ZSlotReason, ZSlotVersion } from "./reception-input.ts";

export const ZCancelReceptionSlotInput = z.object({
  projectId: z.uuid(),
  slotId: z.uuid(),
  reason: ZSlotReason,
  version: ZSlotVersion,
});

/**
 * Rule: the project's secretary cancels an open slot before it starts, with a reason: the slot is
 * marked cancelled (kept, with the reason), and each of its bookings is cancelled with the same
 * reason — one "cancel:reception-slot" event and one "cancel:appointment" event per booking, in
 * one transaction. The slot's lock is taken first, so a booking or a move racing it either
 * committed before (and is cancelled here) or sees the slot cancelled.
 */
export async function cancelReceptionSlot(actor: Actor, input: unknown, now: Date = new Date()): Promise<{ cancelledBookings: number }> {
  requirePermission(actor, "manage", "reception");
  const data = parseInput(ZCancelReceptionSlotInput, input);
  return db().$transaction(async (tx) => {
    const found = await tx.receptionSlot.findFirst({
      where: { id: data.slotId, projectId: data.projectId, project: projectScope(actor, "manage", "reception") },
      select: { id: true },
    });
    if (!found) throw new AppError("NOT_FOUND");
    await lockSlots(tx, [found.id]);
    const slot = await tx.receptionSlot.findUniqueOrThrow({
      where: { id: found.id },
      select: { status: true, startsAt: true, version: true, seatsTaken: true, room: true },
    });
    if (slot.version !== data.version) throw refusal("changedMeanwhile");
    if (slot.status === "CANCELLED") throw refusal("slotCancelled");
    if (slot.startsAt <= now) throw refusal("slotStarted");
    const bookings = await tx.appointment.findMany({
      where: { slotId: found.id, status: "BOOKED" },
      select: { id: true, householdId: true },
      orderBy: { id: "asc" },
    });
    const cancelledAt = new Date();
    await tx.receptionSlot.update({
      where: { id: found.id },
      data: { status: "CANCELLED", cancelReason: data.reason, cancelledAt, seatsTaken: 0, version: { increment: 1 } },
    });
    await tx.appointment.updateMany({
      where: { id: { in: bookings.map((b) => b.id) } },
      data: { status: "CANCELLED", cancelledAt, cancelReason: data.reason },
    });
    await recordAudits(tx, [
      {
        actorId: actor.userId,
        action: "cancel:reception-slot",
        entity: "reception-slot",
        entityId: found.id,
        projectId: data.projectId,
        before: { status: "OPEN", seatsTaken: slot.seatsTaken, version: slot.version },
        after: { status: "CANCELLED", reason: data.reason, version: slot.version + 1 },
      },
      ...bookings.map((b) => ({
        actorId: actor.userId,
        action: "cancel:appointment",
        entity: "appointment",
        entityId: b.id,
        projectId: data.projectId,
        before: { status: "BOOKED", slotId: found.id, householdId: b.householdId },
        after: { status: "CANCELLED", reason: data.reason },
      })),
    ]);
    return { cancelledBookings: bookings.length };
  }, BOOKING_TRANSACTION_OPTIONS);
}
