import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { PROJECT_PHASES, phaseChangeRefusal, type ProjectPhase } from "../../domain/project-phase.ts";
import { isCleared } from "../../domain/rates.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { countHouseholdsByProject } from "../figures/count-in-transaction.ts";

export const ZChangeProjectPhaseInput = z.object({
  projectId: z.uuid(),
  toPhase: z.enum(PROJECT_PHASES),
  version: z.coerce.number().int().positive(),
});

/** Rule: phases move forward one step at a time (lib/domain/project-phase.ts); signing needs a
 *  signing period, relocation needs effective agreements, cleared needs every eligible household
 *  moved out. Refusals name the reason (VALIDATION with a form message key). */
export async function changeProjectPhase(actor: Actor, input: unknown): Promise<{ phase: ProjectPhase }> {
  requirePermission(actor, "update", "project");
  const { projectId, toPhase, version } = parseInput(ZChangeProjectPhaseInput, input);

  return db().$transaction(async (tx) => {
    const project = await tx.project.findFirst({
      where: { AND: [{ id: projectId }, projectScope(actor, "update")] },
      select: { id: true, phase: true, signingStart: true, signingEnd: true, agreementsEffectiveAt: true },
    });
    if (!project) throw new AppError("NOT_FOUND");
    const counts = (await countHouseholdsByProject(tx, [projectId])).get(projectId)!;
    const refusal = phaseChangeRefusal(project.phase, toPhase, {
      hasSigningPeriod: project.signingStart !== null && project.signingEnd !== null,
      isEffective: project.agreementsEffectiveAt !== null,
      isCleared: isCleared(counts.movedOut, counts.eligible),
    });
    if (refusal) throw new AppError("VALIDATION", { fieldErrors: { _form: [`setup.phaseRefusal.${refusal}`] } });

    const { count } = await tx.project.updateMany({
      where: { id: projectId, version, phase: project.phase },
      data: { phase: toPhase, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "change:project-phase",
      entity: "project",
      entityId: projectId,
      projectId,
      before: { phase: project.phase },
      after: { phase: toPhase },
    });
    return { phase: toPhase };
  });
}
