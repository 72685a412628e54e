import "server-only";
// The one way tasks come into being (one household's form, the bulk form, a visit's follow-up),
// so every new task gets the same columns, its "create:task" audit event and the live "task"
// notification. Callers check permission, scope and the household (refuseTaskTarget) first.
import type { CalendarDay } from "../../../domain/calendar-day.ts";
import { AppError } from "../../../errors.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import type { TaskKind, TaskPriority } from "../../../generated/prisma/enums.ts";
import { recordAudits } from "../../audit.ts";
import { notifyProjectChanged } from "../../live/notify-project-changed.ts";

export type TaskDraft = {
  householdId: string;
  assigneeId: string;
  kind: TaskKind;
  dueDate: CalendarDay;
  priority: TaskPriority;
  note: string | null;
};

/** Inserts tasks and one "create:task" audit event each, set-based (an INSERT … RETURNING, then
 *  an INSERT … SELECT FROM unnest), and notifies "task". No permission check: callers check.
 *  Returns the new ids in draft order. */
export async function insertTasks(
  tx: Prisma.TransactionClient,
  actorId: string,
  projectId: string,
  drafts: TaskDraft[],
): Promise<string[]> {
  if (drafts.length === 0) return [];
  // Ids are drawn once in a materialised CTE, so the answer can list them in the drafts' order
  // (WITH ORDINALITY) whatever order the INSERT writes in.
  const rows = await tx.$queryRaw<{ id: string }[]>`
    WITH d AS MATERIALIZED (
      SELECT uuidv7() AS id, u.household_id, u.assignee_id, u.kind, u.due_date, u.priority, u.note, u.ord
      FROM unnest(
        ${drafts.map((d) => d.householdId)}::uuid[],
        ${drafts.map((d) => d.assigneeId)}::uuid[],
        ${drafts.map((d) => d.kind)}::text[],
        ${drafts.map((d) => d.dueDate)}::date[],
        ${drafts.map((d) => d.priority)}::text[],
        ${drafts.map((d) => d.note)}::text[]
      ) WITH ORDINALITY AS u(household_id, assignee_id, kind, due_date, priority, note, ord)
    ), inserted AS (
      INSERT INTO "Task" (id, "projectId", "householdId", "assigneeId", "assignedById", kind, "dueDate", priority, note, "updatedAt")
      SELECT d.id, ${projectId}::uuid, d.household_id, d.assignee_id, ${actorId}::uuid, d.kind::"TaskKind", d.due_date,
             d.priority::"TaskPriority", d.note, now()
      FROM d
      RETURNING id
    )
    SELECT d.id::text AS id FROM d JOIN inserted USING (id) ORDER BY d.ord`;
  if (rows.length !== drafts.length) throw new Error("insertTasks: not every draft was inserted");
  const ids = rows.map((r) => r.id);
  // A bulk request writes thousands: one set-based INSERT, not Prisma's createMany.
  await recordAudits(
    tx,
    drafts.map((d, i) => ({
      actorId,
      action: "create:task",
      entity: "task",
      entityId: ids[i]!,
      projectId,
      after: { householdId: d.householdId, assigneeId: d.assigneeId, kind: d.kind, dueDate: d.dueDate, priority: d.priority, note: d.note },
    })),
  );
  await notifyProjectChanged(tx, projectId, "task");
  return ids;
}

/** What refuseTaskTarget needs of a household. */
export type TaskTargetHousehold = { isExcluded: boolean; movedOutAt: Date | null };

/** Why a household may not get a task, as a catalog key; null when it may. */
export function taskTargetRefusal(
  household: TaskTargetHousehold,
): "tasks.errors.householdExcluded" | "tasks.errors.householdMovedOut" | null {
  if (household.isExcluded) return "tasks.errors.householdExcluded";
  if (household.movedOutAt !== null) return "tasks.errors.householdMovedOut";
  return null;
}

/** Rule: only a household that is neither excluded nor moved out gets a task; otherwise
 *  VALIDATION on `householdId` with the reason. */
export function refuseTaskTarget(household: TaskTargetHousehold): void {
  const refusal = taskTargetRefusal(household);
  if (refusal) throw new AppError("VALIDATION", { fieldErrors: { householdId: [refusal] } });
}
