// Visits (走访日志): each group's visits to its households up to their signing, reception-room
// visits during the notice period, and the done tasks some visits closed.

import type { Attitude, VisitChannel } from "../../../lib/generated/prisma/enums.ts";
import type { Rng } from "../random.ts";
import * as texts from "../texts.ts";
import type { PlanContext } from "./context.ts";
import { DAY } from "./helpers.ts";
import type { HouseholdState, Households } from "./households.ts";
import type { ProjectOrganisation } from "./organisation.ts";

export type VisitRecord = {
  /** Visits per `${group}:${day}`, for the daily reports. */
  perGroupDay: Map<string, number>;
  /** Each household's attitude at its latest planned visit, for choosing its open task. */
  lastAttitude: Map<string, Attitude>;
};

type Visit = {
  h: HouseholdState;
  at: Date;
  channel: VisitChannel;
  attitude: Attitude;
  authorId: string;
  partnerId: string | null;
  closesTask: boolean;
};

type AddVisit = (visit: Visit) => void;

export function planVisits(ctx: PlanContext, org: ProjectOrganisation, households: Households): VisitRecord {
  const rVisit = ctx.root.fork("visits");
  const record: VisitRecord = { perGroupDay: new Map(), lastAttitude: new Map() };
  const addVisit: AddVisit = (visit) => recordVisit(ctx, org, rVisit, record, visit);
  const visitsPerHousehold = ctx.activity.visitsPerHousehold ?? 3;
  if (ctx.schedule.noticeStart > -1) return record;
  if (visitsPerHousehold > 0) {
    for (const h of households.eligible) planHouseholdVisits(ctx, org.groupStaff[h.group]!, rVisit, h, visitsPerHousehold, addVisit);
  }
  planReceptionVisits(ctx, org, rVisit, households.eligible, visitsPerHousehold, addVisit);
  return record;
}

/** A household's visits by its group, from the notice to its signing (or the day before the anchor). */
function planHouseholdVisits(
  ctx: PlanContext,
  staff: string[],
  rVisit: Rng,
  h: HouseholdState,
  visitsPerHousehold: number,
  addVisit: AddVisit,
): void {
  const endDay = h.signDay ?? -1;
  if (endDay < ctx.schedule.noticeStart) return;
  const signed = h.signedAt !== null;
  const days = drawVisitDays(ctx, rVisit, h, visitsPerHousehold, endDay);
  const remote = h.ownerLocation !== "LOCAL";
  days.forEach((day, k) => {
    const attitude = drawAttitude(rVisit, h, signed, k === days.length - 1);
    const channel: VisitChannel = remote
      ? rVisit.weighted([
          ["PHONE", 0.4],
          ["WECHAT", 0.35],
          ["VIDEO", 0.25],
        ] as const)
      : rVisit.weighted([
          ["DOOR", 0.62],
          ["PHONE", 0.18],
          ["WECHAT", 0.12],
          ["RECEPTION", 0.08],
        ] as const);
    let at = ctx.cal.at(day, Math.round((9 + rVisit.next() * 11) * 60) / 60);
    // Every visit comes before the signing it led to.
    if (h.signedAt && at.getTime() > h.signedAt.getTime() - 30 * 60_000) at = new Date(h.signedAt.getTime() - 30 * 60_000 - k * 60_000);
    const authorId = rVisit.chance(0.2) ? staff[0]! : rVisit.pick(staff.length > 1 ? staff.slice(1) : staff);
    const partnerId = rVisit.chance(0.55) ? rVisit.pick(staff) : null;
    addVisit({ h, at, channel, attitude, authorId, partnerId, closesTask: rVisit.chance(0.35) });
  });
}

/**
 * Visit days, sorted: unsigned and disputed households are visited more often, and visits
 * crowd towards the end; most unsigned households had a visit in the last week.
 */
function drawVisitDays(ctx: PlanContext, rVisit: Rng, h: HouseholdState, visitsPerHousehold: number, endDay: number): number[] {
  const { noticeStart } = ctx.schedule;
  const signed = h.signedAt !== null;
  const mean = visitsPerHousehold * (signed ? 0.8 : 1.5) * (h.hasDispute ? 1.4 : 1);
  const count = Math.max(1, Math.round(mean * (0.4 + 1.2 * rVisit.next())));
  const span = endDay - noticeStart + 1;
  const days: number[] = [];
  for (let k = 0; k < count; k++) days.push(noticeStart + Math.min(span - 1, Math.floor(Math.pow(rVisit.next(), 0.6) * span)));
  if (!signed && rVisit.chance(0.6)) days[0] = Math.max(noticeStart, -rVisit.int(1, 7));
  return days.sort((a, b) => a - b);
}

/** A signed household was supportive at its last visit; one that voted against leans opposed. */
function drawAttitude(rVisit: Rng, h: HouseholdState, signed: boolean, isLast: boolean): Attitude {
  if (signed)
    return isLast
      ? "SUPPORTIVE"
      : rVisit.weighted([
          ["SUPPORTIVE", 0.5],
          ["HESITANT", 0.45],
          ["OPPOSED", 0.05],
        ] as const);
  if (h.vote === "DISAGREE")
    return rVisit.weighted([
      ["OPPOSED", 0.6],
      ["HESITANT", 0.4],
    ] as const);
  return rVisit.weighted([
    ["HESITANT", 0.6],
    ["SUPPORTIVE", 0.3],
    ["OPPOSED", 0.1],
  ] as const);
}

/** Reception-room visits during the notice period (接待居民 … 人次), received by the special groups (or the secretary). */
function planReceptionVisits(
  ctx: PlanContext,
  org: ProjectOrganisation,
  rVisit: Rng,
  eligible: HouseholdState[],
  visitsPerHousehold: number,
  addVisit: AddVisit,
): void {
  const { cal } = ctx;
  const { noticeStart, noticeEnd } = ctx.schedule;
  const receptionLastDay = Math.min(noticeEnd, -1);
  const receptionists = org.specialGroups.length > 0 ? org.specialGroups.flatMap((g) => [g.leaderId, ...g.memberIds]) : [org.secretary.id];
  const receptions =
    eligible.length === 0 ? 0 : (ctx.activity.receptionVisits ?? (visitsPerHousehold > 0 ? Math.round(eligible.length * 0.25) : 0));
  for (let k = 0; k < receptions; k++) {
    const h = rVisit.pick(eligible);
    const at = cal.at(rVisit.int(noticeStart, receptionLastDay), Math.round((9 + rVisit.next() * 8) * 60) / 60);
    if (h.signedAt && at >= h.signedAt) continue;
    const attitude = rVisit.weighted([
      ["SUPPORTIVE", 0.5],
      ["HESITANT", 0.45],
      ["OPPOSED", 0.05],
    ] as const);
    addVisit({ h, at, channel: "RECEPTION", attitude, authorId: rVisit.pick(receptionists), partnerId: null, closesTask: false });
  }
}

function recordVisit(ctx: PlanContext, org: ProjectOrganisation, rVisit: Rng, record: VisitRecord, visit: Visit): void {
  const { h, at, channel, attitude, authorId, partnerId } = visit;
  const visitId = ctx.id(at.getTime());
  const taskId = visit.closesTask ? planClosedTask(ctx, org, rVisit, visit) : null;
  ctx.plan.visitLogs.push({
    id: visitId,
    projectId: org.projectId,
    householdId: h.id,
    authorId,
    taskId,
    visitedAt: at,
    channel,
    summary: texts.visitSummary(rVisit, attitude, channel),
    attitude,
    nextStep: h.signedAt && at.getTime() >= h.signedAt.getTime() - DAY ? null : texts.visitNextStep(rVisit, attitude),
    createdAt: at,
  });
  if (partnerId && partnerId !== authorId) ctx.plan.visitParticipants.push({ visitLogId: visitId, userId: partnerId });
  const key = `${h.group}:${ctx.cal.offsetOf(at)}`;
  record.perGroupDay.set(key, (record.perGroupDay.get(key) ?? 0) + 1);
  record.lastAttitude.set(h.id, attitude);
}

/** The task the visit carried out, assigned by the group leader a few days before; returns its id. */
function planClosedTask(ctx: PlanContext, org: ProjectOrganisation, rVisit: Rng, { h, at, channel, authorId }: Visit): string {
  const { cal } = ctx;
  const taskId = ctx.id(at.getTime() - 2 * DAY);
  const createdAt = new Date(at.getTime() - rVisit.int(1, 3) * DAY);
  ctx.plan.tasks.push({
    id: taskId,
    projectId: org.projectId,
    householdId: h.id,
    assigneeId: authorId,
    assignedById: org.groupStaff[h.group]![0]!,
    kind: channel === "PHONE" || channel === "WECHAT" || channel === "VIDEO" ? "PHONE_CALL" : h.hasDispute ? "MEDIATION" : "HOME_VISIT",
    dueDate: cal.date(cal.offsetOf(at)),
    priority: "NORMAL",
    status: "DONE",
    completedAt: at,
    createdAt,
    updatedAt: at,
  });
  return taskId;
}
