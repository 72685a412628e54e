import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { lockSlots } from "./internal/seats.ts";
import { refusal } from "./internal/refusal.ts";
import { ZSlotCapacity, ZSlotVersion } from "./reception-input.ts";

export const ZChangeSlotCapacityInput = z.object({
  projectId: z.uuid(),
  slotId: z.uuid(),
  capacity: ZSlotCapacity,
  version: ZSlotVersion,
});

/**
 * Rule: the project's secretary changes an open slot's capacity before it starts — never below
 * the seats already taken (refused, saying so; the seat count is read under the slot's lock, so a
 * booking at the same moment cannot slip under it). A slot edited since the form was shown is a
 * CONFLICT (bookings do not count as edits). Audited as "update:reception-slot".
 */
export async function changeSlotCapacity(
  actor: Actor,
  input: unknown,
  now: Date = new Date(),
): Promise<{ capacity: number; seatsTaken: number }> {
  requirePermission(actor, "manage", "reception");
  const data = parseInput(ZChangeSlotCapacityInput, input);
  return db().$transaction(async (tx) => {
    const found = await tx.receptionSlot.findFirst({
      where: { id: data.slotId, projectId: data.projectId, project: projectScope(actor, "manage", "reception") },
      select: { id: true },
    });
    if (!found) throw new AppError("NOT_FOUND");
    await lockSlots(tx, [found.id]);
    const slot = await tx.receptionSlot.findUniqueOrThrow({
      where: { id: found.id },
      select: { capacity: true, seatsTaken: true, status: true, startsAt: true, version: true },
    });
    if (slot.version !== data.version) throw refusal("changedMeanwhile");
    if (slot.status === "CANCELLED") throw refusal("slotCancelled");
    if (slot.startsAt <= now) throw refusal("slotStarted");
    if (data.capacity < slot.seatsTaken) {
      throw new AppError("VALIDATION", { fieldErrors: { capacity: ["reception.errors.capacityBelowTaken"] } });
    }
    await tx.receptionSlot.update({ where: { id: found.id }, data: { capacity: data.capacity, version: { increment: 1 } } });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "update:reception-slot",
      entity: "reception-slot",
      entityId: found.id,
      projectId: data.projectId,
      before: { capacity: slot.capacity, seatsTaken: slot.seatsTaken, version: slot.version },
      after: { capacity: data.capacity, version: slot.version + 1 },
    });
    return { capacity: data.capacity, seatsTaken: slot.seatsTaken };
  });
}
