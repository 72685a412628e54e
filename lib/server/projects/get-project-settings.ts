import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { calendarDayOf } from "../../domain/calendar-day.ts";
import { nextPhase, type ProjectPhase } from "../../domain/project-phase.ts";
import { serverEnv } from "../../env.ts";
import { formatPercent, ratio, thresholdBasisPoints } from "../../domain/rates.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { signingEndsInPast } from "./project-input.ts";

const settingsSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  district: true,
  street: true,
  countingUnit: true,
  phase: true,
  firstRoundThreshold: true,
  signingThreshold: true,
  noticeStart: true,
  noticeEnd: true,
  consultationStart: true,
  consultationEnd: true,
  signingStart: true,
  signingEnd: true,
  isPublished: true,
  version: true,
} satisfies Prisma.ProjectSelect;

type Row = Prisma.ProjectGetPayload<{ select: typeof settingsSelect }>;

/** Form values: dates as YYYY-MM-DD, thresholds as percent text. */
export type ProjectSettings = Omit<Row, "firstRoundThreshold" | "signingThreshold" | `${string}Start` | `${string}End`> & {
  firstRoundThreshold: string;
  signingThreshold: string;
  dates: Record<"noticeStart" | "noticeEnd" | "consultationStart" | "consultationEnd" | "signingStart" | "signingEnd", string>;
  nextPhase: ProjectPhase | null;
  /** The signing period ended before today (deployment time zone): the page says so. */
  signingEndPassed: boolean;
};

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : "");
const percent = (threshold: { toString(): string }) => formatPercent(ratio(thresholdBasisPoints(threshold), 10000)) ?? "";

/** The project as its settings form shows it. Only for those who may edit it. */
export async function getProjectSettings(actor: Actor, input: unknown, now: Date = new Date()): Promise<ProjectSettings> {
  requirePermission(actor, "update", "project");
  const { projectId } = parseInput(z.object({ projectId: z.uuid() }), input);
  const row = await db().project.findFirst({ where: { AND: [{ id: projectId }, projectScope(actor, "update")] }, select: settingsSelect });
  if (!row) throw new AppError("NOT_FOUND");
  const { noticeStart, noticeEnd, consultationStart, consultationEnd, signingStart, signingEnd, ...rest } = row;
  return {
    ...rest,
    firstRoundThreshold: percent(row.firstRoundThreshold),
    signingThreshold: percent(row.signingThreshold),
    dates: {
      noticeStart: day(noticeStart),
      noticeEnd: day(noticeEnd),
      consultationStart: day(consultationStart),
      consultationEnd: day(consultationEnd),
      signingStart: day(signingStart),
      signingEnd: day(signingEnd),
    },
    nextPhase: nextPhase(row.phase),
    signingEndPassed: signingEndsInPast(signingEnd, calendarDayOf(now, serverEnv().LIANXIN_TIME_ZONE)),
  };
}
