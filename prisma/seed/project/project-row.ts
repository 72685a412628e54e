// The project row itself, and the phase it is in when the options do not say.

import type { ProjectPhase } from "../../../lib/generated/prisma/enums.ts";
import type { PlanContext } from "./context.ts";
import type { ProjectOrganisation } from "./organisation.ts";
import type { SigningOutcome } from "./signings.ts";

/** The phase the schedule and the figures imply; a signing that failed stays in SIGNING. */
export function derivePhase(ctx: PlanContext, { signingFailedAt, effectiveAt }: SigningOutcome, allMovedOut: boolean): ProjectPhase {
  const { noticeStart, consultationStart, signingStart, signingEnd } = ctx.schedule;
  if (allMovedOut) return "CLEARED";
  if (signingFailedAt) return "SIGNING";
  if (signingEnd < 0 && effectiveAt) return "RELOCATION";
  if (signingStart <= 0) return "SIGNING";
  if (consultationStart <= 0) return "FIRST_CONSULTATION";
  if (noticeStart <= 0) return "NOTICE";
  return "PREPARATION";
}

export function planProjectRow(ctx: PlanContext, org: ProjectOrganisation, phase: ProjectPhase, signings: SigningOutcome): void {
  const { cal, options, style, setupAt } = ctx;
  const { noticeStart, noticeEnd, consultationStart, consultationEnd, signingStart, signingEnd } = ctx.schedule;
  ctx.plan.projects.push({
    id: org.projectId,
    code: ctx.code,
    name: ctx.name,
    kind: ctx.kind,
    district: ctx.district,
    street: ctx.street,
    phase,
    noticeStart: cal.date(noticeStart),
    noticeEnd: cal.date(noticeEnd),
    consultationStart: cal.date(consultationStart),
    consultationEnd: cal.date(consultationEnd),
    signingStart: cal.date(signingStart),
    signingEnd: cal.date(signingEnd),
    firstRoundThreshold: signingThresholdString(ctx.firstRoundThreshold),
    signingThreshold: signingThresholdString(ctx.signingThreshold),
    countingUnit: options.countingUnit ?? (style === "LANE" ? "CERTIFICATE" : style === "ESTATE" ? "DWELLING" : "HOUSEHOLD"),
    isPublished: options.isPublished ?? true,
    agreementsEffectiveAt: signings.effectiveAt,
    signingFailedAt: signings.signingFailedAt,
    createdAt: new Date(setupAt),
    updatedAt: new Date(setupAt),
  });
}

function signingThresholdString(share: number): string {
  if (!(share > 0 && share <= 1)) throw new RangeError(`threshold must be in (0, 1], got ${share}`);
  return share.toFixed(4);
}
