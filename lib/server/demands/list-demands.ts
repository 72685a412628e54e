import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { canInProject, requirePermission } from "../../auth/permissions.ts";
import { demandScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { DEMAND_STATUSES } from "../../domain/field-work.ts";
import { serverEnv } from "../../env.ts";
import type { DemandStatus } from "../../generated/prisma/enums.ts";
import { parseInput } from "../../validation.ts";
import { parseDemandFilter, type TDemandFilter } from "./demand-filter.ts";
import { findDemandProject, readDemandRows, type DemandListItem } from "./internal/demand-rows.ts";

const ZListDemandsInput = z.object({ projectId: z.uuid() });

export type DemandListPage = {
  project: { id: string; code: string; name: string };
  filter: TDemandFilter;
  items: (DemandListItem & { mayManage: boolean })[];
  /** Of the demands in scope regardless of the filter, per status. */
  byStatus: Record<DemandStatus, number>;
  /** The project's special groups, for the group filter. */
  specialGroups: { id: string; name: string }[];
  mayExport: boolean;
  timeZone: string;
};

/**
 * Rule: a project's demands (诉求) the actor may read — a secretary the project's, a special
 * group's leader those routed to the group, a signing group's leader also those of the group's
 * households, a member those of their own tasks' households, district officials all — filtered
 * by status, category, special group and the clock's colour, each with its colour and time left
 * (lib/domain/field-work.ts demandClock), the most urgent first. `input` is
 * `{ projectId, ...searchParams }`. A project out of reach is NOT_FOUND.
 */
export async function listDemands(actor: Actor, input: unknown): Promise<DemandListPage> {
  requirePermission(actor, "read", "demand");
  const { projectId } = parseInput(ZListDemandsInput, input);
  const filter = parseDemandFilter(input as Record<string, string | string[] | undefined>);
  const project = await findDemandProject(actor, projectId, "read");
  const now = new Date();

  const [items, statusCounts, specialGroups] = await Promise.all([
    readDemandRows(actor, "read", projectId, filter, now),
    db().demand.groupBy({ by: ["status"], where: { AND: [{ projectId }, demandScope(actor, "read")] }, _count: { _all: true } }),
    db().workingGroup.findMany({ where: { projectId, kind: "SPECIAL" }, select: { id: true, name: true }, orderBy: { name: "asc" } }),
  ]);
  const manageable = new Set(
    items.length === 0
      ? []
      : (
          await db().demand.findMany({
            where: { AND: [{ id: { in: items.map((i) => i.id) } }, demandScope(actor, "manage")] },
            select: { id: true },
          })
        ).map((d) => d.id),
  );
  const byStatus = Object.fromEntries(DEMAND_STATUSES.map((s) => [s, 0])) as Record<DemandStatus, number>;
  for (const row of statusCounts) byStatus[row.status] = row._count._all;

  return {
    project,
    filter,
    items: items.map((item) => ({ ...item, mayManage: manageable.has(item.id) })),
    byStatus,
    specialGroups,
    mayExport: canInProject(actor, "export", "demand", projectId),
    timeZone: serverEnv().LIANXIN_TIME_ZONE,
  };
}
