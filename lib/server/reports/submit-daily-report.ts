import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { parseInput } from "../../validation.ts";
import { writeDailyReport, type WrittenReport } from "./internal/write-report.ts";
import { ZDailyReportForm } from "./report-input.ts";

/**
 * Rule: the leader of a signing group (record:daily-report, their group) submits the day's report:
 * the figures stored are those counted from the rows at the moment of submitting, with the
 * leader's problems and tomorrow's plan (required). A submitted report is read-only; submitting
 * again corrects it as version n + 1 (the earlier one kept, shown as superseded). The form names
 * the version it writes: a second submit of the same form finds that version taken and is
 * refused with CONFLICT, so one version never has two rows. A day after today is VALIDATION; a
 * group out of scope NOT_FOUND. Audited as submit:daily-report (version 1) or
 * correct:daily-report (later versions, with the corrected version as "before").
 */
export async function submitDailyReport(actor: Actor, input: unknown): Promise<WrittenReport> {
  requirePermission(actor, "record", "daily-report");
  const data = parseInput(ZDailyReportForm, input);
  return writeDailyReport(actor, data, "submit");
}
