import "server-only";
// Saving and submitting share one path: find the group in the actor's record scope, check that
// the form writes the version the day is at, count the figures inside the transaction, write,
// audit. A submitted version is never written again; a correction is the next version.
import type { Actor } from "../../../auth/actor-types.ts";
import { dailyReportGroupScope } from "../../../auth/scope.ts";
import { db } from "../../../db.ts";
import { AppError } from "../../../errors.ts";
import { isUniqueViolation } from "../../../prisma-errors.ts";
import { recordAudit } from "../../audit.ts";
import { reportTimeZone, type TDailyReportForm } from "../report-input.ts";
import { readReportFigures, reportFiguresSelect } from "./report-rows.ts";

export type WrittenReport = { id: string; version: number; groupName: string; reportDate: string; status: "DRAFT" | "SUBMITTED" };

export async function writeDailyReport(actor: Actor, data: TDailyReportForm, mode: "save" | "submit"): Promise<WrittenReport> {
  if (mode === "submit" && data.nextPlan === null)
    throw new AppError("VALIDATION", { fieldErrors: { nextPlan: ["reports.errors.planRequired"] } });
  const timeZone = reportTimeZone();
  const reportDate = new Date(`${data.reportDate}T00:00:00Z`);
  try {
    return await db().$transaction(async (tx) => {
      const group = await tx.workingGroup.findFirst({
        where: { AND: [{ id: data.groupId, projectId: data.projectId }, dailyReportGroupScope(actor, "record")] },
        select: { id: true, name: true, projectId: true },
      });
      if (!group) throw new AppError("NOT_FOUND");

      const latest = await tx.dailyReport.findFirst({
        where: { groupId: group.id, reportDate },
        select: { id: true, version: true, status: true, problems: true, nextPlan: true, ...reportFiguresSelect },
        orderBy: { version: "desc" },
      });
      const writing = latest === null ? 1 : latest.status === "SUBMITTED" ? latest.version + 1 : latest.version;
      // The form was rendered for another version: someone submitted (or corrected) meanwhile.
      if (data.version !== writing) throw new AppError("CONFLICT");

      const figures = (await readReportFigures(tx, group.projectId, [group.id], data.reportDate, timeZone)).get(group.id)!;
      const now = new Date();
      const fields = {
        ...figures,
        problems: data.problems,
        nextPlan: data.nextPlan,
        authorId: actor.userId,
        status: mode === "submit" ? ("SUBMITTED" as const) : ("DRAFT" as const),
        submittedAt: mode === "submit" ? now : null,
      };
      let id: string;
      if (latest && latest.status === "DRAFT") {
        // Only a draft is written over; a submit that lost the race finds it submitted.
        const updated = await tx.dailyReport.updateMany({ where: { id: latest.id, status: "DRAFT" }, data: fields });
        if (updated.count === 0) throw new AppError("CONFLICT");
        id = latest.id;
      } else {
        const created = await tx.dailyReport.create({
          data: { ...fields, projectId: group.projectId, groupId: group.id, reportDate, version: writing },
          select: { id: true },
        });
        id = created.id;
      }

      const previous =
        writing > 1
          ? await tx.dailyReport.findUnique({
              where: { groupId_reportDate_version: { groupId: group.id, reportDate, version: writing - 1 } },
              select: { problems: true, nextPlan: true, ...reportFiguresSelect },
            })
          : null;
      await recordAudit(tx, {
        actorId: actor.userId,
        action: mode === "save" ? "save:daily-report" : writing === 1 ? "submit:daily-report" : "correct:daily-report",
        entity: "daily-report",
        entityId: id,
        projectId: group.projectId,
        before: previous ? { version: writing - 1, ...previous } : undefined,
        after: {
          groupId: group.id,
          reportDate: data.reportDate,
          version: writing,
          status: fields.status,
          ...figures,
          problems: data.problems,
          nextPlan: data.nextPlan,
        },
      });
      return { id, version: writing, groupName: group.name, reportDate: data.reportDate, status: fields.status };
    });
  } catch (error) {
    // Two first submits of one day at once: the second hits (groupId, reportDate, version).
    if (isUniqueViolation(error)) throw new AppError("CONFLICT");
    throw error;
  }
}
