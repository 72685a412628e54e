import "server-only";
// The task list's filters as they travel in the URL, and the scoped `where` they make: one
// parsing for the list page and the export, so both see the same tasks. Lenient like the
// household list: a value that does not parse is dropped.
import { z } from "zod";
import type { Actor } from "../../../auth/actor-types.ts";
import type { Action } from "../../../auth/permissions.ts";
import { taskScope } from "../../../auth/scope.ts";
import type { CalendarDay } from "../../../domain/calendar-day.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { TASK_KINDS, TASK_STATUSES } from "../task-input.ts";
import { OPEN_TASK_STATUSES } from "./assignees.ts";

function firstString(value: unknown): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  if (typeof first !== "string") return undefined;
  const trimmed = first.trim();
  return trimmed === "" ? undefined : trimmed;
}

function lenient<T extends z.ZodType>(schema: T) {
  return z.preprocess(firstString, schema.optional()).catch(undefined);
}

export const TASK_PAGE_SIZE = 50;
/** "open" (the default): OPEN or IN_PROGRESS · "all": every status · or one status. */
export const TASK_STATUS_FILTERS = ["open", "all", ...TASK_STATUSES] as const;

export const ZTaskListQuery = z.object({
  status: lenient(z.enum(TASK_STATUS_FILTERS)).transform((v) => v ?? "open"),
  assignee: lenient(z.uuid()),
  kind: lenient(z.enum(TASK_KINDS)),
  overdue: lenient(z.enum(["1", "true", "on"]).transform(() => true as const)),
  group: lenient(z.uuid()),
  page: lenient(z.coerce.number().int().min(1).max(100_000)).transform((v) => v ?? 1),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;

export function parseTaskListQuery(search: Record<string, string | string[] | undefined> | URLSearchParams): TTaskListQuery {
  const record = search instanceof URLSearchParams ? Object.fromEntries(search.entries()) : search;
  return ZTaskListQuery.parse(record);
}

/** The query string of a list query, without defaults and page (for links and the export). */
export function taskFilterQueryString(query: TTaskListQuery, changes: Partial<TTaskListQuery> = {}): string {
  const merged = { ...query, ...changes };
  const params = new URLSearchParams();
  if (merged.status !== "open") params.set("status", merged.status);
  if (merged.assignee) params.set("assignee", merged.assignee);
  if (merged.kind) params.set("kind", merged.kind);
  if (merged.overdue) params.set("overdue", "1");
  if (merged.group) params.set("group", merged.group);
  if (merged.page > 1) params.set("page", String(merged.page));
  return params.toString();
}

/** Overdue (isTaskOverdue): open and due before today. */
export function overdueWhere(today: CalendarDay): Prisma.TaskWhereInput {
  return { status: { in: OPEN_TASK_STATUSES }, dueDate: { lt: new Date(`${today}T00:00:00Z`) } };
}

/** Tasks of one project matching the filters, in the actor's scope for `action`. */
export function scopedTaskWhere(
  actor: Actor,
  action: Action,
  projectId: string,
  query: TTaskListQuery,
  today: CalendarDay,
): Prisma.TaskWhereInput {
  const and: Prisma.TaskWhereInput[] = [taskScope(actor, action), { projectId }];
  if (query.status === "open") and.push({ status: { in: OPEN_TASK_STATUSES } });
  else if (query.status !== "all") and.push({ status: query.status });
  if (query.assignee) and.push({ assigneeId: query.assignee });
  if (query.kind) and.push({ kind: query.kind });
  if (query.overdue) and.push(overdueWhere(today));
  if (query.group) and.push({ household: { signingGroupId: query.group } });
  return { AND: and };
}

/** What a task row shows, in the list and the export. */
export const taskRowSelect = {
  id: true,
  version: true,
  kind: true,
  status: true,
  priority: true,
  dueDate: true,
  note: true,
  createdAt: true,
  completedAt: true,
  cancelledAt: true,
  cancelReason: true,
  assignee: { select: { id: true, name: true } },
  household: { select: { id: true, code: true, address: true, headName: true, signingGroup: { select: { name: true } } } },
} satisfies Prisma.TaskSelect;
export type TaskRowRecord = Prisma.TaskGetPayload<{ select: typeof taskRowSelect }>;
