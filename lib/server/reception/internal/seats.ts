import "server-only";
// The locks and the seat counter every reception write goes through (decision 033). Lock order,
// everywhere: the household row (residents' writes only), then slot rows in id order, then
// appointment rows — so two writes never wait on each other in a circle.
import type { Prisma } from "../../../generated/prisma/client.ts";

type Tx = Prisma.TransactionClient;

/** Serialises one household's bookings: "one active booking per household" is read and written
 *  under this lock, so two tabs booking at once yield one booking. */
export async function lockHousehold(tx: Tx, householdId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "Household" WHERE id = ${householdId}::uuid FOR UPDATE`;
}

/** Locks slot rows in id order (a move locks two). */
export async function lockSlots(tx: Tx, slotIds: string[]): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "ReceptionSlot" WHERE id = ANY(${slotIds}::uuid[]) ORDER BY id FOR UPDATE`;
}

/**
 * Takes one seat of an open slot that has not started, in one conditional UPDATE: Postgres
 * re-checks `"seatsTaken" < capacity` on the latest row after waiting for a concurrent booker's
 * lock, so of N concurrent bookers exactly the free seats' number succeed. False when the slot is
 * full, cancelled or has started. The CHECK seatsTaken <= capacity backs it in the schema.
 */
export async function takeSeat(tx: Tx, slotId: string, now: Date): Promise<boolean> {
  const taken = await tx.$executeRaw`
    UPDATE "ReceptionSlot" SET "seatsTaken" = "seatsTaken" + 1
     WHERE id = ${slotId}::uuid AND status = 'OPEN' AND "seatsTaken" < capacity
       AND "startsAt" > (${now.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
  return taken === 1;
}

/** Gives back the seat of a booking that leaves the slot (cancelled or moved). */
export async function releaseSeat(tx: Tx, slotId: string): Promise<void> {
  const released = await tx.$executeRaw`
    UPDATE "ReceptionSlot" SET "seatsTaken" = "seatsTaken" - 1 WHERE id = ${slotId}::uuid AND "seatsTaken" > 0`;
  if (released !== 1) throw new Error("releaseSeat: the slot's seat count was already 0");
}

/** Interactive transactions of bookings wait for the slot's lock behind other bookers: give them
 *  time to get a connection and to finish (50 residents at once queue on one row). */
export const BOOKING_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;
