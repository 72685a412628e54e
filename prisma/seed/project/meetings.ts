// Meetings (会议) held before the anchor: branch meetings, resident forums, the signing-group
// leaders' evening stand-ups, the joint conference's meetings and the issues they decided, and
// a village project's hearing and evaluation meetings.

import type { MeetingKind } from "../../../lib/generated/prisma/enums.ts";
import { chineseNumber } from "../names.ts";
import type { Rng } from "../random.ts";
import type { PlanContext } from "./context.ts";
import { DAY, HOUR, percent } from "./helpers.ts";
import type { Households } from "./households.ts";
import type { ProjectOrganisation } from "./organisation.ts";
import { countSignedBy, type SigningOutcome } from "./signings.ts";

type MeetingExtra = {
  minutes?: string;
  decisions?: string;
  location?: string;
  outsiders?: { name: string; unitId: string | null }[];
  conference?: boolean;
};

/** Plans a meeting with its staff attendees (and outsiders); none, and null returned, if it falls on or after the anchor. */
type AddMeeting = (kind: MeetingKind, day: number, hour: number, title: string, attendees: string[], extra?: MeetingExtra) => string | null;

export type MeetingFacts = { households: Households; signings: SigningOutcome; conferenceId: string | null };

export function planMeetings(ctx: PlanContext, org: ProjectOrganisation, facts: MeetingFacts): void {
  const rMeet = ctx.root.fork("meetings");
  const addMeeting = createMeetingRecorder(ctx, org, facts.conferenceId);
  planBranchMeetings(ctx, org, rMeet, addMeeting);
  planResidentForums(ctx, org, rMeet, facts.households, addMeeting);
  planLeaderStandups(ctx, org, facts, addMeeting);
  if (facts.conferenceId) planConferenceMeetings(ctx, org, facts.conferenceId, facts.signings, addMeeting);
  if (ctx.kind === "VILLAGE") planVillageMeetings(ctx, org, addMeeting);
}

function createMeetingRecorder(ctx: PlanContext, org: ProjectOrganisation, conferenceId: string | null): AddMeeting {
  const { plan, cal } = ctx;
  return (kind, day, hour, title, attendees, extra = {}) => {
    if (day > -1) return null;
    const heldAt = cal.at(day, hour);
    const meetingId = ctx.id(heldAt.getTime());
    plan.meetings.push({
      id: meetingId,
      kind,
      title,
      projectId: org.projectId,
      conferenceId: extra.conference ? conferenceId : null,
      heldAt,
      location: extra.location ?? "项目现场指挥部会议室",
      minutes: extra.minutes ?? null,
      decisions: extra.decisions ?? null,
      createdById: org.secretary.id,
      createdAt: new Date(heldAt.getTime() + 2 * HOUR),
    });
    for (const uid of new Set(attendees)) {
      const staff = org.staffById.get(uid)!;
      plan.meetingAttendees.push({ id: ctx.id(heldAt.getTime()), meetingId, userId: uid, name: staff.name, unitId: staff.unitId });
    }
    for (const o of extra.outsiders ?? [])
      plan.meetingAttendees.push({ id: ctx.id(heldAt.getTime()), meetingId, userId: null, name: o.name, unitId: o.unitId });
    return meetingId;
  };
}

/** Branch meetings spread evenly from the branch's founding to the anchor: the secretary and up to eight Party members. */
function planBranchMeetings(ctx: PlanContext, org: ProjectOrganisation, rMeet: Rng, addMeeting: AddMeeting): void {
  const { branchEstablished } = ctx.schedule;
  const partyStaff = [...org.staffById.values()].filter((s) => s.isPartyMember).map((s) => s.id);
  const branchMeetings = ctx.activity.branchMeetings ?? 3;
  for (let k = 0; k < branchMeetings; k++) {
    const day = Math.round(branchEstablished + ((k + 0.5) * (-1 - branchEstablished)) / Math.max(1, branchMeetings));
    addMeeting(
      "BRANCH_MEETING",
      day,
      18.5,
      `临时党支部${k === 0 ? "成立暨" : ""}第${chineseNumber(k + 1)}次支部会议`,
      [org.secretary.id, ...rMeet.shuffle(partyStaff.slice()).slice(0, 8)],
      {
        minutes:
          k === 0
            ? "宣布临时党支部成立，明确各签约小组党小组设置和党员包干分工。"
            : "通报签约进展，分析未签约户情况，部署党员带头做好群众工作。",
        decisions: "党员干部分片包干，每日一汇报；党员户带头签约、带头搬迁。",
      },
    );
  }
}

/** Resident forums spread over the notice period, each with one resident among the attendees. */
function planResidentForums(
  ctx: PlanContext,
  org: ProjectOrganisation,
  rMeet: Rng,
  { eligible }: Households,
  addMeeting: AddMeeting,
): void {
  const { noticeStart, noticeEnd } = ctx.schedule;
  const forums = Math.max(0, ctx.activity.residentForums ?? 3);
  const forumLastDay = Math.min(noticeEnd, -1);
  if (forumLastDay < noticeStart) return;
  for (let k = 0; k < forums; k++) {
    const day = noticeStart + Math.floor((k * (forumLastDay - noticeStart + 1)) / Math.max(1, forums));
    const h = eligible.length ? rMeet.pick(eligible) : null;
    addMeeting(
      "RESIDENT_FORUM",
      day,
      rMeet.pick([9.5, 14, 19]),
      `居民座谈会（第${k + 1}场）`,
      [org.secretary.id, rMeet.pick(org.groupStaff.flat())],
      {
        location: "居民区活动室",
        minutes: "解读补偿方案，听取居民对评估、认定和安置房源的意见建议。",
        outsiders: h ? [{ name: h.headName, unitId: null }] : [],
      },
    );
  }
}

/** 签约组长例会: every evening of the signing period until everyone has signed. */
function planLeaderStandups(
  ctx: PlanContext,
  org: ProjectOrganisation,
  { households, signings }: MeetingFacts,
  addMeeting: AddMeeting,
): void {
  const { cal, countingLabel } = ctx;
  for (let day = ctx.schedule.signingStart; day <= signings.lastReportDay; day++) {
    const soFar = countSignedBy(signings, day);
    addMeeting(
      "LEADER_STANDUP",
      day,
      19,
      `签约组长例会（${cal.zh(day)}）`,
      [org.secretary.id, org.commander.id, ...org.signingGroups.map((g) => g.leaderId)],
      {
        minutes: `当日签约${soFar - countSignedBy(signings, day - 1)}${countingLabel}，累计${soFar}${countingLabel}，签约率${percent(soFar, households.eligible.length)}。`,
        decisions: "各组对未签约户逐户过堂，疑难户报临时党支部。",
      },
    );
  }
}

/** The conference's kick-off, its signing mobilisation, a coordination meeting mid-signing, and the issues they decided. */
function planConferenceMeetings(
  ctx: PlanContext,
  org: ProjectOrganisation,
  conferenceId: string,
  { signingDays }: SigningOutcome,
  addMeeting: AddMeeting,
): void {
  const { noticeStart, signingStart } = ctx.schedule;
  const attendees = [org.secretary.id, org.commander.id];
  const kickoff = addMeeting("JOINT_CONFERENCE", noticeStart - 5, 14, "党建联席会议第一次全体会议", attendees, {
    conference: true,
    minutes: "明确联席会议成员单位职责，设立专项小组，建立工作例会和专题协调会制度。",
    decisions: "成立项目临时党支部；各成员单位抽调党员骨干进驻基地。",
  });
  const mobilisation = addMeeting("JOINT_CONFERENCE", signingStart - 4, 14, "党建联席会议签约动员会", attendees, {
    conference: true,
    minutes: "通报一轮征询结果，部署签约期工作。",
    decisions: "签约期内成员单位每周召开一次专题协调会。",
  });
  const coordinationDay = Math.min(-1, signingStart + Math.max(1, Math.floor(signingDays / 2)));
  const coordination =
    signingDays > 1
      ? addMeeting(
          "COORDINATION",
          coordinationDay,
          15,
          "专题协调会：疑难户攻坚",
          [org.secretary.id, ...org.specialGroups.map((g) => g.leaderId)],
          {
            conference: true,
            minutes: "逐户研究家庭矛盾户、困难户和外地业主的签约方案。",
            decisions: "家庭纠纷户由人民调解员和律师联合调解；困难户按政策托底。",
          },
        )
      : null;
  planConferenceIssues(ctx, conferenceId, { kickoff, mobilisation, coordination });
}

/** Each issue is decided at its meeting and raised three days before; while that meeting has not been held, it is open. */
function planConferenceIssues(
  ctx: PlanContext,
  conferenceId: string,
  meetings: Record<"kickoff" | "mobilisation" | "coordination", string | null>,
): void {
  const issues = [
    {
      title: "部分老年居民希望就近安置",
      description: "高龄、行动不便居民对安置房源地段顾虑较大。",
      meetingId: meetings.mobilisation,
      decision: "协调增加近地段电梯房房源，优先保障高龄居民。",
    },
    {
      title: "家庭内部纠纷影响签约",
      description: "多户因继承、离婚等原因家庭成员意见不一。",
      meetingId: meetings.coordination,
      decision: "由律师团队和人民调解员提供免费调解服务。",
    },
    {
      title: "外地及境外业主签约渠道",
      description: "部分产权人在外地或境外，无法到现场签约。",
      meetingId: meetings.kickoff,
      decision: "组织党员签约先锋队上门，并开通远程视频与公证委托签约。",
    },
  ];
  for (const issue of issues) {
    const decided = issue.meetingId !== null;
    const decidedAt = decided ? (ctx.plan.meetings.find((m) => m.id === issue.meetingId)!.heldAt as Date) : null;
    const raisedAt = decidedAt ? new Date(decidedAt.getTime() - 3 * DAY) : ctx.cal.at(-2, 10);
    ctx.plan.conferenceIssues.push({
      id: ctx.id(raisedAt.getTime()),
      conferenceId,
      title: issue.title,
      description: issue.description,
      status: decided ? "DECIDED" : "OPEN",
      decision: decided ? issue.decision : null,
      meetingId: issue.meetingId,
      raisedAt,
      decidedAt,
    });
  }
}

/** 三会: hearing, coordination and evaluation meetings with the villagers. */
function planVillageMeetings(ctx: PlanContext, org: ProjectOrganisation, addMeeting: AddMeeting): void {
  const { consultationStart, signingEnd } = ctx.schedule;
  const leaders = [org.secretary.id, org.commander.id];
  addMeeting("HEARING", consultationStart - 3, 14, "征收补偿方案听证会", leaders, {
    location: "村委会会议室",
    minutes: "听取村民对补偿安置方案的意见。",
  });
  addMeeting("EVALUATION", signingEnd + 2, 14, "动迁工作评议会", leaders, {
    location: "村委会会议室",
    minutes: "村民代表对动迁工作进行评议，满意率高。",
  });
}
