import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { MAX_POLICY_LINES, ZCompensationPolicy, ZPolicyLine } from "../../domain/compensation.ts";
import { AppError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { itemRowsOf, linesOf, policyItemSelect } from "./internal/policy-lines.ts";

export const ZSaveCompensationDraftInput = z.object({
  projectId: z.uuid(),
  /** The version the editor showed (0: the project had no policy yet). */
  version: z.coerce.number().int().min(0),
  /** The lines in order; from a form, as one JSON field (the editor's whole list). */
  lines: z.preprocess(
    (value) => (typeof value === "string" ? parseJson(value) : value),
    z.array(ZPolicyLine, { error: "compensation.errors.lines" }).max(MAX_POLICY_LINES, { error: "compensation.errors.tooManyLines" }),
  ),
});

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Rule: the project's secretary saves the policy's draft — the whole ordered list of lines,
 * valid as ZCompensationPolicy defines (references only to earlier lines, percentages 0–100,
 * tiers in date order) — against the version the editor showed: a draft saved by someone else in
 * between is refused (CONFLICT), never overwritten. Residents keep seeing the published copy.
 * The lines before and after are the audit event, in the same transaction.
 */
export async function saveCompensationDraft(actor: Actor, input: unknown): Promise<{ version: number }> {
  requirePermission(actor, "update", "compensation");
  const parsed = parseInput(ZSaveCompensationDraftInput, input);
  // The order rules (earlier references, unique keys) are the policy's, across lines.
  const { lines } = parseInput(ZCompensationPolicy, { lines: parsed.lines });
  const { projectId, version } = parsed;

  try {
    return await db().$transaction(async (tx) => {
      const project = await tx.project.findFirst({
        where: { AND: [{ id: projectId }, projectScope(actor, "update", "compensation")] },
        select: { id: true, compensationPolicy: { select: { id: true } } },
      });
      if (!project) throw new AppError("NOT_FOUND");
      let policyId: string;
      let before: unknown[] = [];
      if (version === 0) {
        // A first save; a concurrent first save loses on the unique projectId (P2002 → CONFLICT).
        if (project.compensationPolicy) throw new AppError("CONFLICT");
        policyId = (await tx.compensationPolicy.create({ data: { projectId, version: 1 }, select: { id: true } })).id;
      } else {
        const { count } = await tx.compensationPolicy.updateMany({ where: { projectId, version }, data: { version: { increment: 1 } } });
        if (count === 0) throw new AppError("CONFLICT");
        policyId = project.compensationPolicy!.id;
        before = linesOf(await tx.compensationItem.findMany({ where: { policyId, stage: "DRAFT" }, select: policyItemSelect }));
        await tx.compensationItem.deleteMany({ where: { policyId, stage: "DRAFT" } });
      }
      if (lines.length > 0) await tx.compensationItem.createMany({ data: itemRowsOf(policyId, "DRAFT", lines) });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "update:compensation",
        entity: "CompensationPolicy",
        entityId: policyId,
        projectId,
        before: { version, lines: before } as Prisma.InputJsonObject,
        after: { version: version + 1, lines } as unknown as Prisma.InputJsonObject,
      });
      return { version: version + 1 };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new AppError("CONFLICT");
    throw error;
  }
}
