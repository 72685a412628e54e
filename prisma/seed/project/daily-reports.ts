// Daily reports (每日一汇报): each signing group leader's evening report of the day's signings
// and visits, for every day of the leader stand-ups.

import * as texts from "../texts.ts";
import type { PlanContext } from "./context.ts";
import type { ProjectOrganisation } from "./organisation.ts";
import type { SigningOutcome } from "./signings.ts";
import type { VisitRecord } from "./visits.ts";

export function planDailyReports(ctx: PlanContext, org: ProjectOrganisation, signings: SigningOutcome, visits: VisitRecord): void {
  const { cal } = ctx;
  const rReport = ctx.root.fork("reports");
  for (let day = ctx.schedule.signingStart; day <= signings.lastReportDay; day++) {
    org.signingGroups.forEach((group, g) => {
      const submittedAt = cal.at(day, 20 + rReport.next());
      ctx.plan.dailyReports.push({
        id: ctx.id(submittedAt.getTime()),
        projectId: org.projectId,
        groupId: group.id,
        reportDate: cal.date(day),
        signedCount: signings.perGroupDay.get(`${g}:${day}`) ?? 0,
        visitCount: visits.perGroupDay.get(`${g}:${day}`) ?? 0,
        problems: rReport.pick(texts.REPORT_PROBLEMS),
        nextPlan: rReport.pick(texts.REPORT_PLANS),
        status: "SUBMITTED",
        authorId: group.leaderId,
        submittedAt,
        createdAt: submittedAt,
        updatedAt: submittedAt,
      });
    });
  }
}
