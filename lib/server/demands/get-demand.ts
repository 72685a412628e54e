import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { demandScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { canMoveDemand, canRerouteDemand, type DemandMove } from "../../domain/field-work.ts";
import { serverEnv } from "../../env.ts";
import { AppError } from "../../errors.ts";
import type { DemandStatus } from "../../generated/prisma/enums.ts";
import { parseInput } from "../../validation.ts";
import { demandRowSelect, toDemandListItem, type DemandListItem } from "./internal/demand-rows.ts";

const ZGetDemandInput = z.object({ projectId: z.uuid(), demandId: z.uuid() });

export type DemandHistoryEntry = {
  id: string;
  action: string;
  at: Date;
  actorName: string | null;
  status: DemandStatus | null;
  groupName: string | null;
  resolution: string | null;
};

export type DemandDetail = DemandListItem & {
  project: { id: string; code: string; name: string };
  conferenceName: string | null;
  /** The changes of the demand, oldest first (its audit events). */
  history: DemandHistoryEntry[];
  /** Whether the reader works it (its manage scope), whatever its status. */
  mayManage: boolean;
  /** What the reader may do with it now (manage scope and the demand's status). */
  moves: Record<DemandMove, boolean> & { reroute: boolean };
  /** The special groups it may be re-routed to (not the one it is with), when it may be. */
  rerouteGroups: { id: string; name: string }[];
  timeZone: string;
};

function snapshotField(json: unknown, key: string): string | null {
  if (json && typeof json === "object" && key in json) {
    const value = (json as Record<string, unknown>)[key];
    return typeof value === "string" ? value : null;
  }
  return null;
}

/**
 * Rule: one demand in the actor's read scope (see listDemands), with its clock, its history and
 * the moves the actor may make — only in the manage scope (the special group's leader of the
 * group it is routed to, the secretary) and only those its status allows. Out of scope or in
 * another project: NOT_FOUND.
 */
export async function getDemand(actor: Actor, input: unknown): Promise<DemandDetail> {
  requirePermission(actor, "read", "demand");
  const { projectId, demandId } = parseInput(ZGetDemandInput, input);
  const demand = await db().demand.findFirst({
    where: { AND: [{ id: demandId, projectId }, demandScope(actor, "read")] },
    select: {
      ...demandRowSelect,
      project: { select: { id: true, code: true, name: true } },
      escalatedConference: { select: { name: true } },
    },
  });
  if (!demand) throw new AppError("NOT_FOUND");

  const [manageable, events] = await Promise.all([
    db().demand.count({ where: { AND: [{ id: demand.id }, demandScope(actor, "manage")] } }),
    db().auditEvent.findMany({
      where: { entity: "demand", entityId: demand.id },
      select: { id: true, action: true, createdAt: true, after: true, actor: { select: { name: true } } },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
  ]);
  const mayManage = manageable > 0;
  const moves = {
    start: mayManage && canMoveDemand(demand.status, "start"),
    escalate: mayManage && canMoveDemand(demand.status, "escalate"),
    resolve: mayManage && canMoveDemand(demand.status, "resolve"),
    reroute: mayManage && canRerouteDemand(demand.status),
  };
  const rerouteGroups = moves.reroute
    ? await db().workingGroup.findMany({
        where: { projectId, kind: "SPECIAL", ...(demand.routedGroup ? { id: { not: demand.routedGroup.id } } : {}) },
        select: { id: true, name: true },
        orderBy: { name: "asc" },
      })
    : [];

  return {
    ...toDemandListItem(demand, new Date()),
    project: demand.project,
    conferenceName: demand.escalatedConference?.name ?? null,
    history: events.map((e) => ({
      id: e.id.toString(),
      action: e.action,
      at: e.createdAt,
      actorName: e.actor?.name ?? null,
      status: snapshotField(e.after, "status") as DemandStatus | null,
      groupName: snapshotField(e.after, "groupName"),
      resolution: e.action === "resolve:demand" ? snapshotField(e.after, "resolution") : null,
    })),
    mayManage,
    moves: { ...moves, reroute: moves.reroute && rerouteGroups.length > 0 },
    rerouteGroups,
    timeZone: serverEnv().LIANXIN_TIME_ZONE,
  };
}
