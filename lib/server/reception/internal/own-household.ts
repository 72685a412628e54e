import "server-only";
import type { Actor } from "../../../auth/actor-types.ts";
import { householdScope } from "../../../auth/scope.ts";
import { AppError } from "../../../errors.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { lockHousehold } from "./seats.ts";

/** The household whose bookings the actor manages (a resident's own), locked for the rest of the
 *  transaction; NOT_FOUND for anyone else. */
export async function lockOwnHousehold(tx: Prisma.TransactionClient, actor: Actor): Promise<{ id: string; projectId: string }> {
  if (!actor.householdId) throw new AppError("NOT_FOUND");
  const household = await tx.household.findFirst({
    where: { AND: [{ id: actor.householdId }, householdScope(actor, "manage", "appointment")] },
    select: { id: true, projectId: true },
  });
  if (!household) throw new AppError("NOT_FOUND");
  await lockHousehold(tx, household.id);
  return household;
}

/** The household's active booking: BOOKED, in a slot that has not ended. */
export function activeBookingWhere(householdId: string, now: Date): Prisma.AppointmentWhereInput {
  return { householdId, status: "BOOKED", slot: { endsAt: { gt: now } } };
}
