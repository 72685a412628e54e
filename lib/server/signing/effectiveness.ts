import "server-only";
// Agreements are pending until the project's signing rate reaches its threshold; the
// transaction whose change reaches it marks the project effective (DOMAIN.md "effective").
//
// Why the Project row is locked (SELECT … FOR NO KEY UPDATE) rather than trusting each transaction's
// own count: under READ COMMITTED two signings that commit at the same moment each see only
// the other's *committed* rows, so both could count threshold − 1 and neither would mark the
// project. Every transaction that can change the count takes this lock after its own write and
// only then counts. The lock holders run one after the other, and each count is a new statement
// that sees everything committed before it, so the transaction that completes the threshold sees
// exactly the threshold and marks it once. A row lock on the real Project row (not an advisory
// lock keyed by a hash) also serialises against edits of the project itself — a threshold or
// date changed mid-check — and against settleSigningPeriod. NO KEY UPDATE, not FOR UPDATE:
// inserting a Signing already holds a KEY SHARE lock on its project through the foreign key,
// which FOR UPDATE would wait for — two signings would deadlock; NO KEY UPDATE does not conflict
// with KEY SHARE but does with itself. See docs/decisions/006.
import { signingDeskRefusal, type WorkflowClock } from "../../domain/household-workflow.ts";
import { formatPercent, hasReachedThreshold, ratio, requiredForThreshold, thresholdBasisPoints } from "../../domain/rates.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { recordAudit } from "../audit.ts";
import { countHouseholdsByProject } from "../figures/count-in-transaction.ts";
import { toWorkflowProject, workflowProjectSelect } from "./workflow.ts";

export type LockedProject = Prisma.ProjectGetPayload<{ select: typeof workflowProjectSelect }>;

/** Locks the project row until the transaction ends and returns it as committed now; NOT_FOUND
 *  when there is no such project. */
export async function lockProject(tx: Prisma.TransactionClient, projectId: string): Promise<LockedProject> {
  const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Project" WHERE "id" = ${projectId}::uuid FOR NO KEY UPDATE`;
  if (locked.length === 0) throw new AppError("NOT_FOUND");
  // A new statement after the lock: READ COMMITTED shows the latest committed row.
  return tx.project.findUniqueOrThrow({ where: { id: projectId }, select: workflowProjectSelect });
}

/**
 * With the project locked: if the signing period is open, the agreements are still pending and
 * the signing rate has now reached the threshold, marks them effective at `clock.now` and writes
 * `effective:project`. Returns whether it did.
 */
export async function markEffectiveIfReached(
  tx: Prisma.TransactionClient,
  project: LockedProject,
  actorId: string | null,
  clock: WorkflowClock,
): Promise<boolean> {
  if (project.agreementsEffectiveAt || signingDeskRefusal(toWorkflowProject(project), clock) !== null) return false;
  const counts = (await countHouseholdsByProject(tx, [project.id])).get(project.id)!;
  const thresholdBp = thresholdBasisPoints(project.signingThreshold);
  if (!hasReachedThreshold(counts.signed, counts.eligible, thresholdBp)) return false;
  await markEffective(tx, project, { actorId, at: clock.now, signed: counts.signed, eligible: counts.eligible, thresholdBp });
  return true;
}

/** Sets agreementsEffectiveAt and writes `effective:project` with the figures it rests on. */
export async function markEffective(
  tx: Prisma.TransactionClient,
  project: Pick<LockedProject, "id">,
  facts: { actorId: string | null; at: Date; signed: number; eligible: number; thresholdBp: number },
): Promise<void> {
  await tx.project.update({
    where: { id: project.id },
    data: { agreementsEffectiveAt: facts.at, version: { increment: 1 } },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: facts.actorId,
    action: "effective:project",
    entity: "project",
    entityId: project.id,
    projectId: project.id,
    before: { agreementsEffectiveAt: null },
    after: {
      agreementsEffectiveAt: facts.at.toISOString(),
      signed: facts.signed,
      eligible: facts.eligible,
      required: requiredForThreshold(facts.eligible, facts.thresholdBp),
      signingRate: formatPercent(ratio(facts.signed, facts.eligible)),
      signingThreshold: formatPercent(ratio(facts.thresholdBp, 10000)),
    },
  });
}
