import "server-only";
import { z } from "zod";
import { COUNTING_UNITS, PROJECT_KINDS } from "../../domain/options.ts";
import { basisPointsToDecimalText, percentTextToBasisPoints } from "../../domain/rates.ts";
import { requiredText, visibleText } from "../../validation.ts";

/** "YYYY-MM-DD" or empty → a DATE column value (UTC midnight) or null. */
const ZDate = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    const text = raw?.trim() ?? "";
    if (text === "") return null;
    const date = new Date(`${text}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
      ctx.addIssue({ code: "custom", message: "validation.date" });
      return z.NEVER;
    }
    return date;
  });

const ZPercent = z
  .string({ error: "validation.required" })
  .trim()
  .transform((text, ctx) => {
    const bp = percentTextToBasisPoints(text);
    if (bp === null) {
      ctx.addIssue({ code: "custom", message: "validation.percent" });
      return z.NEVER;
    }
    return basisPointsToDecimalText(bp);
  });

/** One period's start and end: both or neither, the end not before the start. Each period is its
 *  own object so that its check runs even when another field failed (a refinement of the whole
 *  object would wait until every field parsed, and the form would show its errors round by round). */
function ZPeriod<S extends string, E extends string>(start: S, end: E) {
  return z.object({ [start]: ZDate, [end]: ZDate } as Record<S | E, typeof ZDate>).superRefine((fields, ctx) => {
    const from = (fields as Record<string, Date | null>)[start];
    const to = (fields as Record<string, Date | null>)[end];
    if ((from === null) !== (to === null)) {
      ctx.addIssue({ code: "custom", path: [from === null ? start : end], message: "validation.required" });
    } else if (from && to && from > to) {
      ctx.addIssue({ code: "custom", path: [end], message: "validation.endBeforeStart" });
    }
  });
}

/** The editable facts of a project, as a form posts them (dates YYYY-MM-DD, thresholds in %).
 *  Every field's problem is reported in one round. */
export const ZProjectFields = z
  .object({
    name: visibleText(requiredText(100)),
    kind: z.enum(PROJECT_KINDS, { error: "validation.required" }),
    district: requiredText(50),
    street: requiredText(50),
    countingUnit: z.enum(COUNTING_UNITS, { error: "validation.required" }),
    firstRoundThreshold: ZPercent,
    signingThreshold: ZPercent,
    isPublished: z
      .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
      .optional()
      .transform((value) => value === "on" || value === "true"),
  })
  .and(ZPeriod("noticeStart", "noticeEnd"))
  .and(ZPeriod("consultationStart", "consultationEnd"))
  .and(ZPeriod("signingStart", "signingEnd"));

export type TProjectFields = z.infer<typeof ZProjectFields>;

/** Whether a signing period ends before `today` (YYYY-MM-DD in the deployment's time zone): the
 *  project is saved, and the form says so instead of taking it silently. */
export function signingEndsInPast(signingEnd: Date | null, today: string): boolean {
  return signingEnd !== null && signingEnd.toISOString().slice(0, 10) < today;
}
