import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";

export const COVERAGE_RULE_MIN_DAYS = 1;
export const COVERAGE_RULE_MAX_DAYS = 365;

const ruleDays = z.coerce
  .number({ error: "coverage.errors.ruleDays" })
  .int({ error: "coverage.errors.ruleDays" })
  .min(COVERAGE_RULE_MIN_DAYS, { error: "coverage.errors.ruleDays" })
  .max(COVERAGE_RULE_MAX_DAYS, { error: "coverage.errors.ruleDays" });

export const ZUpdateCoverageRulesInput = z.object({
  projectId: z.uuid(),
  hardshipDays: ruleDays,
  unsignedDays: ruleDays,
  version: z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).positive({ error: "validation.invalid" }),
});

export type CoverageRulesResult = { hardshipDays: number; unsignedDays: number; version: number; changed: boolean };

/**
 * Rule: the project's secretary sets its coverage rules (五必访): hardship households at least
 * every N days, unsigned ones every M days, each 1–365. The form carries the project's version;
 * a project saved by someone else in between is CONFLICT, not overwritten. A change is audited
 * (before/after days) and announced as "coverage", since every due count moves with it; saving
 * the same days again changes nothing.
 */
export async function updateCoverageRules(actor: Actor, input: unknown): Promise<CoverageRulesResult> {
  requirePermission(actor, "update", "coverage");
  const data = parseInput(ZUpdateCoverageRulesInput, input);

  return db().$transaction(async (tx) => {
    const project = await tx.project.findFirst({
      where: { AND: [{ id: data.projectId }, projectScope(actor, "update", "coverage")] },
      select: { id: true, version: true, coverageHardshipDays: true, coverageUnsignedDays: true },
    });
    if (!project) throw new AppError("NOT_FOUND");
    if (project.version !== data.version)
      throw new AppError("CONFLICT", { detail: `project ${project.id} is at version ${project.version}` });
    if (project.coverageHardshipDays === data.hardshipDays && project.coverageUnsignedDays === data.unsignedDays)
      return { hardshipDays: data.hardshipDays, unsignedDays: data.unsignedDays, version: project.version, changed: false };

    const { count } = await tx.project.updateMany({
      where: { id: project.id, version: data.version },
      data: { coverageHardshipDays: data.hardshipDays, coverageUnsignedDays: data.unsignedDays, version: { increment: 1 } },
    });
    if (count !== 1) throw new AppError("CONFLICT", { detail: `project ${project.id} changed meanwhile` });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "update:coverage",
      entity: "project",
      entityId: project.id,
      projectId: project.id,
      before: { hardshipDays: project.coverageHardshipDays, unsignedDays: project.coverageUnsignedDays },
      after: { hardshipDays: data.hardshipDays, unsignedDays: data.unsignedDays },
    });
    await notifyProjectChanged(tx, project.id, "coverage");
    return { hardshipDays: data.hardshipDays, unsignedDays: data.unsignedDays, version: data.version + 1, changed: true };
  });
}
