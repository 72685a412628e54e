import "server-only";
// The fields of a task as forms send them, shared by the household page's form, the bulk form
// and a visit's follow-up task, so every way of creating a task accepts the same values.
import { z } from "zod";
import { calendarDayOf, type CalendarDay } from "../../domain/calendar-day.ts";
import { optionsOf } from "../../domain/options.ts";
import { serverEnv } from "../../env.ts";
import { TaskKind, TaskPriority, TaskStatus } from "../../generated/prisma/enums.ts";

export const TASK_KINDS = optionsOf(TaskKind);
export const TASK_PRIORITIES = optionsOf(TaskPriority);
export const TASK_STATUSES = optionsOf(TaskStatus);

export const TASK_NOTE_MAX = 500;
export const TASK_REASON_MAX = 500;

/** Today in the deployment's time zone. */
export function taskToday(now: Date = new Date()): CalendarDay {
  return calendarDayOf(now, serverEnv().LIANXIN_TIME_ZONE);
}

/** Empty form fields count as absent. */
const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

export const ZTaskKind = z.enum(TASK_KINDS, { error: "tasks.errors.chooseKind" });

/** "YYYY-MM-DD", not before today in the deployment's zone. */
export const ZTaskDueDate = z.preprocess(
  blankToUndefined,
  z.iso.date({ error: "tasks.errors.chooseDueDate" }).refine((day) => day >= taskToday(), { error: "tasks.errors.dueInPast" }),
);

/** Absent means NORMAL. */
export const ZTaskPriority = z.preprocess(blankToUndefined, z.enum(TASK_PRIORITIES, { error: "validation.invalid" }).default("NORMAL"));

/** Optional, at most 500 characters; blank means none. */
export const ZTaskNote = z.preprocess(
  blankToUndefined,
  z
    .string()
    .trim()
    .max(TASK_NOTE_MAX, { error: "validation.tooLong" })
    .optional()
    .transform((v) => (v ? v : null)),
);

/** A required reason (cancelling). */
export const ZTaskRequiredReason = z.preprocess(
  (v) => (v === undefined || v === null ? "" : v),
  z
    .string({ error: "tasks.errors.reasonRequired" })
    .trim()
    .min(1, { error: "tasks.errors.reasonRequired" })
    .max(TASK_REASON_MAX, { error: "validation.tooLong" }),
);

/** An optional reason (reassigning); blank means none. */
export const ZTaskOptionalReason = ZTaskNote;

export const ZTaskVersion = z.coerce
  .number({ error: "validation.invalid" })
  .int({ error: "validation.invalid" })
  .positive({ error: "validation.invalid" });
