import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { parseInput } from "../../validation.ts";
import { writeDailyReport, type WrittenReport } from "./internal/write-report.ts";
import { ZDailyReportForm } from "./report-input.ts";

/**
 * Rule: the leader of a signing group (record:daily-report) keeps what they have written of the
 * day's report (problems, tomorrow's plan, ≤ 2,000 characters each) without submitting it. It is
 * stored as the draft of the version being written; a submitted version is read-only (CONFLICT),
 * and a form rendered for another version is refused (CONFLICT). Audited as save:daily-report.
 */
export async function saveDailyReport(actor: Actor, input: unknown): Promise<WrittenReport> {
  requirePermission(actor, "record", "daily-report");
  const data = parseInput(ZDailyReportForm, input);
  return writeDailyReport(actor, data, "save");
}
