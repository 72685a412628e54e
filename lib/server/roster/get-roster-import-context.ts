import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";

const ZProjectId = z.object({ projectId: z.uuid() });

const contextSelect = {
  id: true,
  code: true,
  name: true,
  workingGroups: { where: { kind: "SIGNING" }, select: { name: true }, orderBy: [{ createdAt: "asc" }, { name: "asc" }] },
  _count: { select: { households: true } },
} satisfies Prisma.ProjectSelect;

export type RosterImportContext = {
  id: string;
  code: string;
  name: string;
  /** Names the roster's 签约小组 column may use. */
  signingGroupNames: string[];
  householdCount: number;
};

/** Rule: what the import page shows, for those who may import the project's roster
 *  (import:household); anyone else gets FORBIDDEN, a project outside their scope NOT_FOUND. */
export async function getRosterImportContext(actor: Actor, input: unknown): Promise<RosterImportContext> {
  requirePermission(actor, "import", "household");
  const { projectId } = parseInput(ZProjectId, input);
  const project = await db().project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor, "import", "household")] },
    select: contextSelect,
  });
  if (!project) throw new AppError("NOT_FOUND");
  return {
    id: project.id,
    code: project.code,
    name: project.name,
    signingGroupNames: project.workingGroups.map((g) => g.name),
    householdCount: project._count.households,
  };
}
