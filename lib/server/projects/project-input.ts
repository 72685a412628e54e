import "server-only";
import { z } from "zod";
import { COUNTING_UNITS, PROJECT_KINDS } from "../../domain/options.ts";
import { basisPointsToDecimalText, percentTextToBasisPoints } from "../../domain/rates.ts";
import { requiredText } from "../../validation.ts";

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

/** The editable facts of a project, as a form posts them (dates YYYY-MM-DD, thresholds in %). */
export const ZProjectFields = z
  .object({
    name: requiredText(100),
    kind: z.enum(PROJECT_KINDS, { error: "validation.required" }),
    district: requiredText(50),
    street: requiredText(50),
    countingUnit: z.enum(COUNTING_UNITS, { error: "validation.required" }),
    firstRoundThreshold: ZPercent,
    signingThreshold: ZPercent,
    noticeStart: ZDate,
    noticeEnd: ZDate,
    consultationStart: ZDate,
    consultationEnd: ZDate,
    signingStart: ZDate,
    signingEnd: ZDate,
    isPublished: z
      .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
      .optional()
      .transform((value) => value === "on" || value === "true"),
  })
  .superRefine((fields, ctx) => {
    const pairs = [
      ["noticeStart", "noticeEnd"],
      ["consultationStart", "consultationEnd"],
      ["signingStart", "signingEnd"],
    ] as const;
    for (const [start, end] of pairs) {
      const from = fields[start];
      const to = fields[end];
      if ((from === null) !== (to === null)) {
        ctx.addIssue({ code: "custom", path: [from === null ? start : end], message: "validation.required" });
      } else if (from && to && from > to) {
        ctx.addIssue({ code: "custom", path: [end], message: "validation.endBeforeStart" });
      }
    }
  });

export type TProjectFields = z.infer<typeof ZProjectFields>;
