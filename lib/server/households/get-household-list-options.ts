import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { householdScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { parseInput } from "../../validation.ts";
import { findProjectInScope, requireStaffReadScope } from "./household-queries.ts";

const ZInput = z.object({ projectId: z.uuid() });

export type HouseholdListOptions = {
  /** The project's signing groups (filter choices and assignment targets). */
  signingGroups: { id: string; name: string }[];
  /** Buildings of the households the actor may read, for the building filter. */
  buildings: string[];
};

/** Rule: the choices of the household list's filters: the project's signing groups and the
 *  buildings among the households in the actor's read scope. Project out of reach: NOT_FOUND. */
export async function getHouseholdListOptions(actor: Actor, input: unknown): Promise<HouseholdListOptions> {
  requireStaffReadScope(actor);
  const { projectId } = parseInput(ZInput, input);
  await findProjectInScope(actor, projectId);
  const [groups, buildings] = await Promise.all([
    db().workingGroup.findMany({
      where: { projectId, kind: "SIGNING" },
      select: { id: true, name: true },
      orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    }),
    db().household.findMany({
      where: { AND: [householdScope(actor), { projectId }] },
      select: { building: true },
      distinct: ["building"],
      orderBy: { building: "asc" },
    }),
  ]);
  return { signingGroups: groups, buildings: buildings.map((b) => b.building) };
}
