import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import type { TPolicyLine } from "../../domain/compensation.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { linesOf, policyItemSelect } from "./internal/policy-lines.ts";

export const ZGetCompensationPolicyInput = z.object({ projectId: z.uuid() });

export type CompensationPolicyView = {
  projectId: string;
  projectName: string;
  /** The draft's version to save or publish against; 0 while the project has no policy yet. */
  version: number;
  publishedVersion: number | null;
  publishedAt: Date | null;
  /** The draft differs from what residents see (or nothing is published yet). */
  hasUnpublishedChanges: boolean;
  draft: TPolicyLine[];
  published: TPolicyLine[] | null;
};

/** Rule: the project's secretary and district officials read the policy, draft and published. */
export async function getCompensationPolicy(actor: Actor, input: unknown): Promise<CompensationPolicyView> {
  requirePermission(actor, "read", "compensation");
  const { projectId } = parseInput(ZGetCompensationPolicyInput, input);
  const project = await db().project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor, "read", "compensation")] },
    select: {
      id: true,
      name: true,
      compensationPolicy: {
        select: { version: true, publishedVersion: true, publishedAt: true, items: { select: { ...policyItemSelect, stage: true } } },
      },
    },
  });
  if (!project) throw new AppError("NOT_FOUND");
  const policy = project.compensationPolicy;
  if (!policy) {
    return {
      projectId: project.id,
      projectName: project.name,
      version: 0,
      publishedVersion: null,
      publishedAt: null,
      hasUnpublishedChanges: true,
      draft: [],
      published: null,
    };
  }
  return {
    projectId: project.id,
    projectName: project.name,
    version: policy.version,
    publishedVersion: policy.publishedVersion,
    publishedAt: policy.publishedAt,
    hasUnpublishedChanges: policy.publishedVersion !== policy.version,
    draft: linesOf(policy.items.filter((i) => i.stage === "DRAFT")),
    published: policy.publishedVersion === null ? null : linesOf(policy.items.filter((i) => i.stage === "PUBLISHED")),
  };
}
