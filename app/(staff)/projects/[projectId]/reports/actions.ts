"use server";

import { formField, runAction, type ActionState } from "@/lib/server/action";
import { saveDailyReport } from "@/lib/server/reports/save-daily-report";
import { submitDailyReport } from "@/lib/server/reports/submit-daily-report";

/** The leader's form: "save" keeps the draft's text, "submit" stores the report (or its correction). */
export async function dailyReportAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  const id = formField(formData, "projectId");
  const useCase = formField(formData, "intent") === "save" ? saveDailyReport : submitDailyReport;
  return runAction(formData, useCase, {
    revalidate: [`/projects/${id}/reports`],
    success: (result, t) =>
      result.status === "DRAFT"
        ? t("reports.form.saved")
        : t(result.version === 1 ? "reports.form.submitted" : "reports.form.corrected", {
            group: result.groupName,
            day: result.reportDate,
            version: result.version,
          }),
  });
}
