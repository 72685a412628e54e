// The one place where "which records may this actor reach" becomes a Prisma `where`.
// Every query of scoped data goes through these builders; a record outside the scope is
// simply not found, so its existence does not leak.
import type { Prisma } from "../generated/prisma/client.ts";
import type { Actor } from "./actor-types.ts";
import { grantedScopes, type Action, type Entity, type Scope } from "./permissions.ts";

const NOTHING = { id: { in: [] as string[] } };

function staffProjectIds(actor: Actor): string[] {
  return [
    ...new Set([...actor.managedProjectIds, ...actor.ledGroups.map((g) => g.projectId), ...actor.memberGroups.map((g) => g.projectId)]),
  ];
}

function projectWhereFor(actor: Actor, scope: Scope): Prisma.ProjectWhereInput | null {
  switch (scope) {
    case "all":
      return {};
    case "project":
      return { id: { in: actor.managedProjectIds } };
    case "own":
      if (actor.householdId) return { households: { some: { id: actor.householdId } } };
      return { id: { in: staffProjectIds(actor) } };
    // Project-level things of a group's or a task's scope (a leader's coverage view, a member's
    // tasks) live in the projects the actor works in that way.
    case "group":
      return { id: { in: [...new Set(actor.ledGroups.map((g) => g.projectId))] } };
    case "task":
      return { id: { in: staffProjectIds(actor) } };
  }
}

function householdWhereFor(actor: Actor, scope: Scope): Prisma.HouseholdWhereInput | null {
  switch (scope) {
    case "all":
      return {};
    case "project":
      return { projectId: { in: actor.managedProjectIds } };
    case "group":
      return { signingGroupId: { in: actor.ledGroups.map((g) => g.groupId) } };
    case "task":
      return { tasks: { some: { assigneeId: actor.userId } } };
    case "own":
      return actor.householdId ? { id: actor.householdId } : null;
  }
}

function union<W extends object>(parts: (W | null)[]): W {
  const present = parts.filter((p): p is W => p !== null);
  if (present.length === 0) return NOTHING as W;
  if (present.some((p) => Object.keys(p).length === 0)) return {} as W;
  return (present.length === 1 ? present[0] : { OR: present }) as W;
}

/** Projects the actor may reach for `action` on `entity` (default: read projects). Use it for
 *  project-level things too, e.g. `projectScope(actor, "manage", "group")`. */
export function projectScope(actor: Actor, action: Action = "read", entity: Entity = "project"): Prisma.ProjectWhereInput {
  return union(grantedScopes(actor, action, entity).map((s) => projectWhereFor(actor, s)));
}

/** Households the actor may reach for `action` on `entity` (default: read households). */
export function householdScope(actor: Actor, action: Action = "read", entity: Entity = "household"): Prisma.HouseholdWhereInput {
  return union(grantedScopes(actor, action, entity).map((s) => householdWhereFor(actor, s)));
}

function ledGroupIds(actor: Actor): string[] {
  return actor.ledGroups.map((g) => g.groupId);
}

function taskWhereFor(actor: Actor, scope: Scope): Prisma.TaskWhereInput | null {
  switch (scope) {
    case "all":
      return {};
    case "project":
      return { projectId: { in: actor.managedProjectIds } };
    case "group":
      return { household: { signingGroupId: { in: ledGroupIds(actor) } } };
    case "own":
      return { assigneeId: actor.userId };
    case "task":
      return null;
  }
}

/** Tasks the actor may reach for `action` (default: read): a secretary's project, a leader's
 *  group's households, a member's own tasks. */
export function taskScope(actor: Actor, action: Action = "read"): Prisma.TaskWhereInput {
  return union(grantedScopes(actor, action, "task").map((s) => taskWhereFor(actor, s)));
}

/** Visit logs the actor may reach for `action` (default: read): those of the households in the
 *  matching household scope. */
export function visitScope(actor: Actor, action: Action = "read"): Prisma.VisitLogWhereInput {
  return union(
    grantedScopes(actor, action, "visit").map((s) => {
      const households = householdWhereFor(actor, s);
      return households === null ? null : Object.keys(households).length === 0 ? {} : { household: households };
    }),
  );
}

function demandWhereFor(actor: Actor, action: Action, scope: Scope): Prisma.DemandWhereInput | null {
  switch (scope) {
    case "all":
      return {};
    case "project":
      return { projectId: { in: actor.managedProjectIds } };
    case "group":
      // A special group's leader works the demands routed to the group; a signing group's leader
      // also reads (and raises) those of the group's households, but moves on only the routed ones.
      if (action === "manage") return { routedGroupId: { in: ledGroupIds(actor) } };
      return {
        OR: [{ routedGroupId: { in: ledGroupIds(actor) } }, { household: { signingGroupId: { in: ledGroupIds(actor) } } }],
      };
    case "task":
      return { household: { tasks: { some: { assigneeId: actor.userId } } } };
    case "own":
      return actor.householdId ? { householdId: actor.householdId } : null;
  }
}

/** Demands the actor may reach for `action` (default: read). */
export function demandScope(actor: Actor, action: Action = "read"): Prisma.DemandWhereInput {
  return union(grantedScopes(actor, action, "demand").map((s) => demandWhereFor(actor, action, s)));
}

/** Daily reports the actor may reach for `action` (default: read): the secretary's projects, the
 *  groups a leader leads. */
export function dailyReportScope(actor: Actor, action: Action = "read"): Prisma.DailyReportWhereInput {
  return union(
    grantedScopes(actor, action, "daily-report").map((s): Prisma.DailyReportWhereInput | null => {
      if (s === "all") return {};
      if (s === "project") return { projectId: { in: actor.managedProjectIds } };
      if (s === "group") return { groupId: { in: ledGroupIds(actor) } };
      return null;
    }),
  );
}

/** Signing groups whose daily reports the actor may reach for `action` (a report may not exist
 *  yet: its draft is built from the group's rows): the same scopes as dailyReportScope. */
export function dailyReportGroupScope(actor: Actor, action: Action = "read"): Prisma.WorkingGroupWhereInput {
  const groups = union(
    grantedScopes(actor, action, "daily-report").map((s): Prisma.WorkingGroupWhereInput | null => {
      if (s === "all") return {};
      if (s === "project") return { projectId: { in: actor.managedProjectIds } };
      if (s === "group") return { id: { in: ledGroupIds(actor) } };
      return null;
    }),
  );
  return { AND: [{ kind: "SIGNING" }, groups] };
}

/** Households whose full phone number the actor may see: those of the actor's open tasks. */
export function phoneScope(actor: Actor): Prisma.HouseholdWhereInput {
  return union(
    grantedScopes(actor, "reveal", "phone").map((s): Prisma.HouseholdWhereInput | null =>
      s === "task" ? { tasks: { some: { assigneeId: actor.userId, status: { in: ["OPEN", "IN_PROGRESS"] } } } } : null,
    ),
  );
}

function staffUserWhereFor(actor: Actor, scope: Scope): Prisma.UserWhereInput | null {
  switch (scope) {
    case "all":
      return {};
    // Members of the working groups of the projects the actor manages.
    case "project":
      return { groupMemberships: { some: { group: { projectId: { in: actor.managedProjectIds } } } } };
    case "own":
      return { id: actor.userId };
    case "group":
    case "task":
      return null;
  }
}

/** Staff accounts (never residents, never district officials) the actor may reach for `action`
 *  on `entity`, e.g. `staffUserScope(actor, "reset", "password")`. */
export function staffUserScope(actor: Actor, action: Action, entity: Entity): Prisma.UserWhereInput {
  return { AND: [{ role: "STAFF" }, union(grantedScopes(actor, action, entity).map((s) => staffUserWhereFor(actor, s)))] };
}
