import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { householdScope, phoneScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import type { HouseholdState } from "../../domain/household-state.ts";
import { AppError } from "../../errors.ts";
import type {
  Attitude,
  OwnerLocation,
  Prisma,
  SigningChannel,
  TaskKind,
  Tenure,
  VisitChannel,
  Vote,
} from "../../generated/prisma/client.ts";
import { maskPhone } from "../../security/phone.ts";
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
  // Their audit events belong in the household's timeline too.
  tasks: { select: { id: true } },
  demands: { select: { id: true } },
} satisfies Prisma.HouseholdSelect;

/** Keys of audit before/after values that name a user or a working group, resolved to names for
 *  the timeline (the events keep ids; names may change). */
const USER_KEYS = ["assigneeId", "fromUserId", "toUserId", "fromAssigneeId", "toAssigneeId"] as const;
const GROUP_KEYS = ["routedGroupId", "fromGroupId", "toGroupId"] as const;

export type TimelineEntry =
  | {
      kind: "audit";
      id: string;
      at: Date;
      /** "household", "task", "demand" or "project": what the event was recorded on. */
      entity: string;
      action: string;
      actorName: string | null;
      before: Record<string, unknown> | null;
      after: Record<string, unknown> | null;
      /** Names of the users and groups whose ids the event's values hold. */
      names: Record<string, string>;
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
      participantNames: string[];
      /** The kind of the task the visit closed, if it was one. */
      taskKind: TaskKind | null;
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
  /** Masked (138****0001) unless `phoneRevealable`; even then the full number comes only from
   *  revealPhone, which audits each reveal. */
  phone: string | null;
  /** The reader is the assignee of an open task for the household (phoneScope). */
  phoneRevealable: boolean;
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

function idsUnder(values: (Record<string, unknown> | null)[], keys: readonly string[]): string[] {
  const ids = new Set<string>();
  for (const value of values)
    for (const key of keys) {
      const id = value?.[key];
      if (typeof id === "string") ids.add(id);
    }
  return [...ids];
}

function jsonObject(value: Prisma.JsonValue | null): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * Rule: one household with its facts, members (masked ID numbers only), signing and one
 * timeline of everything that happened to it (its own audit events and those of its tasks and
 * demands, merged with its visit logs, newest first), for an actor whose read scope holds it.
 * Outside that scope, in another project, or unknown: NOT_FOUND. The phone number is always
 * masked here; `phoneRevealable` says whether the reader may ask revealPhone for it.
 */
export async function getHousehold(actor: Actor, input: unknown): Promise<HouseholdDetail> {
  requireStaffReadScope(actor);
  const { projectId, householdId } = parseInput(ZGetHouseholdInput, input);
  const household = await db().household.findFirst({
    where: { AND: [{ id: householdId, projectId }, householdScope(actor)] },
    select: householdDetailSelect,
  });
  if (!household) throw new AppError("NOT_FOUND");

  const [events, visits, revealable] = await Promise.all([
    db().auditEvent.findMany({
      where: {
        OR: [
          { entity: "household", entityId: household.id },
          ...(household.tasks.length ? [{ entity: "task", entityId: { in: household.tasks.map((t) => t.id) } }] : []),
          ...(household.demands.length ? [{ entity: "demand", entityId: { in: household.demands.map((d) => d.id) } }] : []),
          // The project's agreements taking effect (or failing) changes every signed household's agreement.
          { entity: "project", entityId: household.projectId, action: { in: ["effective:project", "fail:project"] } },
        ],
      },
      select: { id: true, entity: true, action: true, before: true, after: true, createdAt: true, actor: { select: { name: true } } },
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
        participants: { select: { user: { select: { name: true } } } },
        task: { select: { kind: true } },
      },
      orderBy: { visitedAt: "desc" },
      take: TIMELINE_LIMIT,
    }),
    db().household.count({ where: { AND: [{ id: household.id }, phoneScope(actor)] } }),
  ]);
  const values = events.flatMap((e) => [jsonObject(e.before), jsonObject(e.after)]);
  const userIds = idsUnder(values, USER_KEYS);
  const groupIds = idsUnder(values, GROUP_KEYS);
  const [users, groups] = await Promise.all([
    userIds.length ? db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }) : [],
    groupIds.length ? db().workingGroup.findMany({ where: { id: { in: groupIds } }, select: { id: true, name: true } }) : [],
  ]);
  const nameOf = new Map([...users, ...groups].map((r) => [r.id, r.name]));
  const namesFor = (before: Record<string, unknown> | null, after: Record<string, unknown> | null): Record<string, string> =>
    Object.fromEntries(
      idsUnder([before, after], [...USER_KEYS, ...GROUP_KEYS]).flatMap((id) => (nameOf.has(id) ? [[id, nameOf.get(id)!]] : [])),
    );
  const timeline: TimelineEntry[] = [
    ...events.map((e): TimelineEntry => {
      const before = jsonObject(e.before);
      const after = jsonObject(e.after);
      return {
        kind: "audit",
        id: `audit-${e.id}`,
        at: e.createdAt,
        entity: e.entity,
        action: e.action,
        actorName: e.actor?.name ?? null,
        before,
        after,
        names: namesFor(before, after),
      };
    }),
    ...visits.map((v): TimelineEntry => ({
      kind: "visit",
      id: `visit-${v.id}`,
      at: v.visitedAt,
      actorName: v.author?.name ?? null,
      channel: v.channel,
      summary: v.summary,
      attitude: v.attitude,
      nextStep: v.nextStep,
      participantNames: v.participants.map((p) => p.user.name),
      taskKind: v.task?.kind ?? null,
    })),
  ].sort((a, b) => b.at.getTime() - a.at.getTime());

  const {
    project,
    signing,
    signingGroup,
    members,
    floorArea,
    livingArea,
    phone,
    visitLogs: _visits,
    tasks: _tasks,
    demands: _demands,
    ...facts
  } = household;
  return {
    ...facts,
    phone: phone === null ? null : maskPhone(phone),
    phoneRevealable: revealable > 0,
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
