import "server-only";
import { db, type PrismaClient } from "../../../db.ts";
import type { ProjectCounts } from "../../../domain/dashboard.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { FIELD_WORK_KINDS } from "../../live/progress-event.ts";
import { readPerProject } from "./figure-cache.ts";

const ZERO: ProjectCounts = { eligible: 0, signed: 0, movedOut: 0, agreed: 0 };

/** The raw counts behind every project figure, for many projects in one grouped scan.
 *  Excluded households count nowhere. Both tables are narrowed to the projects (a signing and its
 *  household share the project), or for one project the planner scans every signing of the
 *  district (docs/benchmarks.md). */
export async function countHouseholdsByProject(
  client: PrismaClient | Prisma.TransactionClient,
  projectIds: string[],
): Promise<Map<string, ProjectCounts>> {
  const result = new Map<string, ProjectCounts>(projectIds.map((id) => [id, { ...ZERO }]));
  if (projectIds.length === 0) return result;
  const rows = await client.$queryRaw<{ projectId: string; eligible: number; signed: number; movedOut: number; agreed: number }[]>`
    SELECT h."projectId",
           count(*)::int AS "eligible",
           count(s."id")::int AS "signed",
           count(*) FILTER (WHERE h."movedOutAt" IS NOT NULL)::int AS "movedOut",
           count(*) FILTER (WHERE h."firstRoundVote" = 'AGREE')::int AS "agreed"
    FROM "Household" h
    LEFT JOIN "Signing" s ON s."householdId" = h."id" AND s."projectId" = ANY(${projectIds}::uuid[])
    WHERE h."projectId" = ANY(${projectIds}::uuid[]) AND NOT h."isExcluded"
    GROUP BY h."projectId"`;
  for (const row of rows) {
    result.set(row.projectId, { eligible: row.eligible, signed: row.signed, movedOut: row.movedOut, agreed: row.agreed });
  }
  return result;
}

/** countHouseholdsByProject for pages, through the figure cache. Writes count inside their
 *  transaction with countHouseholdsByProject (../count-in-transaction.ts). Only ids of existing
 *  projects. */
export function readHouseholdCounts(projectIds: readonly string[]): Promise<Map<string, ProjectCounts>> {
  return readPerProject("counts", projectIds, (missing) => countHouseholdsByProject(db(), missing), { unchangedBy: FIELD_WORK_KINDS });
}
