import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { householdScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { spreadRoundRobin } from "../../domain/field-work.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import { parseInput } from "../../validation.ts";
import { parseHouseholdListQuery, ZHouseholdFilter } from "../households/household-filter.ts";
import { scopedFilterWhere } from "../households/household-queries.ts";
import { OPEN_TASK_STATUSES, refuseOutsideAssignees, refuseProjectOutOfReach } from "./internal/assignees.ts";
import { insertTasks, taskTargetRefusal, type TaskDraft } from "./internal/insert-tasks.ts";
import { ZTaskDueDate, ZTaskKind, ZTaskNote, ZTaskPriority } from "./task-input.ts";

/** The most households one bulk request may cover (a whole project). */
export const MAX_BULK_TASKS = 5000;
const NO_FILTER = ZHouseholdFilter.parse({});

/** A form's repeated field (or one comma-separated value) as a list. */
const idList = (max: number) =>
  z.preprocess(
    (value) => (value === undefined || value === "" ? [] : Array.isArray(value) ? value : String(value).split(",").filter(Boolean)),
    z.array(z.uuid({ error: "validation.invalid" })).max(max, { error: "validation.invalid" }),
  );

export const ZBulkCreateTasksInput = z.object({
  projectId: z.uuid(),
  /** selection: the ticked households · filter: everything the household list's filter shows. */
  mode: z.enum(["selection", "filter"], { error: "validation.required" }),
  householdIds: idList(MAX_BULK_TASKS),
  /** The household list's query string (without "?"), for mode "filter". */
  filter: z.string().max(2000).optional(),
  kind: ZTaskKind,
  dueDate: ZTaskDueDate,
  priority: ZTaskPriority,
  note: ZTaskNote,
  /** one: every task to `assigneeId` · spread: over `memberIds`, fewest open tasks first. */
  spread: z.enum(["one", "spread"], { error: "validation.required" }).default("one"),
  assigneeId: z.preprocess((v) => (v === "" ? undefined : v), z.uuid({ error: "tasks.errors.chooseAssignee" }).optional()),
  memberIds: idList(200),
});
export type TBulkCreateTasksInput = z.infer<typeof ZBulkCreateTasksInput>;

export type BulkTaskCounts = {
  /** Households that get a task. */
  willCreate: number;
  /** Households skipped because they have an unfinished task of that kind already. */
  skippedOpen: number;
  /** Households skipped because they are excluded or moved out. */
  skippedIneligible: number;
};

export type BulkCreateTasksResult = BulkTaskCounts & {
  created: number;
  /** Tasks given to each assignee by this request, in the order the assignees were chosen. */
  perAssignee: { assigneeId: string; name: string; count: number }[];
};

function assigneesOf(data: TBulkCreateTasksInput): string[] {
  if (data.spread === "one") {
    if (!data.assigneeId) throw new AppError("VALIDATION", { fieldErrors: { assigneeId: ["tasks.errors.chooseAssignee"] } });
    return [data.assigneeId];
  }
  const members = [...new Set(data.memberIds)];
  if (members.length === 0) throw new AppError("VALIDATION", { fieldErrors: { memberIds: ["tasks.errors.chooseAssignee"] } });
  return members;
}

/** The households a request covers: the list's own where (read scope + filter) within what the
 *  actor may assign tasks for, so list, export and bulk see the same households. */
async function householdsWhere(actor: Actor, data: TBulkCreateTasksInput): Promise<Prisma.HouseholdWhereInput> {
  const inScope = householdScope(actor, "assign", "task");
  if (data.mode === "selection") {
    if (data.householdIds.length === 0)
      throw new AppError("VALIDATION", { fieldErrors: { householdIds: ["tasks.errors.selectHouseholds"] } });
    return { AND: [await scopedFilterWhere(actor, "read", data.projectId, NO_FILTER), inScope, { id: { in: data.householdIds } }] };
  }
  const filter = parseHouseholdListQuery(new URLSearchParams(data.filter ?? ""));
  return { AND: [await scopedFilterWhere(actor, "read", data.projectId, filter), inScope] };
}

type Classified = { counts: BulkTaskCounts; eligibleIds: string[] };

async function classify(tx: Prisma.TransactionClient, data: TBulkCreateTasksInput, where: Prisma.HouseholdWhereInput): Promise<Classified> {
  const total = await tx.household.count({ where });
  if (total > MAX_BULK_TASKS) throw new AppError("VALIDATION", { fieldErrors: { _form: ["tasks.errors.tooMany"] } });
  const rows = await tx.household.findMany({
    where,
    select: {
      id: true,
      isExcluded: true,
      movedOutAt: true,
      tasks: { where: { kind: data.kind, status: { in: OPEN_TASK_STATUSES } }, select: { id: true }, take: 1 },
    },
    orderBy: { code: "asc" },
  });
  if (data.mode === "selection" && rows.length !== new Set(data.householdIds).size) throw new AppError("NOT_FOUND");
  let skippedOpen = 0;
  let skippedIneligible = 0;
  const eligibleIds: string[] = [];
  for (const row of rows) {
    if (taskTargetRefusal(row) !== null) skippedIneligible += 1;
    else if (row.tasks.length > 0) skippedOpen += 1;
    else eligibleIds.push(row.id);
  }
  return { counts: { willCreate: eligibleIds.length, skippedOpen, skippedIneligible }, eligibleIds };
}

/**
 * The count the bulk form shows before it is confirmed: how many tasks the same request would
 * create and how many households it would skip (unfinished task of that kind; excluded or moved
 * out). Writes nothing; refuses what bulkCreateTasks would refuse.
 */
export async function previewBulkTasks(actor: Actor, input: unknown): Promise<BulkTaskCounts> {
  requirePermission(actor, "assign", "task");
  const data = parseInput(ZBulkCreateTasksInput, input);
  const where = await householdsWhere(actor, data);
  const prisma = db();
  await refuseProjectOutOfReach(prisma, actor, data.projectId);
  const { counts } = await classify(prisma, data, where);
  await refuseOutsideAssignees(prisma, actor, data.projectId, assigneesOf(data), data.spread === "one" ? "assigneeId" : "memberIds");
  return counts;
}

/**
 * Rule: a secretary (their project) or a group leader (their group's households) creates one
 * task per household of the list's current filter or of a selection — at most 5,000 — for one
 * assignee or spread over chosen members with spreadRoundRobin, seeded with each member's open
 * tasks in the project. Households with an unfinished task of that kind, and excluded or
 * moved-out ones, are skipped and counted. All in one transaction (the households are locked
 * while they are counted, so two requests cannot both create), one `create:task` event each.
 */
export async function bulkCreateTasks(actor: Actor, input: unknown): Promise<BulkCreateTasksResult> {
  requirePermission(actor, "assign", "task");
  const data = parseInput(ZBulkCreateTasksInput, input);
  const where = await householdsWhere(actor, data);
  const assignees = assigneesOf(data);

  return db().$transaction(
    async (tx) => {
      await refuseProjectOutOfReach(tx, actor, data.projectId);
      const candidates = await tx.household.findMany({ where, select: { id: true }, take: MAX_BULK_TASKS + 1 });
      if (candidates.length > MAX_BULK_TASKS) throw new AppError("VALIDATION", { fieldErrors: { _form: ["tasks.errors.tooMany"] } });
      if (candidates.length > 0)
        await tx.$executeRaw`SELECT 1 FROM "Household" WHERE id = ANY(${candidates.map((c) => c.id)}::uuid[]) ORDER BY id FOR UPDATE`;
      const { counts, eligibleIds } = await classify(tx, data, where);
      await refuseOutsideAssignees(tx, actor, data.projectId, assignees, data.spread === "one" ? "assigneeId" : "memberIds");
      if (eligibleIds.length === 0) throw new AppError("VALIDATION", { fieldErrors: { _form: ["tasks.errors.nothingToCreate"] } });

      const openCounts = await tx.task.groupBy({
        by: ["assigneeId"],
        where: { projectId: data.projectId, assigneeId: { in: assignees }, status: { in: OPEN_TASK_STATUSES } },
        _count: { _all: true },
      });
      const open = new Map(openCounts.map((c) => [c.assigneeId, c._count._all]));
      const spread = spreadRoundRobin(
        eligibleIds,
        assignees.map((id) => ({ id, openTasks: open.get(id) ?? 0 })),
      );
      const drafts: TaskDraft[] = spread.map(({ household, assigneeId }) => ({
        householdId: household,
        assigneeId,
        kind: data.kind,
        dueDate: data.dueDate,
        priority: data.priority,
        note: data.note,
      }));
      await insertTasks(tx, actor.userId, data.projectId, drafts);

      const names = new Map(
        (await tx.user.findMany({ where: { id: { in: assignees } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
      );
      const given = new Map<string, number>();
      for (const d of drafts) given.set(d.assigneeId, (given.get(d.assigneeId) ?? 0) + 1);
      return {
        ...counts,
        created: drafts.length,
        perAssignee: assignees.map((id) => ({ assigneeId: id, name: names.get(id) ?? "", count: given.get(id) ?? 0 })),
      };
    },
    // A filter may cover a whole project (5,000 households): give it time.
    { timeout: 120_000, maxWait: 10_000 },
  );
}
