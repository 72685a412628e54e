import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { grantedScopes, requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";

export const ZProgressStreamInput = z.object({
  /** Absent: the district overview stream (every project). */
  projectId: z.uuid().optional(),
});

/** Which project's events a stream carries; null = every project (the district overview). */
export type ProgressStreamScope = { projectId: string | null };

/**
 * Rule: a project's live stream is open to the staff who may read the project (out of scope =
 * not found); the district overview stream, which carries every project's events, only to those
 * who may read all projects (district officials). Residents read their project but not its
 * stream: it tells, to the second, when any household of the project is signed or moved out.
 */
export async function authorizeProgressStream(actor: Actor, input: unknown): Promise<ProgressStreamScope> {
  requirePermission(actor, "read", "project");
  if (actor.role === "RESIDENT") throw new AppError("FORBIDDEN", { detail: "live streams are for staff" });
  const { projectId } = parseInput(ZProgressStreamInput, input);
  if (!projectId) {
    if (!grantedScopes(actor, "read", "project").includes("all")) throw new AppError("FORBIDDEN", { detail: "overview stream" });
    return { projectId: null };
  }
  const project = await db().project.findFirst({ where: { AND: [{ id: projectId }, projectScope(actor)] }, select: { id: true } });
  if (!project) throw new AppError("NOT_FOUND");
  return { projectId: project.id };
}
