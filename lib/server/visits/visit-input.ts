import "server-only";
// The visit log form's fields (一本日志), as the household page and the member's phone send them.
import { z } from "zod";
import { instantFromWallClock } from "../../domain/calendar-day.ts";
import { optionsOf } from "../../domain/options.ts";
import { serverEnv } from "../../env.ts";
import { Attitude, VisitChannel } from "../../generated/prisma/enums.ts";
import { requiredText } from "../../validation.ts";
import { ZDemandDraft } from "../demands/demand-input.ts";
import { ZTaskDueDate, ZTaskKind, ZTaskNote, ZTaskVersion } from "../tasks/task-input.ts";

export const VISIT_CHANNELS = optionsOf(VisitChannel);
export const ATTITUDES = optionsOf(Attitude);

export const VISIT_SUMMARY_MAX = 2000;
export const VISIT_NEXT_STEP_MAX = 500;
/** How far back a visit may be logged (a visit written up late, not history rewritten). */
export const VISIT_MAX_DAYS_BACK = 30;
/** A phone's clock may run a little ahead of the server's: not "in the future" within this. */
const CLOCK_SKEW_MS = 2 * 60 * 1000;
const MAX_PARTICIPANTS = 20;
const MAX_DEMAND_ROWS = 10;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Repeated form fields arrive as a string or a list of strings. */
function listOf(value: unknown): unknown[] {
  if (value === undefined || value === null || value === "") return [];
  return Array.isArray(value) ? value : [value];
}

/** "2025-03-14T09:30" (datetime-local, read in the deployment's zone) or an ISO instant with an
 *  offset; not later than now, not more than VISIT_MAX_DAYS_BACK days back. */
const ZVisitedAt = z.union([z.string(), z.date()], { error: "visits.errors.visitedAtRequired" }).transform((value, ctx): Date => {
  const text = value instanceof Date ? null : value.trim();
  if (text === "") {
    ctx.addIssue({ code: "custom", message: "visits.errors.visitedAtRequired" });
    return z.NEVER;
  }
  const instant =
    text === null
      ? (value as Date)
      : /[zZ]|[+-]\d{2}:\d{2}$/.test(text)
        ? new Date(text)
        : instantFromWallClock(text, serverEnv().LIANXIN_TIME_ZONE);
  if (!instant || Number.isNaN(instant.getTime())) {
    ctx.addIssue({ code: "custom", message: "validation.invalid" });
    return z.NEVER;
  }
  const now = Date.now();
  if (instant.getTime() > now + CLOCK_SKEW_MS) {
    ctx.addIssue({ code: "custom", message: "visits.errors.inFuture" });
    return z.NEVER;
  }
  if (instant.getTime() < now - VISIT_MAX_DAYS_BACK * 24 * 60 * 60 * 1000) {
    ctx.addIssue({ code: "custom", message: "visits.errors.tooOld" });
    return z.NEVER;
  }
  return instant;
});

const optionalUuid = z.preprocess(blankToUndefined, z.uuid({ error: "validation.invalid" }).optional());

/** The demand rows: numbered fields (demand0Category, demand0Description, demand0GroupId, …), or
 *  repeated fields (demandCategory, demandDescription, demandGroupId, one of each per row), or
 *  `demands` as a list. Rows left entirely empty are dropped. */
function demandRowsOf(input: Record<string, unknown>): unknown[] {
  if (Array.isArray(input.demands)) return input.demands;
  // The household page's form numbers its rows (demand0Category, demand1Category, …), so that a
  // refused form can give each row back what was typed in it.
  const indexed = Array.from({ length: MAX_DEMAND_ROWS }, (_, i) => i).filter(
    (i) => `demand${i}Category` in input || `demand${i}Description` in input,
  );
  const categories = indexed.length ? indexed.map((i) => input[`demand${i}Category`]) : listOf(input.demandCategory);
  const descriptions = indexed.length ? indexed.map((i) => input[`demand${i}Description`]) : listOf(input.demandDescription);
  const groups = indexed.length ? indexed.map((i) => input[`demand${i}GroupId`]) : listOf(input.demandGroupId);
  const rows: unknown[] = [];
  const count = Math.max(categories.length, descriptions.length);
  for (let i = 0; i < count; i++) {
    const category = String(categories[i] ?? "").trim();
    const description = String(descriptions[i] ?? "").trim();
    if (!category && !description) continue;
    rows.push({ category: category || undefined, description, routedGroupId: groups[i] ?? "" });
  }
  return rows;
}

export const ZLogVisitInput = z.preprocess(
  (input) => {
    if (input === null || typeof input !== "object") return input;
    const record = input as Record<string, unknown>;
    return { ...record, participantIds: listOf(record.participantIds), demands: demandRowsOf(record) };
  },
  z
    .object({
      projectId: z.uuid(),
      householdId: z.uuid(),
      /** A fresh uuid per rendered form: a resend with the same key finds the visit already written. */
      clientKey: z.uuid({ error: "visits.errors.clientKey" }),
      /** The task the visit answers, and the version the form was rendered with. */
      taskId: optionalUuid,
      taskVersion: z.preprocess(blankToUndefined, ZTaskVersion.optional()),
      visitedAt: ZVisitedAt,
      channel: z.enum(VISIT_CHANNELS, { error: "visits.errors.chooseChannel" }),
      participantIds: z
        .array(z.uuid({ error: "visits.errors.participant" }))
        .max(MAX_PARTICIPANTS, { error: "validation.invalid" })
        .transform((ids) => [...new Set(ids)]),
      summary: requiredText(VISIT_SUMMARY_MAX),
      attitude: z.preprocess(blankToUndefined, z.enum(ATTITUDES, { error: "validation.invalid" }).nullable().default(null)),
      nextStep: z.preprocess(
        blankToUndefined,
        z
          .string()
          .trim()
          .max(VISIT_NEXT_STEP_MAX, { error: "validation.tooLong" })
          .optional()
          .transform((v) => (v ? v : null)),
      ),
      followUpKind: z.preprocess(blankToUndefined, ZTaskKind.optional()),
      followUpDueDate: z.preprocess(blankToUndefined, ZTaskDueDate.optional()),
      followUpNote: ZTaskNote,
      demands: z.array(ZDemandDraft).max(MAX_DEMAND_ROWS, { error: "validation.invalid" }),
    })
    .superRefine((value, ctx) => {
      if (value.taskId && value.taskVersion === undefined)
        ctx.addIssue({ code: "custom", path: ["taskVersion"], message: "validation.invalid" });
      if (value.followUpKind && !value.followUpDueDate)
        ctx.addIssue({ code: "custom", path: ["followUpDueDate"], message: "tasks.errors.chooseDueDate" });
      if (!value.followUpKind && value.followUpDueDate)
        ctx.addIssue({ code: "custom", path: ["followUpKind"], message: "visits.errors.followUpDue" });
    }),
);
export type TLogVisitInput = z.output<typeof ZLogVisitInput>;
