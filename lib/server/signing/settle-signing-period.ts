import "server-only";
import { z } from "zod";
import { calendarDayOf } from "../../domain/calendar-day.ts";
import { hasReachedThreshold, requiredForThreshold, thresholdBasisPoints } from "../../domain/rates.ts";
import { db } from "../../db.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { countHouseholdsByProject } from "../figures/count-in-transaction.ts";
import { lockProject, markEffective } from "./effectiveness.ts";
import { toWorkflowProject, workflowClock } from "./workflow.ts";

const ZSettleInput = z.object({ projectId: z.uuid(), now: z.date() });

export type SettleOutcome =
  /** The signing period has not ended yet (or has no end date, or the project is not signing). */
  | "OPEN"
  /** The agreements are effective. */
  | "EFFECTIVE"
  /** The period ended below the threshold: the agreements never take effect. */
  | "FAILED"
  /** Nobody is eligible: there is nothing to settle. */
  | "NO_HOUSEHOLDS";

/**
 * Rule: once a project's signing period has ended (its end date is before `now`'s day in the
 * deployment's time zone) and the signing rate did not reach the threshold, the project failed:
 * signingFailedAt is set and `fail:project` written, once — running it again changes nothing
 * (`changed: false`). After that no signing is accepted (the state machine refuses). A period
 * that ended with the threshold reached but never marked (rows that did not come through
 * recordSigning) is marked effective at the signing that reached it.
 *
 * A job of the system, not of a person: it takes no actor and is not reachable from any page or
 * action — scripts/settle-signing-periods.ts runs it.
 */
export async function settleSigningPeriod(projectId: string, now: Date): Promise<{ outcome: SettleOutcome; changed: boolean }> {
  parseInput(ZSettleInput, { projectId, now });
  const clock = workflowClock(now);
  return db().$transaction(async (tx) => {
    // The same lock recordSigning takes: a signing still in flight at midnight either commits
    // before this count or sees the failure and is refused.
    const project = await lockProject(tx, projectId);
    if (project.agreementsEffectiveAt) return { outcome: "EFFECTIVE" as const, changed: false };
    if (project.signingFailedAt) return { outcome: "FAILED" as const, changed: false };
    const period = toWorkflowProject(project);
    if (project.phase !== "SIGNING" || !period.signingEnd || calendarDayOf(now, clock.timeZone) <= period.signingEnd) {
      return { outcome: "OPEN" as const, changed: false };
    }

    const counts = (await countHouseholdsByProject(tx, [project.id])).get(project.id)!;
    if (counts.eligible === 0) return { outcome: "NO_HOUSEHOLDS" as const, changed: false };
    const thresholdBp = thresholdBasisPoints(project.signingThreshold);
    const required = requiredForThreshold(counts.eligible, thresholdBp);
    // From here on the project settles one way or the other.
    await notifyProjectChanged(tx, project.id, "settle");

    if (hasReachedThreshold(counts.signed, counts.eligible, thresholdBp)) {
      const [reaching] = await tx.$queryRaw<{ signedAt: Date }[]>`
        SELECT s."signedAt" FROM "Signing" s JOIN "Household" h ON h."id" = s."householdId"
        WHERE s."projectId" = ${project.id}::uuid AND NOT h."isExcluded"
        ORDER BY s."signedAt", s."id" OFFSET ${required - 1} LIMIT 1`;
      await markEffective(tx, project, {
        actorId: null,
        at: reaching!.signedAt,
        signed: counts.signed,
        eligible: counts.eligible,
        thresholdBp,
      });
      return { outcome: "EFFECTIVE" as const, changed: true };
    }

    await tx.project.update({ where: { id: project.id }, data: { signingFailedAt: now, version: { increment: 1 } }, select: { id: true } });
    await recordAudit(tx, {
      actorId: null,
      action: "fail:project",
      entity: "project",
      entityId: project.id,
      projectId: project.id,
      before: { signingFailedAt: null },
      after: {
        signingFailedAt: now.toISOString(),
        signingEnd: period.signingEnd,
        signed: counts.signed,
        eligible: counts.eligible,
        required,
      },
    });
    return { outcome: "FAILED" as const, changed: true };
  });
}
