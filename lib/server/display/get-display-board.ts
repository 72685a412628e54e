import "server-only";
import { calendarDayOf } from "../../domain/calendar-day.ts";
import { db } from "../../db.ts";
import { serverEnv } from "../../env.ts";
import { AppError } from "../../errors.ts";
import type { ProjectPhase } from "../../generated/prisma/enums.ts";
import { readBoardFigures } from "../figures/board-figures.ts";
import type { ProjectFigures } from "../figures/project-figures.ts";
import type { DisplayViewer } from "./display-viewer.ts";

export type DisplayLeagueRow = { groupId: string; name: string; households: number; signed: number; rate: string | null; rank: number };

export type DisplayBoard = {
  project: { id: string; code: string; name: string; phase: ProjectPhase };
  figures: ProjectFigures;
  signedToday: number;
  agreementStatus: "effective" | "pending" | "failed";
  league: DisplayLeagueRow[];
  /** When these figures were read, and the deployment's zone to show it in. */
  at: Date;
  timeZone: string;
};

/**
 * Rule: a display session reads its one project's headline figures — signed/eligible, signing
 * rate against the threshold, gap, today's signings, effective state and the group league —
 * and nothing else: no household, no name of a resident. Figures come from lib/domain.
 */
export async function getDisplayBoard(viewer: DisplayViewer): Promise<DisplayBoard> {
  const project = await db().project.findUnique({
    where: { id: viewer.projectId },
    select: { id: true, code: true, name: true, phase: true, signingThreshold: true, agreementsEffectiveAt: true, signingFailedAt: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  const timeZone = serverEnv().LIANXIN_TIME_ZONE;
  const now = new Date();
  const today = calendarDayOf(now, timeZone);

  // The dashboard's own cached reads: a wall screen refreshes on every signing of launch day.
  const { figures, signedToday, league: fullLeague } = await readBoardFigures(project, today, timeZone);
  // No visits or tasks on the wall: a group's standing only.
  const league = fullLeague.map(({ groupId, name, households, signed, rate, rank }) => ({
    groupId,
    name,
    households,
    signed,
    rate,
    rank,
  }));
  return {
    project: { id: project.id, code: project.code, name: project.name, phase: project.phase },
    figures,
    signedToday,
    agreementStatus: project.signingFailedAt ? "failed" : project.agreementsEffectiveAt ? "effective" : "pending",
    league,
    at: now,
    timeZone,
  };
}
