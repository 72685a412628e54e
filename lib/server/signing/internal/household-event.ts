import "server-only";
// The one skeleton every household event (vote, signing, move-out, hand-over, exclusion,
// inclusion, undo) runs through, so that permission and scope, the state-machine check, the
// version check, the audit event and the live notification are written once and no event can
// skip one. Each use case in lib/server/signing supplies only what is its own (a
// HouseholdEventDefinition). Under internal/ because pages and components must call the use
// cases, never run an event around them.
import { z } from "zod";
import type { Actor } from "../../../auth/actor-types.ts";
import { requirePermission } from "../../../auth/permissions.ts";
import { householdScope } from "../../../auth/scope.ts";
import { db } from "../../../db.ts";
import { instantFromWallClock } from "../../../domain/calendar-day.ts";
import type { HouseholdState } from "../../../domain/household-state.ts";
import {
  ALREADY_DONE,
  applyEvent,
  refusalOf,
  type Refusal,
  type WorkflowClock,
  type WorkflowEvent,
} from "../../../domain/household-workflow.ts";
import { serverEnv } from "../../../env.ts";
import { AppError } from "../../../errors.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { parseInput } from "../../../validation.ts";
import { recordAudit, type AuditInput } from "../../audit.ts";
import { notifyProjectChanged } from "../../live/notify-project-changed.ts";
import type { ProgressKind } from "../../live/progress-event.ts";
import {
  stateOf,
  toWorkflowHousehold,
  toWorkflowProject,
  workflowClock,
  workflowHouseholdSelect,
  type WorkflowHouseholdRow,
} from "../workflow.ts";

/** Form fields every household event carries: where, which household, and the version the form
 *  was rendered with. */
export const ZHouseholdEventTarget = z.object({
  projectId: z.uuid(),
  householdId: z.uuid(),
  version: z.coerce.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).positive({ error: "validation.invalid" }),
});
type HouseholdEventTarget = z.output<typeof ZHouseholdEventTarget>;

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

/** What every household-event use case returns. */
export type HouseholdEventResult = {
  householdId: string;
  code: string;
  /** The household's new version, for the next form. */
  version: number;
  state: HouseholdState;
};

/** What a definition's steps are given. */
export type HouseholdEventContext<TInput, TEvent> = {
  actor: Actor;
  input: TInput;
  event: TEvent;
  clock: WorkflowClock;
  /** The household as read at the start of the transaction, before this event. */
  household: WorkflowHouseholdRow;
};

/** What one household event is made of: everything that is its own and nothing of the skeleton. */
export type HouseholdEventDefinition<TInput extends HouseholdEventTarget, TEvent extends WorkflowEvent, TExtra extends object> = {
  /** The permission on household-event the actor needs; the household must lie in the scope of
   *  the same action. */
  permission: "record" | "undo";
  schema: z.ZodType<TInput>;
  /** The state-machine event the parsed input stands for (a time left empty is `clock.now`). */
  event: (input: TInput, clock: WorkflowClock) => TEvent;
  /** The form field where a refusal of the entered time is shown. */
  timeField?: string;
  /**
   * A write of the event's own that decides between concurrent attempts, before the version check
   * (a signing's insert: the unique Signing.householdId lets only one transaction make it). Once
   * it has run, a version mismatch is reported as plain CONFLICT: re-reading the household would
   * show this transaction's own write as "already done".
   */
  claim?: (tx: Prisma.TransactionClient, context: HouseholdEventContext<TInput, TEvent>) => Promise<void>;
  /** The household columns the event sets, written only at the version the form was rendered with. */
  update: (context: HouseholdEventContext<TInput, TEvent>) => Prisma.HouseholdUpdateManyMutationInput;
  audit: (context: HouseholdEventContext<TInput, TEvent>) => Pick<AuditInput, "action" | "before" | "after">;
  notify: ProgressKind;
  /** Last in the transaction, so that a project lock taken here is held briefly: what follows from
   *  the change (effectiveness), and the use case's own fields of the returned DTO. */
  finish?: (context: HouseholdEventContext<TInput, TEvent>, tx: Prisma.TransactionClient) => TExtra | Promise<TExtra>;
};

/** Transaction settings of the household-event writes: on launch day many leaders record at
 *  once, so a transaction may wait a little longer than Prisma's 2 s for a pooled connection, and
 *  on an overloaded server its turn at the project lock (20 leaders at once on 2 busy cores took
 *  17 s) must not expire a signing that would otherwise commit. */
const EVENT_TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 30_000 } as const;

/**
 * Runs one household event: permission, input, then in one transaction the household in the
 * actor's scope (else NOT_FOUND, so a household outside it does not leak), the state machine's
 * verdict, the version-checked write, the audit event and the live notification — all committing
 * together or not at all.
 */
export async function runHouseholdEvent<
  TInput extends HouseholdEventTarget,
  TEvent extends WorkflowEvent,
  TExtra extends object = Record<never, never>,
>(actor: Actor, input: unknown, definition: HouseholdEventDefinition<TInput, TEvent, TExtra>): Promise<HouseholdEventResult & TExtra> {
  requirePermission(actor, definition.permission, "household-event");
  const parsed = parseInput(definition.schema, input);
  const clock = workflowClock();
  const event = definition.event(parsed, clock);

  return db().$transaction(async (tx) => {
    const household = await tx.household.findFirst({
      where: {
        AND: [{ id: parsed.householdId, projectId: parsed.projectId }, householdScope(actor, definition.permission, "household-event")],
      },
      select: workflowHouseholdSelect,
    });
    if (!household) throw new AppError("NOT_FOUND");
    const refusal = refusalOf(toWorkflowHousehold(household), toWorkflowProject(household.project), event, clock);
    if (refusal) throw refusalError(refusal, definition.timeField);

    const context: HouseholdEventContext<TInput, TEvent> = { actor, input: parsed, event, clock, household };
    if (definition.claim) await definition.claim(tx, context);
    const version = await updateHouseholdAtVersion(
      tx,
      household,
      parsed.version,
      definition.update(context),
      definition.claim ? undefined : { event, clock },
    );
    await recordAudit(tx, {
      actorId: actor.userId,
      entity: "household",
      entityId: household.id,
      projectId: parsed.projectId,
      ...definition.audit(context),
    });
    await notifyProjectChanged(tx, parsed.projectId, definition.notify);
    const extra = definition.finish ? await definition.finish(context, tx) : ({} as TExtra);
    return {
      householdId: household.id,
      code: household.code,
      version,
      state: stateOf(applyEvent(toWorkflowHousehold(household), event), household.visitLogs.length > 0),
      ...extra,
    };
  }, EVENT_TRANSACTION_OPTIONS);
}

/**
 * A refusal as an AppError: "already done" (usually someone else was quicker) is a CONFLICT,
 * anything else a VALIDATION problem of the whole form — or of the time field when the time
 * entered is what is wrong. Either way the translated "why not" travels in fieldErrors.
 */
export function refusalError(refusal: Refusal, timeField?: string): AppError {
  const timeRefusals: Refusal[] = ["TIME_IN_FUTURE", "SIGNED_AT_OUTSIDE_PERIOD", "BEFORE_SIGNING", "BEFORE_EFFECTIVE", "BEFORE_MOVE_OUT"];
  const field = timeField && timeRefusals.includes(refusal) ? timeField : "_form";
  const key: `signing.refusals.${Refusal}` = `signing.refusals.${refusal}`;
  return new AppError(ALREADY_DONE.has(refusal) ? "CONFLICT" : "VALIDATION", { detail: refusal, fieldErrors: { [field]: [key] } });
}

/**
 * The optimistic-concurrency write: only if the household still has the version the form was
 * rendered with, bumping it. When someone else changed it first, the reader gets the specific
 * "already done" reason if that is what happened, else CONFLICT.
 */
async function updateHouseholdAtVersion(
  tx: Prisma.TransactionClient,
  row: WorkflowHouseholdRow,
  version: number,
  data: Prisma.HouseholdUpdateManyMutationInput,
  /** Omitted when this transaction already wrote something the re-read would see as its own. */
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
