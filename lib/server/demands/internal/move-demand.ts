import "server-only";
// The one skeleton every change of a demand (start, escalate, resolve, re-route) runs through:
// permission and scope, the version check, the move's own rule, the audit event whose
// before/after the household's timeline shows, and the live notification — written once, so no
// move can skip one.
import { z } from "zod";
import type { Actor } from "../../../auth/actor-types.ts";
import { requirePermission } from "../../../auth/permissions.ts";
import { demandScope } from "../../../auth/scope.ts";
import { db } from "../../../db.ts";
import { AppError } from "../../../errors.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import type { DemandStatus } from "../../../generated/prisma/enums.ts";
import { parseInput } from "../../../validation.ts";
import { recordAudit } from "../../audit.ts";
import { notifyProjectChanged } from "../../live/notify-project-changed.ts";

/** Form fields every move carries: where, which demand, and the version the form showed. */
export const ZDemandMoveTarget = z.object({
  projectId: z.uuid(),
  demandId: z.uuid(),
  version: z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).positive({ error: "validation.invalid" }),
});

export const demandMoveSelect = {
  id: true,
  projectId: true,
  householdId: true,
  status: true,
  version: true,
  resolution: true,
  routedGroup: { select: { id: true, name: true } },
} satisfies Prisma.DemandSelect;

export type DemandMoveRow = Prisma.DemandGetPayload<{ select: typeof demandMoveSelect }>;

/** What the timeline shows of a demand before and after a change. */
type DemandSnapshot = { status: DemandStatus; routedGroupId: string | null; groupName: string | null; resolution: string | null };

export type DemandMoveResult = { demandId: string; householdId: string; status: DemandStatus; groupName: string | null; version: number };

export type DemandMoveDefinition<TInput extends z.output<typeof ZDemandMoveTarget>> = {
  /** "start:demand", "escalate:demand", "resolve:demand", "route:demand". */
  action: string;
  schema: z.ZodType<TInput>;
  /**
   * The move's own rule on the demand as read (a refusal throws VALIDATION with its catalog key)
   * and what it writes: the columns and the snapshot after.
   */
  apply: (
    tx: Prisma.TransactionClient,
    demand: DemandMoveRow,
    input: TInput,
    now: Date,
  ) => Promise<{ data: Prisma.DemandUncheckedUpdateManyInput; after: DemandSnapshot }>;
};

function snapshotOf(demand: DemandMoveRow): DemandSnapshot {
  return {
    status: demand.status,
    routedGroupId: demand.routedGroup?.id ?? null,
    groupName: demand.routedGroup?.name ?? null,
    resolution: demand.resolution,
  };
}

/** A refusal of a move: the demand's state does not allow it. */
export function refuse(field: string, key: string): AppError {
  return new AppError("VALIDATION", { fieldErrors: { [field]: [key] } });
}

/**
 * Runs one change of a demand: permission manage:demand, input, then in one transaction the
 * demand in the actor's manage scope (else NOT_FOUND), the version the form showed (else
 * CONFLICT: someone moved it meanwhile — checked before the move's rule, so a reader whose
 * demand was resolved meanwhile hears "changed meanwhile", not "cannot"), the move's rule, the
 * version-checked write, its audit event and the live notification.
 */
export async function runDemandMove<TInput extends z.output<typeof ZDemandMoveTarget>>(
  actor: Actor,
  input: unknown,
  definition: DemandMoveDefinition<TInput>,
): Promise<DemandMoveResult> {
  requirePermission(actor, "manage", "demand");
  const parsed = parseInput(definition.schema, input);

  return db().$transaction(async (tx) => {
    const demand = await tx.demand.findFirst({
      where: { AND: [{ id: parsed.demandId, projectId: parsed.projectId }, demandScope(actor, "manage")] },
      select: demandMoveSelect,
    });
    if (!demand) throw new AppError("NOT_FOUND");
    if (demand.version !== parsed.version)
      throw new AppError("CONFLICT", { detail: `demand ${demand.id} is at version ${demand.version}`, fieldErrors: changedMeanwhile });
    const now = new Date();
    const { data, after } = await definition.apply(tx, demand, parsed, now);
    const { count } = await tx.demand.updateMany({
      where: { id: demand.id, version: parsed.version },
      data: { ...data, version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", { detail: `demand ${demand.id} changed meanwhile`, fieldErrors: changedMeanwhile });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: definition.action,
      entity: "demand",
      entityId: demand.id,
      projectId: demand.projectId,
      before: { householdId: demand.householdId, ...snapshotOf(demand) },
      after: { householdId: demand.householdId, ...after },
    });
    await notifyProjectChanged(tx, demand.projectId, "demand");
    return {
      demandId: demand.id,
      householdId: demand.householdId,
      status: after.status,
      groupName: after.groupName,
      version: parsed.version + 1,
    };
  });
}

const changedMeanwhile = { _form: ["demands.errors.changedMeanwhile"] };

/** The snapshot after a change of status only. */
export function withStatus(demand: DemandMoveRow, status: DemandStatus, resolution: string | null = demand.resolution): DemandSnapshot {
  return { ...snapshotOf(demand), status, resolution };
}
