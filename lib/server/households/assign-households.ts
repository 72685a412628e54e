import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { parseHouseholdListQuery, ZHouseholdFilter } from "./household-filter.ts";
import { scopedFilterWhere } from "./household-queries.ts";
import { moveHouseholds } from "./internal/move-households.ts";

/** Households named one by one (checkboxes in the list, or the household page). */
const MAX_SELECTION = 5000;
const NO_FILTER = ZHouseholdFilter.parse({});

const ids = z.preprocess(
  (value) => (value === undefined ? [] : Array.isArray(value) ? value : String(value).split(",").filter(Boolean)),
  z.array(z.uuid({ error: "validation.invalid" })).max(MAX_SELECTION, { error: "validation.invalid" }),
);

export const ZAssignHouseholdsInput = z.object({
  projectId: z.uuid(),
  groupId: z.uuid({ error: "households.errors.chooseGroup" }),
  /** selection: the ticked households · building: every household of one building · filter: the list's current filter. */
  mode: z.enum(["selection", "building", "filter"], { error: "validation.required" }),
  householdIds: ids,
  building: z.string().trim().max(100).optional(),
  /** The list's query string (without "?"), for mode "filter". */
  filter: z.string().max(2000).optional(),
});
export type TAssignHouseholdsInput = z.infer<typeof ZAssignHouseholdsInput>;

export type AssignHouseholdsResult = {
  groupName: string;
  /** Households that changed group (one audit event each). */
  moved: number;
  /** Households that matched but were in that group already (no event). */
  alreadyInGroup: number;
};

/**
 * Rule: secretaries assign households of their project to one of its SIGNING groups — one by
 * one, by selection, by building, or everything the list's current filter shows. A target that is
 * not a signing group of the same project is NOT_FOUND. All of one request happens in one
 * transaction: each household that actually moves gets its version bumped and one
 * `assign:household` audit event (before/after { signingGroupId, signingGroupName }); households
 * already in the group are counted but not touched. A household changed by someone else during
 * the assignment makes the whole assignment fail with CONFLICT, leaving everything as it was.
 */
export async function assignHouseholds(actor: Actor, input: unknown): Promise<AssignHouseholdsResult> {
  requirePermission(actor, "assign", "household");
  const data = parseInput(ZAssignHouseholdsInput, input);

  const scopeFilter = (() => {
    switch (data.mode) {
      case "selection":
        if (data.householdIds.length === 0)
          throw new AppError("VALIDATION", { fieldErrors: { householdIds: ["households.errors.selectHouseholds"] } });
        return { householdFilter: NO_FILTER, extra: { id: { in: data.householdIds } } satisfies Prisma.HouseholdWhereInput };
      case "building":
        if (!data.building) throw new AppError("VALIDATION", { fieldErrors: { building: ["households.errors.chooseBuilding"] } });
        return { householdFilter: NO_FILTER, extra: { building: data.building } satisfies Prisma.HouseholdWhereInput };
      case "filter":
        return { householdFilter: parseHouseholdListQuery(new URLSearchParams(data.filter ?? "")), extra: {} };
    }
  })();
  const where: Prisma.HouseholdWhereInput = {
    AND: [await scopedFilterWhere(actor, "assign", data.projectId, scopeFilter.householdFilter), scopeFilter.extra],
  };

  return db().$transaction(
    async (tx) => {
      // Unknown group, a special group, another project's group, or a project the actor does not manage.
      const target = await tx.workingGroup.findFirst({
        where: { id: data.groupId, projectId: data.projectId, kind: "SIGNING", project: projectScope(actor, "assign", "household") },
        select: { id: true, name: true },
      });
      if (!target) throw new AppError("NOT_FOUND");

      const matching = await tx.household.findMany({
        where,
        select: { id: true, version: true, signingGroupId: true, signingGroup: { select: { name: true } } },
        orderBy: { code: "asc" },
      });
      if (data.mode === "selection" && matching.length !== new Set(data.householdIds).size) throw new AppError("NOT_FOUND");
      const toMove = matching.filter((h) => h.signingGroupId !== target.id);

      if (toMove.length > 0) {
        await moveHouseholds(tx, {
          actorId: actor.userId,
          projectId: data.projectId,
          households: toMove.map((h) => ({
            id: h.id,
            version: h.version,
            signingGroupId: h.signingGroupId,
            signingGroupName: h.signingGroup?.name ?? null,
          })),
          target,
        });
        await notifyProjectChanged(tx, data.projectId, "assignment");
      }
      return { groupName: target.name, moved: toMove.length, alreadyInGroup: matching.length - toMove.length };
    },
    // A filter may cover a whole project (5,000 households): give it time.
    { timeout: 120_000, maxWait: 10_000 },
  );
}
