"use server";

import { formField, runAction, type ActionState } from "@/lib/server/action";
import { cancelReceptionSlot } from "@/lib/server/reception/cancel-reception-slot";
import { changeSlotCapacity } from "@/lib/server/reception/change-slot-capacity";
import { createReceptionSlot } from "@/lib/server/reception/create-reception-slot";
import { createReceptionSlotSeries } from "@/lib/server/reception/create-reception-slot-series";

const paths = (formData: FormData) => [`/projects/${formField(formData, "projectId")}/reception`, "/my-household/reception"];

export async function createSlotAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, createReceptionSlot, { revalidate: paths(formData), success: (_r, t) => t("reception.staff.one.created") });
}

export async function createSeriesAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, createReceptionSlotSeries, {
    revalidate: paths(formData),
    success: (r, t) => t("reception.staff.series.created", { count: r.slotIds.length }),
  });
}

export async function changeCapacityAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, changeSlotCapacity, {
    revalidate: paths(formData),
    success: (r, t) => t("reception.staff.capacity.saved", { capacity: r.capacity }),
  });
}

export async function cancelSlotAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return runAction(formData, cancelReceptionSlot, {
    revalidate: paths(formData),
    success: (r, t) => t("reception.staff.cancel.done", { count: r.cancelledBookings }),
  });
}
