import "server-only";
import { z } from "zod";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import type { NoticeView } from "./internal/notice-rows.ts";
import { readVisibleNotices } from "./internal/published-notices.ts";
import { findPublicProject, ZProjectCode, type PublicProject } from "./get-public-board.ts";

const ZPublicNoticeInput = z.object({ projectCode: ZProjectCode, noticeId: z.uuid() });

/** Rule: one published notice of a project marked public, for anyone. A draft, a notice
 *  published at a time still ahead, a withdrawn one, or another project's: NOT_FOUND. */
export async function getPublicNotice(input: unknown, now: Date = new Date()): Promise<{ project: PublicProject; notice: NoticeView }> {
  const { projectCode, noticeId } = parseInput(ZPublicNoticeInput, input);
  const { project } = await findPublicProject(projectCode);
  const notice = (await readVisibleNotices(project.id, now)).find((n) => n.id === noticeId);
  if (!notice) throw new AppError("NOT_FOUND");
  return { project, notice };
}
