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
    default:
      return null;
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
