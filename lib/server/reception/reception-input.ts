import "server-only";
// The fields of reception slots and bookings as forms send them, shared by the use cases.
import { z } from "zod";
import { calendarDayOf, type CalendarDay } from "../../domain/calendar-day.ts";
import { optionsOf } from "../../domain/options.ts";
import { serverEnv } from "../../env.ts";
import { AppointmentMode } from "../../generated/prisma/enums.ts";
import { requiredText, visibleText } from "../../validation.ts";

export const APPOINTMENT_MODES = optionsOf(AppointmentMode);
export const SLOT_CAPACITY_MAX = 500;
export const SLOT_REASON_MAX = 500;

/** The deployment's time zone: slot times are wall-clock times there. */
export function receptionTimeZone(): string {
  return serverEnv().LIANXIN_TIME_ZONE;
}

/** Today in the deployment's time zone. */
export function receptionToday(now: Date): CalendarDay {
  return calendarDayOf(now, receptionTimeZone());
}

export const ZSlotRoom = visibleText(requiredText(60));
export const ZSlotMode = z.enum(APPOINTMENT_MODES, { error: "reception.errors.chooseMode" });
export const ZSlotCapacity = z.coerce
  .number({ error: "reception.errors.capacity" })
  .int({ error: "reception.errors.capacity" })
  .min(1, { error: "reception.errors.capacity" })
  .max(SLOT_CAPACITY_MAX, { error: "reception.errors.capacity" });
export const ZSlotDay = z.iso.date({ error: "reception.errors.chooseDate" });
export const ZSlotTime = z.string({ error: "reception.errors.chooseTime" }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, {
  error: "reception.errors.chooseTime",
});
export const ZSlotVersion = z.coerce.number({ error: "validation.invalid" }).int().positive();
export const ZSlotReason = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  z
    .string({ error: "reception.errors.reasonRequired" })
    .trim()
    .min(1, { error: "reception.errors.reasonRequired" })
    .max(SLOT_REASON_MAX, { error: "validation.tooLong" }),
);
