// The compensation policy (征收补偿方案) and its items, published with the notice.

import type { PlanContext } from "./context.ts";
import { money } from "./helpers.ts";

export function planCompensationPolicy(ctx: PlanContext, projectId: string): void {
  const { cal, compensation } = ctx;
  const { noticeStart, signingEnd } = ctx.schedule;
  const policyId = ctx.id(cal.at(noticeStart, 9).getTime());
  const relocationEnd = signingEnd + ctx.relocationDays;
  ctx.plan.policies.push({
    id: policyId,
    projectId,
    name: compensation.name,
    guaranteedMinimum: compensation.guaranteedMinimum === undefined ? null : money(compensation.guaranteedMinimum),
    publishedAt: noticeStart <= -1 ? cal.at(noticeStart, 9) : null,
    createdAt: cal.at(noticeStart - 3, 10),
  });
  compensation.items.forEach((item, k) => {
    ctx.plan.compensationItems.push({
      id: ctx.id(cal.at(noticeStart, 9).getTime()),
      policyId,
      kind: item.kind,
      label: item.label,
      // The valuation item's amount is the mean price per m²; each household's own price is in its determination.
      amount:
        item.kind === "VALUATION_TIMES_AREA" ? money(compensation.valuationPerSqm) : item.amount === undefined ? null : money(item.amount),
      rate: item.rate === undefined ? null : item.rate.toFixed(4),
      deadline:
        item.deadline === "SIGNING_END" ? cal.at(signingEnd, 24) : item.deadline === "RELOCATION_END" ? cal.at(relocationEnd, 24) : null,
      sortOrder: k + 1,
    });
  });
}
