import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { householdScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import type { HouseholdState } from "../../domain/household-state.ts";
import { AppError } from "../../errors.ts";
import type { Attitude, OwnerLocation, Prisma, SigningChannel, Tenure, VisitChannel, Vote } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { lastVisitOf, householdFactsSelect, stateFactsSelect, stateOf, requireStaffReadScope } from "./household-queries.ts";

const ZGetHouseholdInput = z.object({ projectId: z.uuid(), householdId: z.uuid() });

/** How many entries of each kind the timeline shows; a household rarely has more. */
const TIMELINE_LIMIT = 300;

const householdDetailSelect = {
  id: true,
  projectId: true,
  ...householdFactsSelect,
  firstRoundVotedAt: true,
  exclusionReason: true,
  version: true,
  signingGroup: { select: { id: true, name: true } },
  // Never the cipher: screens show the masked ID number only.
  members: { select: { id: true, name: true, relation: true, idNumberMasked: true, isPartyMember: true }, orderBy: { createdAt: "asc" } },
  project: { select: { id: true, code: true, name: true, agreementsEffectiveAt: true, signingFailedAt: true } },
  ...stateFactsSelect,
  signing: { select: { id: true, agreementNumber: true, channel: true, signedAt: true } },
} satisfies Prisma.HouseholdSelect;

export type TimelineEntry =
  | {
      kind: "audit";
      id: string;
      at: Date;
      action: string;
      actorName: string | null;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
    }
  | {
      kind: "visit";
      id: string;
      at: Date;
      actorName: string | null;
      channel: VisitChannel;
      summary: string;
      attitude: Attitude | null;
      nextStep: string | null;
    };

export type HouseholdDetail = {
  id: string;
  projectId: string;
  code: string;
  lane: string | null;
  building: string;
  number: string | null;
  room: string | null;
  address: string;
  tenure: Tenure;
  headName: string;
  phone: string | null;
  registeredPopulation: number;
  residentCount: number;
  /** Square metres with two decimals, as text (Decimal never leaves the server as a float). */
  floorArea: string;
  livingArea: string | null;
  ownerLocation: OwnerLocation;
  isPartyMemberHousehold: boolean;
  isHardship: boolean;
  isElderlySickDisabled: boolean;
  hasFamilyDispute: boolean;
  firstRoundVote: Vote | null;
  firstRoundVotedAt: Date | null;
  movedOutAt: Date | null;
  handedOverAt: Date | null;
  isExcluded: boolean;
  exclusionReason: string | null;
  version: number;
  state: HouseholdState;
  lastVisitAt: Date | null;
  group: { id: string; name: string } | null;
  members: { id: string; name: string; relation: string; idNumberMasked: string | null; isPartyMember: boolean }[];
  project: { id: string; code: string; name: string };
  signing: {
    agreementNumber: string;
    channel: SigningChannel;
    signedAt: Date;
    /** Pending until the project's agreements take effect; never effective once the project failed. */
    status: "PENDING" | "EFFECTIVE" | "FAILED";
  } | null;
  /** Audit events and visit logs, newest first. */
  timeline: TimelineEntry[];
};

function jsonObject(value: Prisma.JsonValue | null): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * Rule: one household with its facts, members (masked ID numbers only), signing and one
 * timeline of everything that happened to it (its audit events merged with its visit logs,
 * newest first), for an actor whose read scope holds it. Outside that scope, in another
 * project, or unknown: NOT_FOUND.
 */
export async function getHousehold(actor: Actor, input: unknown): Promise<HouseholdDetail> {
  requireStaffReadScope(actor);
  const { projectId, householdId } = parseInput(ZGetHouseholdInput, input);
  const household = await db().household.findFirst({
    where: { AND: [{ id: householdId, projectId }, householdScope(actor)] },
    select: householdDetailSelect,
  });
  if (!household) throw new AppError("NOT_FOUND");

  const [events, visits] = await Promise.all([
    db().auditEvent.findMany({
      where: {
        OR: [
          { entity: "household", entityId: household.id },
          // The project's agreements taking effect (or failing) changes every signed household's agreement.
          { entity: "project", entityId: household.projectId, action: { in: ["effective:project", "fail:project"] } },
        ],
      },
      select: { id: true, action: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
      orderBy: { createdAt: "desc" },
      take: TIMELINE_LIMIT,
    }),
    db().visitLog.findMany({
      where: { householdId: household.id },
      select: {
        id: true,
        visitedAt: true,
        channel: true,
        summary: true,
        attitude: true,
        nextStep: true,
        author: { select: { name: true } },
      },
      orderBy: { visitedAt: "desc" },
      take: TIMELINE_LIMIT,
    }),
  ]);
  const timeline: TimelineEntry[] = [
    ...events.map((e): TimelineEntry => ({
      kind: "audit",
      id: `audit-${e.id}`,
      at: e.createdAt,
      action: e.action,
      actorName: e.actor?.name ?? null,
      before: jsonObject(e.before),
      after: jsonObject(e.after),
    })),
    ...visits.map((v): TimelineEntry => ({
      kind: "visit",
      id: `visit-${v.id}`,
      at: v.visitedAt,
      actorName: v.author?.name ?? null,
      channel: v.channel,
      summary: v.summary,
      attitude: v.attitude,
      nextStep: v.nextStep,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());

  const { project, signing, signingGroup, members, floorArea, livingArea, visitLogs: _visits, ...facts } = household;
  return {
    ...facts,
    floorArea: floorArea.toFixed(2),
    livingArea: livingArea?.toFixed(2) ?? null,
    state: stateOf(household),
    lastVisitAt: lastVisitOf(household),
    group: signingGroup,
    members,
    project: { id: project.id, code: project.code, name: project.name },
    signing: signing
      ? {
          agreementNumber: signing.agreementNumber,
          channel: signing.channel,
          signedAt: signing.signedAt,
          status: project.signingFailedAt ? "FAILED" : project.agreementsEffectiveAt ? "EFFECTIVE" : "PENDING",
        }
      : null,
    timeline,
  };
}
