import "server-only";
import type { Actor } from "../../../auth/actor-types.ts";
import { AppError } from "../../../errors.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import type { AppointmentMode } from "../../../generated/prisma/enums.ts";
import { recordAudits } from "../../audit.ts";

export type NewSlot = { startsAt: Date; endsAt: Date };
export type NewSlots = { projectId: string; room: string; mode: AppointmentMode; capacity: number; slots: NewSlot[] };

/**
 * Inserts slots of one room, refusing any that overlaps another open slot of the room (or another
 * of the new ones). Slot creation in a project is serialised by an advisory lock, so two
 * secretaries cannot add overlapping slots at the same moment. One `create:reception-slot`
 * audit event per slot.
 */
export async function insertSlots(tx: Prisma.TransactionClient, actor: Actor, input: NewSlots, errorField: string): Promise<string[]> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`reception-slots:${input.projectId}`}, 0))`;
  const sorted = [...input.slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.startsAt < sorted[i - 1]!.endsAt)
      throw new AppError("VALIDATION", { fieldErrors: { [errorField]: ["reception.errors.overlap"] } });
  }
  const first = sorted[0]!.startsAt;
  const last = sorted[sorted.length - 1]!.endsAt;
  const existing = await tx.receptionSlot.findMany({
    where: { projectId: input.projectId, room: input.room, status: "OPEN", startsAt: { lt: last }, endsAt: { gt: first } },
    select: { startsAt: true, endsAt: true },
  });
  if (existing.some((e) => sorted.some((s) => s.startsAt < e.endsAt && e.startsAt < s.endsAt))) {
    throw new AppError("VALIDATION", { fieldErrors: { [errorField]: ["reception.errors.overlap"] } });
  }
  const created = await tx.receptionSlot.createManyAndReturn({
    data: sorted.map((s) => ({
      projectId: input.projectId,
      room: input.room,
      mode: input.mode,
      capacity: input.capacity,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
    })),
    select: { id: true, startsAt: true, endsAt: true },
  });
  await recordAudits(
    tx,
    created.map((slot) => ({
      actorId: actor.userId,
      action: "create:reception-slot",
      entity: "reception-slot",
      entityId: slot.id,
      projectId: input.projectId,
      after: {
        room: input.room,
        mode: input.mode,
        capacity: input.capacity,
        startsAt: slot.startsAt.toISOString(),
        endsAt: slot.endsAt.toISOString(),
      },
    })),
  );
  return created.map((slot) => slot.id);
}
