import "server-only";
import { ZPolicyLine, type TPolicyLine } from "../../../domain/compensation.ts";
import type { CompensationStage, Prisma } from "../../../generated/prisma/client.ts";

/** What a policy's item rows are read with. */
export const policyItemSelect = {
  key: true,
  kind: true,
  label: true,
  params: true,
  position: true,
} satisfies Prisma.CompensationItemSelect;
type ItemRow = Prisma.CompensationItemGetPayload<{ select: typeof policyItemSelect }>;

/** Item rows (in position order) back into the domain's lines: every row goes through the
 *  domain's schema, so a row the schema would refuse fails loudly instead of estimating wrong. */
export function linesOf(items: readonly ItemRow[]): TPolicyLine[] {
  return [...items]
    .sort((a, b) => a.position - b.position)
    .map((item) => ZPolicyLine.parse({ ...(item.params as Record<string, unknown>), key: item.key, kind: item.kind, label: item.label }));
}

/** The domain's lines as item rows of one stage, in order. */
export function itemRowsOf(
  policyId: string,
  stage: CompensationStage,
  lines: readonly TPolicyLine[],
): Prisma.CompensationItemCreateManyInput[] {
  return lines.map(({ key, kind, label, ...params }, position) => ({
    policyId,
    stage,
    position,
    key,
    kind,
    label,
    params: params as Prisma.InputJsonObject,
  }));
}
