import "server-only";
import { calendarDayOf } from "../../domain/calendar-day.ts";
import { db } from "../../db.ts";
import { settleSigningPeriod, type SettleOutcome } from "./settle-signing-period.ts";
import { workflowClock } from "./workflow.ts";

/** Rule: settles every project whose signing period ended before `now`'s day and which is neither
 *  effective nor failed yet (see settleSigningPeriod). Idempotent; a scheduler runs it daily
 *  after midnight through scripts/settle-signing-periods.ts. */
export async function settleDueSigningPeriods(
  now: Date,
): Promise<{ projectId: string; code: string; outcome: SettleOutcome; changed: boolean }[]> {
  const today = calendarDayOf(now, workflowClock(now).timeZone);
  const due = await db().project.findMany({
    where: {
      phase: "SIGNING",
      agreementsEffectiveAt: null,
      signingFailedAt: null,
      signingEnd: { lt: new Date(`${today}T00:00:00Z`) },
    },
    select: { id: true, code: true },
    orderBy: { code: "asc" },
  });
  const results = [];
  for (const project of due) {
    results.push({ projectId: project.id, code: project.code, ...(await settleSigningPeriod(project.id, now)) });
  }
  return results;
}
