import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { readProjectFigures, type ProjectFigures } from "../figures/project-figures.ts";

const ZProjectId = z.object({ projectId: z.uuid() });

const projectSummarySelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  phase: true,
  district: true,
  street: true,
  countingUnit: true,
  signingStart: true,
  signingEnd: true,
  signingThreshold: true,
  agreementsEffectiveAt: true,
  signingFailedAt: true,
} satisfies Prisma.ProjectSelect;

export type ProjectSummary = Omit<Prisma.ProjectGetPayload<{ select: typeof projectSummarySelect }>, "signingThreshold"> & {
  figures: ProjectFigures;
};

/** One project's headline figures. A project outside the actor's scope is NOT_FOUND. */
export async function getProjectSummary(actor: Actor, input: unknown): Promise<ProjectSummary> {
  requirePermission(actor, "read", "project");
  const { projectId } = parseInput(ZProjectId, input);
  const project = await db().project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor)] },
    select: projectSummarySelect,
  });
  if (!project) throw new AppError("NOT_FOUND");
  const figures = await readProjectFigures([project]);
  const { signingThreshold: _threshold, ...rest } = project;
  return { ...rest, figures: figures.get(project.id)! };
}
