import "server-only";
// The fields of a notice as the secretary's form sends them.
import { z } from "zod";
import { instantFromWallClock } from "../../domain/calendar-day.ts";
import { NOTICE_KINDS } from "../../domain/notices.ts";
import { serverEnv } from "../../env.ts";
import { requiredText, visibleText } from "../../validation.ts";

/** Most characters of a notice's title and of its body (a scheme's full text fits). */
export const NOTICE_TITLE_MAX = 120;
export const NOTICE_BODY_MAX = 20_000;
export const NOTICE_REASON_MAX = 500;

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A notice as written: kind, title, body and an optional disclosure window (公示期) of whole
 *  days, both ends given and the last not before the first. */
export const ZNoticeDraft = z
  .object({
    kind: z.enum(NOTICE_KINDS, { error: "notices.errors.chooseKind" }),
    title: visibleText(requiredText(NOTICE_TITLE_MAX)),
    body: requiredText(NOTICE_BODY_MAX),
    disclosureStart: z.preprocess(blankToUndefined, z.iso.date({ error: "validation.date" }).optional()),
    disclosureEnd: z.preprocess(blankToUndefined, z.iso.date({ error: "validation.date" }).optional()),
  })
  .superRefine((draft, ctx) => {
    if ((draft.disclosureStart === undefined) !== (draft.disclosureEnd === undefined)) {
      const field = draft.disclosureStart === undefined ? "disclosureStart" : "disclosureEnd";
      ctx.addIssue({ code: "custom", path: [field], message: "notices.errors.windowBothEnds" });
    } else if (draft.disclosureStart && draft.disclosureEnd && draft.disclosureEnd < draft.disclosureStart) {
      ctx.addIssue({ code: "custom", path: ["disclosureEnd"], message: "notices.errors.windowOrder" });
    }
  });

export const ZNoticeRef = z.object({
  projectId: z.uuid(),
  noticeId: z.uuid(),
  version: z.coerce.number().int().min(1),
});

/**
 * When to publish: "now", or a time ahead ("2026-12-05T09:00", datetime-local, read in the
 * deployment's zone). A time already past is refused: a notice cannot have been public before
 * anyone could read it.
 */
export const ZPublishTime = z
  .object({
    when: z.enum(["now", "at"], { error: "validation.invalid" }),
    publishAt: z.preprocess(blankToUndefined, z.string().optional()),
  })
  .transform((value, ctx): { at: Date | null } => {
    if (value.when === "now") return { at: null };
    const instant = value.publishAt ? instantFromWallClock(value.publishAt, serverEnv().LIANXIN_TIME_ZONE) : null;
    if (!value.publishAt) {
      ctx.addIssue({ code: "custom", path: ["publishAt"], message: "notices.errors.choosePublishAt" });
      return z.NEVER;
    }
    if (!instant) {
      ctx.addIssue({ code: "custom", path: ["publishAt"], message: "validation.invalid" });
      return z.NEVER;
    }
    if (instant.getTime() <= Date.now()) {
      ctx.addIssue({ code: "custom", path: ["publishAt"], message: "notices.errors.publishInPast" });
      return z.NEVER;
    }
    return { at: instant };
  });
