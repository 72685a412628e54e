import "server-only";
// Writes new demands inside the caller's transaction: the household page's "raise a demand" and
// the visit log's demands the resident raised both come through here, so routing, the audit
// event and the live notification are written once. The caller has already checked permission
// and that the household lies in the actor's scope.
import { z } from "zod";
import type { Actor } from "../../../auth/actor-types.ts";
import { defaultDemandGroup } from "../../../domain/field-work.ts";
import { AppError } from "../../../errors.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import type { DemandCategory } from "../../../generated/prisma/enums.ts";
import { parseInput } from "../../../validation.ts";
import { recordAudits } from "../../audit.ts";
import { notifyProjectChanged } from "../../live/notify-project-changed.ts";
import { ZDemandDraft } from "../demand-input.ts";

/** Most demands one visit log may raise. */
export const MAX_DEMANDS_PER_WRITE = 20;

const ZDrafts = z.object({ demands: z.array(ZDemandDraft).max(MAX_DEMANDS_PER_WRITE, { error: "validation.invalid" }) });

/**
 * Rule: each demand is routed to a SPECIAL group of the household's project — the one named
 * (any other group, or another project's, is VALIDATION `demands.errors.groupOutside` on the
 * field `routedGroupId`), or, when none is named, the default for its category
 * (defaultDemandGroup; none when the project has no fitting special group). Each demand gets one
 * "raise:demand" audit event whose `after` carries the household, status, category and group, so
 * the household's timeline can show it; one "demand" notification for the lot. Returns the new
 * demands' ids in the drafts' order.
 */
export async function insertDemands(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: {
    projectId: string;
    householdId: string;
    visitLogId: string | null;
    demands: { category: DemandCategory; description: string; routedGroupId?: string | null }[];
  },
): Promise<string[]> {
  const { demands } = parseInput(ZDrafts, { demands: input.demands });
  if (demands.length === 0) return [];

  const specialGroups = await tx.workingGroup.findMany({
    where: { projectId: input.projectId, kind: "SPECIAL" },
    select: { id: true, name: true, specialty: true },
    orderBy: [{ createdAt: "asc" }, { name: "asc" }],
  });
  const routed = demands.map((draft) => {
    if (draft.routedGroupId) {
      const group = specialGroups.find((g) => g.id === draft.routedGroupId);
      if (!group) throw new AppError("VALIDATION", { fieldErrors: { routedGroupId: ["demands.errors.groupOutside"] } });
      return { draft, group };
    }
    return { draft, group: defaultDemandGroup(draft.category, specialGroups) };
  });

  const now = new Date();
  const rows = await tx.demand.createManyAndReturn({
    data: routed.map(({ draft, group }) => ({
      projectId: input.projectId,
      householdId: input.householdId,
      visitLogId: input.visitLogId,
      category: draft.category,
      description: draft.description,
      routedGroupId: group?.id ?? null,
      raisedById: actor.userId,
      createdAt: now,
    })),
    select: { id: true },
  });
  // createManyAndReturn answers in the order of `data`.
  const ids = rows.map((r) => r.id);
  await recordAudits(
    tx,
    routed.map(({ draft, group }, i) => ({
      actorId: actor.userId,
      action: "raise:demand",
      entity: "demand",
      entityId: ids[i]!,
      projectId: input.projectId,
      after: {
        householdId: input.householdId,
        visitLogId: input.visitLogId,
        status: "OPEN",
        category: draft.category,
        routedGroupId: group?.id ?? null,
        groupName: group?.name ?? null,
      },
    })),
  );
  await notifyProjectChanged(tx, input.projectId, "demand");
  return ids;
}
