import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { createTranslator, DEFAULT_LOCALE } from "../../i18n/translate.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { insertPublishedNotice } from "../notices/internal/insert-notice.ts";
import { itemRowsOf, linesOf, policyItemSelect } from "./internal/policy-lines.ts";

export const ZPublishCompensationPolicyInput = z.object({ projectId: z.uuid(), version: z.coerce.number().int().min(1) });

/**
 * Rule: the project's secretary publishes the draft the screen showed (its version; a draft
 * saved in between → CONFLICT): its lines become the copy residents' estimates read, replacing
 * the one published before (which stays in the audit event's `before`). An empty draft is not
 * published. The publication is also a POLICY notice (公告公示), published at the same moment,
 * listing the lines in order, in the project's language (the portal's default): residents and
 * the public read of a new scheme where they read every notice. Audited in the same transaction.
 */
export async function publishCompensationPolicy(actor: Actor, input: unknown): Promise<{ publishedAt: Date }> {
  requirePermission(actor, "manage", "compensation");
  const { projectId, version } = parseInput(ZPublishCompensationPolicyInput, input);
  return db().$transaction(async (tx) => {
    const policy = await tx.compensationPolicy.findFirst({
      where: { projectId, project: projectScope(actor, "manage", "compensation") },
      select: { id: true, project: { select: { name: true } } },
    });
    if (!policy) throw new AppError("NOT_FOUND");
    const publishedAt = new Date();
    const { count } = await tx.compensationPolicy.updateMany({
      where: { id: policy.id, version },
      data: { publishedVersion: version, publishedAt },
    });
    if (count === 0) throw new AppError("CONFLICT");
    const draft = linesOf(await tx.compensationItem.findMany({ where: { policyId: policy.id, stage: "DRAFT" }, select: policyItemSelect }));
    if (draft.length === 0) throw new AppError("VALIDATION", { fieldErrors: { _form: ["compensation.errors.emptyPolicy"] } });
    const before = linesOf(
      await tx.compensationItem.findMany({ where: { policyId: policy.id, stage: "PUBLISHED" }, select: policyItemSelect }),
    );
    await tx.compensationItem.deleteMany({ where: { policyId: policy.id, stage: "PUBLISHED" } });
    await tx.compensationItem.createMany({ data: itemRowsOf(policy.id, "PUBLISHED", draft) });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "publish:compensation",
      entity: "CompensationPolicy",
      entityId: policy.id,
      projectId,
      before: { lines: before } as unknown as Prisma.InputJsonObject,
      after: { version, lines: draft } as unknown as Prisma.InputJsonObject,
    });
    const t = createTranslator(DEFAULT_LOCALE);
    await insertPublishedNotice(tx, actor, {
      projectId,
      kind: "POLICY",
      title: t("notices.generated.policyTitle", { project: policy.project.name, version }),
      body: [
        t("notices.generated.policyIntro", { project: policy.project.name }),
        ...draft.map((line, i) =>
          t("notices.generated.policyLine", { n: i + 1, label: line.label, kind: t(`compensation.kinds.${line.kind}`) }),
        ),
        t("notices.generated.policyOutro"),
      ].join("\n"),
      publishedAt,
    });
    return { publishedAt };
  });
}
