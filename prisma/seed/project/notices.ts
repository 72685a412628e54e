// Notices (公告公示) on the public board: the expropriation announcement and policy, results of
// each stage, signing progress, and at most one draft of the next notice not yet published.

import type { NoticeKind } from "../../../lib/generated/prisma/enums.ts";
import type { PlanContext } from "./context.ts";
import { disclosureWindow } from "./determinations.ts";
import { percent, requiredCount } from "./helpers.ts";
import type { Households } from "./households.ts";
import type { ProjectOrganisation } from "./organisation.ts";
import { countSignedBy, type SigningOutcome } from "./signings.ts";

type NoticeDraft = { kind: NoticeKind; day: number; title: string; body: string; window?: [number, number] };

export type NoticeFacts = { households: Households; agree: number; signings: SigningOutcome; allMovedOut: boolean };

export function planNotices(ctx: PlanContext, org: ProjectOrganisation, facts: NoticeFacts): void {
  const drafts = [...noticePeriodNotices(ctx, facts), ...preparationNotices(ctx), ...progressNotices(ctx, facts)];
  publishNotices(ctx, org, drafts);
}

/** The announcement and the policy, then the first-round result once the consultation is over. */
function noticePeriodNotices(ctx: PlanContext, { households, agree }: NoticeFacts): NoticeDraft[] {
  const { cal, name, compensation, countingLabel, firstRoundThreshold } = ctx;
  const { noticeStart, noticeEnd, consultationEnd } = ctx.schedule;
  const eligibleCount = households.eligible.length;
  const notices: NoticeDraft[] = [
    {
      kind: "ANNOUNCEMENT",
      day: noticeStart,
      title: `${name}房屋征收公告`,
      body: `${name}征收范围内共涉及${households.all.length}${countingLabel}。征收补偿方案自${cal.zhFull(noticeStart)}起公示${noticeEnd - noticeStart + 1}天，欢迎居民到现场接待室咨询，或通过“连心”平台查看。`,
      window: [noticeStart, noticeEnd],
    },
    {
      kind: "POLICY",
      day: noticeStart,
      title: `${compensation.name}（公示稿）`,
      body: `补偿项目：${compensation.items.map((i) => i.label).join("；")}。${compensation.guaranteedMinimum ? `保底补偿${(compensation.guaranteedMinimum / 10_000).toFixed(0)}万元。` : ""}具体计算以认定结果和评估结果为准。`,
      window: [noticeStart, noticeEnd],
    },
  ];
  if (consultationEnd + 1 <= -1 && eligibleCount > 0) {
    notices.push({
      kind: "ANNOUNCEMENT",
      day: consultationEnd + 1,
      title: "一轮征询结果公告",
      body: `一轮征询期间共有${agree}${countingLabel}表示同意，同意率${percent(agree, eligibleCount)}，${agree >= requiredCount(firstRoundThreshold, eligibleCount) ? "达到" : "未达到"}${(firstRoundThreshold * 100).toFixed(0)}%的生效比例。`,
    });
  }
  return notices;
}

/** Determinations, valuations, resettlement housing and the signing launch. */
function preparationNotices(ctx: PlanContext): NoticeDraft[] {
  const { cal, compensation, signingThreshold } = ctx;
  const { signingStart, signingEnd } = ctx.schedule;
  const disclosure = disclosureWindow(ctx.schedule);
  return [
    {
      kind: "DETERMINATIONS",
      day: disclosure.start,
      title: "人口与面积认定结果公示",
      body: `各户人口与面积认定结果自${cal.zh(disclosure.start)}起公示10天，对认定结果有异议的，可在公示期内向项目组提出书面复核申请。`,
      window: [disclosure.start, disclosure.end],
    },
    {
      kind: "VALUATION",
      day: disclosure.start + 1,
      title: "房屋评估结果公示",
      body: `评估机构由居民投票选定，评估均价${compensation.valuationPerSqm.toLocaleString("en-US")}元/平方米，各户评估结果已分户公示。`,
      window: [disclosure.start + 1, disclosure.end + 1],
    },
    {
      kind: "HOUSING",
      day: signingStart - 3,
      title: "安置房源公示",
      body: "本项目提供安置房源（含电梯房、低楼层房源），房源地段、户型、面积和交房时间均已公开，可预约实地看房。",
    },
    {
      kind: "ANNOUNCEMENT",
      day: signingStart - 1,
      title: "签约启动公告",
      body: `${cal.zhFull(signingStart)}起正式签约，签约期至${cal.zhFull(signingEnd)}。签约比例达到${(signingThreshold * 100).toFixed(0)}%时，协议生效。外地、境外业主可申请上门、远程视频或公证委托签约。`,
    },
  ];
}

/** Signing progress: day one, the threshold reached, the latest total; and the site cleared. */
function progressNotices(ctx: PlanContext, { households, signings, allMovedOut }: NoticeFacts): NoticeDraft[] {
  const { cal, countingLabel, signingThreshold } = ctx;
  const { signingStart } = ctx.schedule;
  const { dayCounts, effectiveAt, signLastDay } = signings;
  const eligibleCount = households.eligible.length;
  const notices: NoticeDraft[] = [];
  if (signings.signingDays > 0 && signings.planned.length > 0) {
    notices.push({
      kind: "PROGRESS",
      day: signingStart,
      title: `签约首日进度`,
      body: `签约首日共签约${dayCounts[0]}${countingLabel}，首日签约率${percent(dayCounts[0]!, eligibleCount)}。`,
    });
    if (effectiveAt) {
      const day = cal.offsetOf(effectiveAt);
      notices.push({
        kind: "PROGRESS",
        day,
        title: "签约比例达到生效条件公告",
        body: `截至${cal.zh(day)}，签约比例已达到${(signingThreshold * 100).toFixed(0)}%，本项目已签订的协议全部生效。`,
      });
    }
    if (signLastDay > signingStart) {
      const signedSoFar = countSignedBy(signings, signLastDay);
      notices.push({
        kind: "PROGRESS",
        day: signLastDay,
        title: `签约进度（截至${cal.zh(signLastDay)}）`,
        body: `累计签约${signedSoFar}${countingLabel}，签约率${percent(signedSoFar, eligibleCount)}。`,
      });
    }
  }
  if (allMovedOut) {
    const lastMove = ctx.plan.households.reduce(
      (last, h) => (h.movedOutAt ? Math.max(last, cal.offsetOf(h.movedOutAt as Date)) : last),
      -Infinity,
    );
    notices.push({
      kind: "PROGRESS",
      day: Math.min(-1, lastMove + 1),
      title: "项目清零公告",
      body: `本项目${eligibleCount}${countingLabel}已全部签约并完成搬迁，基地清零。感谢广大居民的理解和支持。`,
    });
  }
  return notices;
}

/** In date order; notices after the anchor are not published yet, and only the first of them is kept, as a draft. */
function publishNotices(ctx: PlanContext, org: ProjectOrganisation, drafts: NoticeDraft[]): void {
  const { cal } = ctx;
  const rNotice = ctx.root.fork("notices");
  let draftAdded = false;
  for (const notice of drafts.sort((a, b) => a.day - b.day)) {
    const published = notice.day <= -1;
    if (!published && draftAdded) continue;
    if (!published) draftAdded = true;
    const at = cal.at(Math.min(notice.day, -1), 9 + rNotice.next());
    ctx.plan.notices.push({
      id: ctx.id(at.getTime()),
      projectId: org.projectId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      publishedAt: published ? cal.at(notice.day, 9) : null,
      disclosureStart: notice.window ? cal.date(notice.window[0]) : null,
      disclosureEnd: notice.window ? cal.date(notice.window[1]) : null,
      createdById: org.secretary.id,
      createdAt: at,
      updatedAt: at,
    });
  }
}
