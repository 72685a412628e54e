import "server-only";
import { z } from "zod";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import type { ProgressProject } from "../figures/district-progress.ts";
import { headlineProjectSelect, readHeadline, type Headline } from "./internal/headline.ts";
import type { NoticeView } from "./internal/notice-rows.ts";
import { readVisibleNotices } from "./internal/published-notices.ts";

/** Project codes as the roster gives them (letters, digits, "-" and "_"). */
export const ZProjectCode = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Za-z0-9_-]+$/);

const ZPublicBoardInput = z.object({ projectCode: ZProjectCode });

export type PublicProject = { id: string; code: string; name: string; district: string; street: string };

export type PublicBoard = {
  project: PublicProject;
  headline: Headline;
  /** Newest first; the bodies stay on each notice's own page. */
  notices: Omit<NoticeView, "body">[];
};

/** Looks up a project marked public (Project.isPublished); any other code is NOT_FOUND. Gives
 *  what its pages show of it, and what its headline is read with. */
export async function findPublicProject(projectCode: string): Promise<{ project: PublicProject; progress: ProgressProject }> {
  const row = await db().project.findFirst({
    where: { code: projectCode, isPublished: true },
    select: { ...headlineProjectSelect, code: true, name: true, district: true, street: true },
  });
  if (!row) throw new AppError("NOT_FOUND");
  const { code, name, district, street, ...progress } = row;
  return { project: { id: row.id, code, name, district, street }, progress };
}

/**
 * Rule: the public page of a project marked public (no sign-in, "sunshine expropriation"): its
 * headline progress — the dashboard's figures, from the same function — and its published
 * notices. A project not marked public, or no such project, is NOT_FOUND.
 */
export async function getPublicBoard(input: unknown, now: Date = new Date()): Promise<PublicBoard> {
  const { projectCode } = parseInput(ZPublicBoardInput, input);
  const { project, progress } = await findPublicProject(projectCode);
  const [headline, notices] = await Promise.all([readHeadline(progress, now), readVisibleNotices(project.id, now)]);
  return {
    project,
    headline,
    notices: notices.map(({ body: _body, ...notice }) => notice),
  };
}
