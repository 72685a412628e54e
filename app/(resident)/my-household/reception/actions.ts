"use server";

import { formField, runAction, type ActionState } from "@/lib/server/action";
import { bookReceptionSlot } from "@/lib/server/reception/book-reception-slot";
import { cancelBooking } from "@/lib/server/reception/cancel-booking";
import { moveBooking } from "@/lib/server/reception/move-booking";

const PATHS = ["/my-household/reception"];

/** A slot's button: books it, or moves the household's booking there when there is one. */
export async function chooseSlotAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  if (formField(formData, "appointmentId")) {
    return runAction(formData, moveBooking, { revalidate: PATHS, success: (_r, t) => t("reception.resident.moved") });
  }
  return runAction(formData, bookReceptionSlot, { revalidate: PATHS, success: (_r, t) => t("reception.resident.booked") });
}

export async function cancelBookingAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, cancelBooking, { revalidate: PATHS, success: (_r, t) => t("reception.resident.cancelled") });
}
