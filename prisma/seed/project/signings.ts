// Signings (二轮征询签约): how many sign each day, who signs when and by which channel, and when
// the agreements take effect (or the signing fails).

import type { SigningChannel } from "../../../lib/generated/prisma/enums.ts";
import type { Rng } from "../random.ts";
import { apportion } from "../random.ts";
import type { PlanContext } from "./context.ts";
import { pad, requiredCount } from "./helpers.ts";
import type { HouseholdState, Households } from "./households.ts";
import type { ProjectOrganisation } from "./organisation.ts";

export type PlannedSigning = { h: HouseholdState; at: Date; day: number };

export type SigningOutcome = {
  /** In the order they were signed. */
  planned: PlannedSigning[];
  /** Signings on each day of the signing period before the anchor. */
  dayCounts: number[];
  signingDays: number;
  /** The last day of the signing period before the anchor. */
  signLastDay: number;
  /**
   * Leader stand-ups and daily reports run every evening of the signing period up to here: the
   * day before the anchor, or the day the last household signed.
   */
  lastReportDay: number;
  /** Signings per `${group}:${day}`, for the daily reports. */
  perGroupDay: Map<string, number>;
  /** Signings needed for the agreements to take effect. */
  thresholdCount: number;
  effectiveAt: Date | null;
  signingFailedAt: Date | null;
};

export function planSignings(ctx: PlanContext, org: ProjectOrganisation, households: Households): SigningOutcome {
  const { cal } = ctx;
  const { signingStart, signingEnd } = ctx.schedule;
  const eligibleCount = households.eligible.length;
  const rSign = ctx.root.fork("signings");
  const { signingDays, signLastDay, dayCounts } = countSigningsPerDay(ctx, households);
  const planned = timeSignings(ctx, rSign, dayCounts, rankSigners(ctx, rSign, households));
  const perGroupDay = recordSignings(ctx, org, rSign, planned);
  const thresholdCount = requiredCount(ctx.signingThreshold, eligibleCount);
  const effectiveAt = planned.length >= thresholdCount && thresholdCount > 0 ? planned[thresholdCount - 1]!.at : null;
  const signingFailedAt = !effectiveAt && signingEnd < 0 && eligibleCount > 0 ? cal.at(signingEnd + 1, 0) : null;
  const lastSigningDay = planned.length ? planned[planned.length - 1]!.day : signingStart;
  const lastReportDay = planned.length === eligibleCount ? Math.min(lastSigningDay, signLastDay) : signLastDay;
  return { planned, dayCounts, signingDays, signLastDay, lastReportDay, perGroupDay, thresholdCount, effectiveAt, signingFailedAt };
}

/** Households signed by the end of `day`. */
export function countSignedBy(signings: SigningOutcome, day: number): number {
  return signings.planned.filter((s) => s.day <= day).length;
}

/** The designed first day, then a decaying curve (exp(−day/decay) plus a floor) for the rest. */
function countSigningsPerDay(ctx: PlanContext, { eligible, keepUnsigned }: Households) {
  const { options, code } = ctx;
  const { signingStart, signingEnd } = ctx.schedule;
  const signLastDay = Math.min(signingEnd, -1);
  const signingDays = Math.max(0, signLastDay - signingStart + 1);
  const signable = eligible.length - eligible.filter((h) => keepUnsigned.has(h.id)).length;
  const signedTarget = options.signed ?? Math.round((options.signedShare ?? (signingDays > 0 ? 0.5 : 0)) * eligible.length);
  if (signedTarget > signable) throw new RangeError(`${code}: ${signedTarget} signed requested but only ${signable} households can sign`);
  if (signedTarget > 0 && signingDays === 0)
    throw new RangeError(`${code}: signings requested but the signing period has not started before the anchor`);
  const firstDay =
    signingDays === 1
      ? signedTarget
      : (options.firstDaySigned ??
        (options.firstDayShare !== undefined ? Math.round(options.firstDayShare * eligible.length) : Math.round(signedTarget * 0.45)));
  if (firstDay > signedTarget) throw new RangeError(`${code}: first-day signings (${firstDay}) exceed total signings (${signedTarget})`);
  const decay = options.signingCurve?.decayDays ?? Math.max(1.5, signingDays / 6);
  const curveFloor = options.signingCurve?.floor ?? 0.12;
  const laterWeights = Array.from({ length: Math.max(0, signingDays - 1) }, (_, d) => Math.exp(-(d + 1) / decay) + curveFloor);
  const dayCounts = signingDays === 0 ? [] : [firstDay, ...apportion(signedTarget - firstDay, laterWeights)];
  return { signingDays, signLastDay, dayCounts };
}

/** Eligible households in the order they will sign (lowest score first). */
function rankSigners(ctx: PlanContext, rSign: Rng, { eligible, keepUnsigned }: Households): HouseholdState[] {
  const remoteDelay = ctx.options.remoteOwnerDelay ?? 0.25;
  return eligible
    .map((h) => ({
      h,
      score:
        rSign.next() +
        // 党员带头: Party-member households sign early, unless a family dispute holds them back.
        (h.isParty ? -0.6 : 0) +
        (h.vote === "DISAGREE" ? 1 : h.vote === null ? 0.5 : 0) +
        (h.hasDispute ? 0.5 : 0) +
        (h.isHardship ? 0.15 : 0) +
        (h.ownerLocation === "LOCAL" ? 0 : remoteDelay) +
        (keepUnsigned.has(h.id) ? 1000 : 0),
    }))
    .sort((a, b) => a.score - b.score)
    .map((s) => s.h);
}

/** A time of day for each signing, day by day in rank order, then all in time order. */
function timeSignings(ctx: PlanContext, rSign: Rng, dayCounts: number[], order: HouseholdState[]): PlannedSigning[] {
  const { signingStart } = ctx.schedule;
  const planned: PlannedSigning[] = [];
  let k = 0;
  for (let d = 0; d < dayCounts.length; d++) {
    const day = signingStart + d;
    for (let c = 0; c < dayCounts[d]!; c++, k++) {
      // Launch day: queues from early morning, most signed before lunch.
      const hour = d === 0 ? 8 + 10.5 * Math.pow(rSign.next(), 1.7) : 9 + 11 * rSign.next();
      planned.push({ h: order[k]!, at: ctx.cal.at(day, Math.round(hour * 60) / 60), day });
    }
  }
  return planned.sort((a, b) => a.at.getTime() - b.at.getTime() || a.h.index - b.h.index);
}

/** The signing rows, numbered in signing order; returns the signings per group and day. */
function recordSignings(ctx: PlanContext, org: ProjectOrganisation, rSign: Rng, planned: PlannedSigning[]): Map<string, number> {
  const agreementYear = ctx.cal.year(ctx.schedule.signingStart);
  const numberWidth = Math.max(5, String(planned.length).length);
  const perGroupDay = new Map<string, number>();
  planned.forEach((s, k) => {
    s.h.signedAt = s.at;
    s.h.signDay = s.day;
    const channel = signingChannel(rSign, s.h);
    const staff = org.groupStaff[s.h.group]!;
    ctx.plan.signings.push({
      id: ctx.id(s.at.getTime()),
      projectId: org.projectId,
      householdId: s.h.id,
      agreementNumber: `${ctx.code}-${agreementYear}-${pad(k + 1, numberWidth)}`,
      channel,
      signedAt: s.at,
      recordedById: rSign.chance(0.3) ? staff[0]! : rSign.pick(staff),
      createdAt: s.at,
    });
    ctx.plan.households[s.h.index]!.updatedAt = s.at;
    const key = `${s.h.group}:${s.day}`;
    perGroupDay.set(key, (perGroupDay.get(key) ?? 0) + 1);
  });
  return perGroupDay;
}

/** Owners far away sign by remote video or notarised proxy; elderly local owners are often signed at home. */
function signingChannel(rSign: Rng, h: HouseholdState): SigningChannel {
  switch (h.ownerLocation) {
    case "LOCAL":
      return rSign.chance(h.isElderly ? 0.45 : 0.08) ? "HOME_VISIT" : "ON_SITE";
    case "OTHER_CITY":
    case "OTHER_PROVINCE":
      return rSign.weighted([
        ["HOME_VISIT", 0.6],
        ["NOTARIZED_PROXY", 0.25],
        ["REMOTE_VIDEO", 0.15],
      ] as const);
    case "HK_MACAO_TW":
      return rSign.weighted([
        ["REMOTE_VIDEO", 0.55],
        ["NOTARIZED_PROXY", 0.45],
      ] as const);
    case "OVERSEAS":
      return rSign.weighted([
        ["REMOTE_VIDEO", 0.5],
        ["NOTARIZED_PROXY", 0.5],
      ] as const);
  }
}
