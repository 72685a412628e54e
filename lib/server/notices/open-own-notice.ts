import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import type { NoticeView } from "./internal/notice-rows.ts";
import { findOwnProject } from "./internal/own-project.ts";
import { readVisibleNotices } from "./internal/published-notices.ts";

const ZOpenOwnNoticeInput = z.object({ noticeId: z.uuid() });

/**
 * Rule: a resident opens a published notice of their own household's project, which marks it
 * read for the household (every account of the household shares the marker). A marker records
 * what someone has read, not a change to the record, so it has no audit event. Another
 * project's notice, a draft, one published at a time still ahead or a withdrawn one: NOT_FOUND.
 */
export async function openOwnNotice(actor: Actor, input: unknown, now: Date = new Date()): Promise<NoticeView> {
  const { noticeId } = parseInput(ZOpenOwnNoticeInput, input);
  const { project, householdId } = await findOwnProject(actor, { id: true });
  const notice = (await readVisibleNotices(project.id, now)).find((n) => n.id === noticeId);
  if (!notice) throw new AppError("NOT_FOUND");
  await db().noticeRead.createMany({ data: [{ householdId, noticeId }], skipDuplicates: true });
  return notice;
}
