import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { dailyReportGroupScope, dailyReportScope, projectScope } from "../../auth/scope.ts";
import type { CalendarDay } from "../../domain/calendar-day.ts";
import type { DailyReportFigures } from "../../domain/daily-report.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { readReportFigures, reportFiguresSelect } from "./internal/report-rows.ts";
import { reportTimeZone, reportToday, ZReportDayOrToday } from "./report-input.ts";

export const ZGetDailyReportInput = z.object({
  projectId: z.uuid(),
  /** Absent: the first of the actor's groups. */
  groupId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid().optional()),
  day: ZReportDayOrToday,
});

const versionSelect = {
  id: true,
  version: true,
  status: true,
  problems: true,
  nextPlan: true,
  submittedAt: true,
  updatedAt: true,
  author: { select: { name: true } },
  ...reportFiguresSelect,
} satisfies Prisma.DailyReportSelect;

export type DailyReportVersion = {
  id: string;
  version: number;
  figures: DailyReportFigures;
  problems: string | null;
  nextPlan: string | null;
  authorName: string | null;
  submittedAt: Date | null;
  /** The version that corrected this one; null for the current one. */
  supersededBy: number | null;
};

export type DailyReportView = {
  project: { id: string; name: string };
  timeZone: string;
  today: CalendarDay;
  day: CalendarDay;
  /** The signing groups whose reports the actor may read here (a picker when more than one). */
  groups: { id: string; name: string }[];
  /** The group shown; null when the actor has none here (e.g. a special group's leader). */
  group: {
    id: string;
    name: string;
    leaderName: string | null;
    /** The day's figures as the rows stand now: what submitting would store. */
    draft: DailyReportFigures;
    /** Submitted versions, newest first; the first is the current one. */
    submitted: DailyReportVersion[];
    /** Text saved but not yet submitted, for the version being written. */
    savedDraft: { problems: string | null; nextPlan: string | null; savedAt: Date } | null;
    /** The version a save or submit writes: 1, or the current one + 1 for a correction. */
    nextVersion: number;
    canRecord: boolean;
  } | null;
};

/**
 * Rule: a leader reads (and, with record:daily-report, writes) the reports of the signing groups
 * they lead; a secretary those of the project's groups; an official any. A day after today is
 * refused (VALIDATION); a group out of scope is NOT_FOUND. The draft is counted from the rows
 * now and is not stored: only saving or submitting stores a report.
 */
export async function getDailyReport(actor: Actor, input: unknown): Promise<DailyReportView> {
  requirePermission(actor, "read", "daily-report");
  const data = parseInput(ZGetDailyReportInput, input);
  const timeZone = reportTimeZone();
  const day = data.day ?? reportToday();

  const client = db();
  const project = await client.project.findFirst({
    where: { AND: [{ id: data.projectId }, projectScope(actor, "read", "daily-report")] },
    select: { id: true, name: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  const groups = await client.workingGroup.findMany({
    where: { AND: [{ projectId: project.id }, dailyReportGroupScope(actor, "read")] },
    select: { id: true, name: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const base = { project, timeZone, today: reportToday(), day, groups };
  const chosen = data.groupId ? groups.find((g) => g.id === data.groupId) : groups[0];
  if (data.groupId && !chosen) throw new AppError("NOT_FOUND");
  if (!chosen) return { ...base, group: null };

  const [rows, leader, recordable, figures] = await Promise.all([
    client.dailyReport.findMany({
      where: { AND: [{ groupId: chosen.id, reportDate: new Date(`${day}T00:00:00Z`) }, dailyReportScope(actor, "read")] },
      select: versionSelect,
      orderBy: { version: "desc" },
    }),
    client.workingGroupMember.findFirst({
      where: { groupId: chosen.id, role: "LEADER" },
      select: { user: { select: { name: true } } },
      orderBy: { createdAt: "asc" },
    }),
    client.workingGroup.count({ where: { AND: [{ id: chosen.id }, dailyReportGroupScope(actor, "record")] } }),
    readReportFigures(client, project.id, [chosen.id], day, timeZone),
  ]);
  const submittedRows = rows.filter((r) => r.status === "SUBMITTED");
  const submitted = submittedRows.map((r, i): DailyReportVersion => ({
    id: r.id,
    version: r.version,
    figures: {
      signedCount: r.signedCount,
      visitCount: r.visitCount,
      householdsVisited: r.householdsVisited,
      newDemands: r.newDemands,
      demandsResolved: r.demandsResolved,
      overdueTasks: r.overdueTasks,
    },
    problems: r.problems,
    nextPlan: r.nextPlan,
    authorName: r.author?.name ?? null,
    submittedAt: r.submittedAt,
    supersededBy: i === 0 ? null : submittedRows[i - 1]!.version,
  }));
  const nextVersion = (submittedRows[0]?.version ?? 0) + 1;
  const draftRow = rows.find((r) => r.status === "DRAFT" && r.version === nextVersion);
  return {
    ...base,
    group: {
      id: chosen.id,
      name: chosen.name,
      leaderName: leader?.user.name ?? null,
      draft: figures.get(chosen.id)!,
      submitted,
      savedDraft: draftRow ? { problems: draftRow.problems, nextPlan: draftRow.nextPlan, savedAt: draftRow.updatedAt } : null,
      nextVersion,
      canRecord: recordable > 0,
    },
  };
}
