// Open tasks (任务) for households still to sign, shared out among each signing group's members.

import type { Attitude, TaskKind, TaskPriority } from "../../../lib/generated/prisma/enums.ts";
import type { Rng } from "../random.ts";
import type { PlanContext } from "./context.ts";
import type { HouseholdState, Households } from "./households.ts";
import type { PlannedGroup } from "./options.ts";
import type { ProjectOrganisation } from "./organisation.ts";

/** Plans the open tasks of an active project and returns how many. */
export function planOpenTasks(
  ctx: PlanContext,
  org: ProjectOrganisation,
  households: Households,
  lastAttitude: Map<string, Attitude>,
  isActive: boolean,
): number {
  const rTask = ctx.root.fork("tasks");
  if (!isActive || ctx.schedule.noticeStart > 0) return 0;
  const share = ctx.activity.openTaskShare ?? 0.5;
  let openTasks = 0;
  org.signingGroups.forEach((group, g) => {
    const unsigned = households.eligible.filter((h) => h.group === g && !h.signedAt);
    const chosen = rTask.shuffle(unsigned).slice(0, Math.ceil(unsigned.length * share));
    const assignees = group.memberIds.length > 0 ? group.memberIds : [group.leaderId];
    chosen.forEach((h, k) => {
      planOpenTask(ctx, org.projectId, rTask, {
        group,
        h,
        assigneeId: assignees[k % assignees.length]!,
        kind: openTaskKind(h, lastAttitude.get(h.id)),
      });
      openTasks++;
    });
  });
  ensureNamedMembersDue(ctx, org);
  return openTasks;
}

/**
 * A named member (a demo login) has open tasks overdue and due today, whatever the draws gave,
 * so their task list shows every section. Only due dates move, and only when the member has a
 * task to spare; no draw is taken, so no other row changes.
 */
function ensureNamedMembersDue(ctx: PlanContext, org: ProjectOrganisation): void {
  const { cal } = ctx;
  const today = cal.date(0).getTime();
  const seen = new Map<number, number>();
  for (const { group } of ctx.options.accounts?.signingGroupMembers ?? []) {
    const k = seen.get(group) ?? 0;
    seen.set(group, k + 1);
    const memberId = org.signingGroups[group]?.memberIds[k];
    if (!memberId) continue;
    const open = ctx.plan.tasks
      .filter((t) => t.assigneeId === memberId && (t.status === "OPEN" || t.status === "IN_PROGRESS"))
      .sort((a, b) => (a.dueDate as Date).getTime() - (b.dueDate as Date).getTime());
    const due = (t: (typeof open)[number]) => (t.dueDate as Date).getTime();
    const spare = (keep: (t: (typeof open)[number]) => boolean) => {
      const others = open.filter((t) => !keep(t));
      // Move from the largest of the other two kinds (upcoming, today, overdue) that has more than one.
      const kinds = [others.filter((t) => due(t) > today), others.filter((t) => due(t) === today), others.filter((t) => due(t) < today)];
      return kinds.sort((a, b) => b.length - a.length)[0]!.filter((_, i, all) => all.length > 1 && i === all.length - 1)[0];
    };
    if (!open.some((t) => due(t) < today)) {
      const task = spare((t) => due(t) < today);
      if (task) {
        task.dueDate = cal.date(-2);
        task.createdAt = new Date(Math.min((task.createdAt as Date).getTime(), cal.at(-5, 9).getTime()));
        task.updatedAt = task.createdAt;
      }
    }
    if (!open.some((t) => due(t) === today)) {
      const task = spare((t) => due(t) === today);
      if (task) task.dueDate = cal.date(0);
    }
  }
}

/** What the household needs next: mediation, assistance, a call to an absent owner, a briefing, or an appointment to sign. */
function openTaskKind(h: HouseholdState, attitude: Attitude | undefined): TaskKind {
  if (h.hasDispute) return "MEDIATION";
  if (h.isHardship) return "ASSISTANCE";
  if (h.ownerLocation !== "LOCAL") return "PHONE_CALL";
  if (h.vote === "DISAGREE") return "POLICY_BRIEFING";
  if (attitude === "SUPPORTIVE") return "SIGNING_APPOINTMENT";
  return "HOME_VISIT";
}

type OpenTask = { group: PlannedGroup; h: HouseholdState; assigneeId: string; kind: TaskKind };

/** Due from a few days ago to next week, created a few days before it is due (and before the anchor). */
function planOpenTask(ctx: PlanContext, projectId: string, rTask: Rng, { group, h, assigneeId, kind }: OpenTask): void {
  const { cal } = ctx;
  const due = rTask.int(-4, 6);
  const createdDay = Math.min(due - rTask.int(1, 4), -1);
  const createdAt = cal.at(createdDay, 8.5 + rTask.next() * 2);
  const priority: TaskPriority = rTask.weighted([
    ["URGENT", 0.08],
    ["HIGH", 0.25],
    ["NORMAL", 0.6],
    ["LOW", 0.07],
  ] as const);
  const inProgress = rTask.chance(0.25);
  ctx.plan.tasks.push({
    id: ctx.id(createdAt.getTime()),
    projectId,
    householdId: h.id,
    assigneeId,
    assignedById: group.leaderId,
    kind,
    dueDate: cal.date(due),
    priority,
    status: inProgress ? "IN_PROGRESS" : "OPEN",
    note: kind === "SIGNING_APPOINTMENT" ? "已表态支持，约定签约时间" : kind === "MEDIATION" ? "家庭内部意见不一，请律师一同上门" : null,
    createdAt,
    updatedAt: createdAt,
  });
}
