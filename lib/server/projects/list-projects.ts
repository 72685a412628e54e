import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { readProjectFigures, type ProjectFigures } from "../figures/project-figures.ts";

const projectListSelect = {
  id: true,
  code: true,
  name: true,
  kind: true,
  phase: true,
  district: true,
  street: true,
  countingUnit: true,
  signingThreshold: true,
} satisfies Prisma.ProjectSelect;

export type ProjectListItem = Omit<Prisma.ProjectGetPayload<{ select: typeof projectListSelect }>, "signingThreshold"> & {
  figures: ProjectFigures;
};

/** The projects the actor may see (all of them for district officials), with headline figures. */
export async function listProjects(actor: Actor): Promise<ProjectListItem[]> {
  requirePermission(actor, "read", "project");
  const projects = await db().project.findMany({
    where: projectScope(actor),
    select: projectListSelect,
    orderBy: [{ district: "asc" }, { code: "asc" }],
  });
  const figures = await readProjectFigures(projects);
  return projects.map(({ signingThreshold: _threshold, ...project }) => ({
    ...project,
    figures: figures.get(project.id)!,
  }));
}
