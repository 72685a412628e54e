import "server-only";
// What every household-event use case shares: loading the household in the actor's scope with
// the facts the state machine needs, turning a refusal into a translated AppError, and the
// version-checked write. The rules themselves live in lib/domain/household-workflow.ts.
import type { Actor } from "../../auth/actor-types.ts";
import type { Action } from "../../auth/permissions.ts";
import { householdScope } from "../../auth/scope.ts";
import { z } from "zod";
import { calendarDayOfDateColumn, instantFromWallClock } from "../../domain/calendar-day.ts";
import { householdState, type HouseholdState } from "../../domain/household-state.ts";
import {
  ALREADY_DONE,
  refusalOf,
  type Refusal,
  type WorkflowClock,
  type WorkflowEvent,
  type WorkflowHousehold,
  type WorkflowProject,
} from "../../domain/household-workflow.ts";
import { serverEnv } from "../../env.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";

export const workflowProjectSelect = {
  id: true,
  phase: true,
  signingStart: true,
  signingEnd: true,
  signingThreshold: true,
  agreementsEffectiveAt: true,
  signingFailedAt: true,
} satisfies Prisma.ProjectSelect;

export const workflowHouseholdSelect = {
  id: true,
  projectId: true,
  code: true,
  version: true,
  isExcluded: true,
  exclusionReason: true,
  firstRoundVote: true,
  firstRoundVotedAt: true,
  movedOutAt: true,
  handedOverAt: true,
  signing: { select: { id: true, signedAt: true, agreementNumber: true, channel: true } },
  project: { select: workflowProjectSelect },
  // One row is enough to tell VISITED from NOT_CONTACTED.
  visitLogs: { select: { id: true }, take: 1 },
} satisfies Prisma.HouseholdSelect;

export type WorkflowHouseholdRow = Prisma.HouseholdGetPayload<{ select: typeof workflowHouseholdSelect }>;
type WorkflowProjectRow = Prisma.ProjectGetPayload<{ select: typeof workflowProjectSelect }>;

export function workflowClock(now: Date = new Date()): WorkflowClock {
  return { now, timeZone: serverEnv().LIANXIN_TIME_ZONE };
}

export function toWorkflowProject(project: Omit<WorkflowProjectRow, "id" | "signingThreshold">): WorkflowProject {
  return {
    phase: project.phase,
    signingStart: project.signingStart ? calendarDayOfDateColumn(project.signingStart) : null,
    signingEnd: project.signingEnd ? calendarDayOfDateColumn(project.signingEnd) : null,
    agreementsEffectiveAt: project.agreementsEffectiveAt,
    signingFailedAt: project.signingFailedAt,
  };
}

export function toWorkflowHousehold(row: WorkflowHouseholdRow): WorkflowHousehold {
  return {
    isExcluded: row.isExcluded,
    firstRoundVote: row.firstRoundVote,
    signedAt: row.signing?.signedAt ?? null,
    movedOutAt: row.movedOutAt,
    handedOverAt: row.handedOverAt,
  };
}

export function stateOf(household: WorkflowHousehold, hasBeenVisited: boolean): HouseholdState {
  return householdState({ ...household, isSigned: household.signedAt !== null, hasBeenVisited });
}

/** The catalog key that explains a refusal. */
export function refusalKey(refusal: Refusal): `signing.refusals.${Refusal}` {
  return `signing.refusals.${refusal}`;
}

/**
 * A refusal as an AppError: "already done" (usually someone else was quicker) is a CONFLICT,
 * anything else a VALIDATION problem of the whole form — or of the time field when the time
 * entered is what is wrong. Either way the translated "why not" travels in fieldErrors.
 */
export function refusalError(refusal: Refusal, timeField?: string): AppError {
  const timeRefusals: Refusal[] = ["TIME_IN_FUTURE", "SIGNED_AT_OUTSIDE_PERIOD", "BEFORE_SIGNING", "BEFORE_EFFECTIVE", "BEFORE_MOVE_OUT"];
  const field = timeField && timeRefusals.includes(refusal) ? timeField : "_form";
  return new AppError(ALREADY_DONE.has(refusal) ? "CONFLICT" : "VALIDATION", {
    detail: refusal,
    fieldErrors: { [field]: [refusalKey(refusal)] },
  });
}

/** The household, if it belongs to the project and lies in the actor's scope for `action` on
 *  household events; NOT_FOUND otherwise, so a household outside the scope does not leak. */
export async function findHouseholdForEvent(
  tx: Prisma.TransactionClient,
  actor: Actor,
  action: Extract<Action, "record" | "undo">,
  ids: { projectId: string; householdId: string },
): Promise<WorkflowHouseholdRow> {
  const household = await tx.household.findFirst({
    where: { AND: [{ id: ids.householdId, projectId: ids.projectId }, householdScope(actor, action, "household-event")] },
    select: workflowHouseholdSelect,
  });
  if (!household) throw new AppError("NOT_FOUND");
  return household;
}

/** Throws the refusal of `event` for this household now, if any. */
export function assertAllowed(row: WorkflowHouseholdRow, event: WorkflowEvent, clock: WorkflowClock, timeField?: string): void {
  const refusal = refusalOf(toWorkflowHousehold(row), toWorkflowProject(row.project), event, clock);
  if (refusal) throw refusalError(refusal, timeField);
}

/**
 * The optimistic-concurrency write every household event ends with: only if the household still
 * has the version the form was rendered with, bumping it. When someone else changed it first,
 * the reader gets the specific "already done" reason if that is what happened, else CONFLICT.
 */
export async function updateHouseholdAtVersion(
  tx: Prisma.TransactionClient,
  row: WorkflowHouseholdRow,
  version: number,
  data: Prisma.HouseholdUpdateManyMutationInput,
  /** Omit when this transaction already wrote something the re-read would see as its own. */
  recheck?: { event: WorkflowEvent; clock: WorkflowClock },
): Promise<number> {
  const { count } = await tx.household.updateMany({
    where: { id: row.id, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (count === 1) return version + 1;
  const current = recheck ? await tx.household.findUnique({ where: { id: row.id }, select: workflowHouseholdSelect }) : null;
  if (current && recheck) {
    const refusal = refusalOf(toWorkflowHousehold(current), toWorkflowProject(current.project), recheck.event, recheck.clock);
    if (refusal && ALREADY_DONE.has(refusal)) throw refusalError(refusal);
  }
  throw new AppError("CONFLICT", { detail: `household ${row.id} is no longer at version ${version}` });
}

/** What every household-event use case returns. */
export type HouseholdEventResult = {
  householdId: string;
  code: string;
  /** The household's new version, for the next form. */
  version: number;
  state: HouseholdState;
};

/** Transaction settings of the household-event writes: on launch day many leaders record at
 *  once, so a transaction may wait a little longer than Prisma's 2 s for a pooled connection. */
export const EVENT_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 15_000 } as const;

/** Form fields every household event carries: where, which household, and the version the form
 *  was rendered with. */
export const ZHouseholdEventTarget = z.object({
  projectId: z.uuid(),
  householdId: z.uuid(),
  version: z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).positive({ error: "validation.invalid" }),
});

/** An optional time: empty means "now"; a datetime-local value ("2025-03-14T09:30") is read in
 *  the deployment's time zone; an ISO instant with offset is taken as it is. */
export const ZOptionalTime = z
  .union([z.string(), z.date()], { error: "validation.invalid" })
  .optional()
  .transform((value, ctx): Date | undefined => {
    if (value instanceof Date) return value;
    const text = value?.trim();
    if (!text) return undefined;
    const instant = /[zZ]|[+-]\d{2}:\d{2}$/.test(text) ? new Date(text) : instantFromWallClock(text, serverEnv().LIANXIN_TIME_ZONE);
    if (!instant || Number.isNaN(instant.getTime())) {
      ctx.addIssue({ code: "custom", message: "validation.invalid" });
      return z.NEVER;
    }
    return instant;
  });
