import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope, visitScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { serverEnv } from "../../env.ts";
import { AppError } from "../../errors.ts";
import type { Attitude, TaskKind, VisitChannel } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { projectStaffWhere } from "./internal/project-staff.ts";
import { visitFilterQuery, visitFilterWhere, visitRowSelect, ZVisitFilter, type TVisitFilter } from "./visit-filter.ts";

/** The page lists the latest visits; the export has them all. */
const PAGE_ROWS = 100;

export type VisitListRow = {
  id: string;
  visitedAt: Date;
  channel: VisitChannel;
  attitude: Attitude | null;
  summary: string;
  nextStep: string | null;
  authorName: string | null;
  participantNames: string[];
  taskKind: TaskKind | null;
  household: { id: string; code: string; headName: string; groupName: string | null };
};

export type VisitList = {
  project: { id: string; code: string; name: string };
  timeZone: string;
  filter: TVisitFilter;
  /** The filter as a query string, for the export link. */
  query: string;
  total: number;
  rows: VisitListRow[];
  options: { groups: { id: string; name: string }[]; authors: { id: string; name: string }[] };
};

/**
 * Rule: the project's visit register (走访台账) for a reader of visits there — the visits in the
 * reader's visit scope (a member: their tasks' households; a leader: their group's) that match the
 * filters, latest visit first, with the total. A project outside the reader's scope: NOT_FOUND.
 */
export async function listVisits(actor: Actor, input: unknown): Promise<VisitList> {
  requirePermission(actor, "read", "visit");
  const filter = parseInput(ZVisitFilter, input);
  const project = await db().project.findFirst({
    where: { AND: [{ id: filter.projectId }, projectScope(actor, "read", "visit")] },
    select: { id: true, code: true, name: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  const where = { AND: [visitScope(actor), visitFilterWhere(filter)] };
  const [total, rows, groups, authors] = await Promise.all([
    db().visitLog.count({ where }),
    db().visitLog.findMany({ where, select: visitRowSelect, orderBy: [{ visitedAt: "desc" }, { id: "desc" }], take: PAGE_ROWS }),
    db().workingGroup.findMany({
      where: { projectId: project.id, kind: "SIGNING" },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    db().user.findMany({
      where: projectStaffWhere(project.id),
      select: { id: true, name: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
    }),
  ]);
  return {
    project,
    timeZone: serverEnv().LIANXIN_TIME_ZONE,
    filter,
    query: visitFilterQuery(filter),
    total,
    rows: rows.map((r) => ({
      id: r.id,
      visitedAt: r.visitedAt,
      channel: r.channel,
      attitude: r.attitude,
      summary: r.summary,
      nextStep: r.nextStep,
      authorName: r.author?.name ?? null,
      participantNames: r.participants.map((p) => p.user.name),
      taskKind: r.task?.kind ?? null,
      household: {
        id: r.household.id,
        code: r.household.code,
        headName: r.household.headName,
        groupName: r.household.signingGroup?.name ?? null,
      },
    })),
    options: { groups, authors },
  };
}
