import "server-only";
import { AppError } from "../../../errors.ts";

export type ReceptionRefusal = "full" | "slotCancelled" | "slotStarted" | "alreadyBooked" | "notBooked" | "sameSlot" | "changedMeanwhile";

/** A booking or a slot edit that the state of the slot refuses: the form's message says why. */
export function refusal(reason: ReceptionRefusal): AppError {
  return new AppError("CONFLICT", { detail: reason, fieldErrors: { _form: [`reception.errors.${reason}`] } });
}

/** Why a seat could not be taken in a slot whose current row is `slot`. */
export function seatRefusal(slot: { status: string; startsAt: Date }, now: Date): AppError {
  if (slot.status === "CANCELLED") return refusal("slotCancelled");
  if (slot.startsAt <= now) return refusal("slotStarted");
  return refusal("full");
}
