// Typed permissions `action:entity:scope`. A role grants permissions; the scope part says which
// records the permission reaches, and lib/auth/scope.ts turns it into a Prisma `where`.
// `requirePermission` guards use cases on the server; `can` only decides what the UI shows.
import { AppError } from "../errors.ts";
import type { Actor, ActorRole } from "./actor-types.ts";

export type Action =
  "read" | "create" | "update" | "manage" | "import" | "export" | "assign" | "record" | "undo" | "issue" | "reveal" | "reset";
export type Entity =
  | "project"
  /** Working groups and their members. */
  | "group"
  | "household"
  /** First-round vote, signing, move-out, hand-over, exclusion: the household's workflow events. */
  | "household-event"
  | "access-code"
  /** Visit tasks: assign = create, reassign, cancel. */
  | "task"
  /** Visit logs (走访日志). */
  | "visit"
  /** Residents' demands (诉求): create = raise; manage = move on (in progress, escalate, resolve, re-route). */
  | "demand"
  /** Daily reports of signing groups (每日一汇报): record = complete and submit. */
  | "daily-report"
  /** The project's coverage rules (五必访) and the coverage view. */
  | "coverage"
  /** Reception slots (房屋征收接待): manage = define, change the capacity, cancel. Residents read
   *  the open ones of their own project. */
  | "reception"
  /** A household's booking of a reception slot: manage = book, move, cancel. */
  | "appointment"
  /** A household's full phone number (masked everywhere else; each reveal is audited). */
  | "phone"
  /** A staff account's password: update = change one's own; reset = issue a new one-time password. */
  | "password"
  /** Notices (公告公示) as the staff work them, drafts included: create = write and edit a draft;
   *  manage = publish and withdraw. Residents read the published ones as part of their project
   *  (read:project:own), never through this entity. */
  | "notice"
  /** The compensation policy (征收补偿方案): update = save the draft; manage = publish it. */
  | "compensation"
  /** A household's compensation estimate from the published policy. */
  | "estimate";
/** all: every record · project: projects the actor manages · group: households of groups the
 *  actor leads (for demands: also demands routed to a special group the actor leads; to manage a
 *  demand, only those) · task: households the actor has tasks for (for a phone: an open task) ·
 *  own: the actor's own household/projects (for tasks: the tasks assigned to the actor). */
export type Scope = "all" | "project" | "group" | "task" | "own";
export type Permission = `${Action}:${Entity}:${Scope}`;

const ROLE_PERMISSIONS: Record<ActorRole, readonly Permission[]> = {
  DISTRICT_OFFICIAL: [
    "read:project:all",
    "create:project:all",
    "update:project:all",
    "read:household:all",
    "export:household:all",
    // Officials watch field work across the district; they do not assign or log it.
    "read:task:all",
    "export:task:all",
    "read:visit:all",
    "export:visit:all",
    "read:demand:all",
    "export:demand:all",
    "read:daily-report:all",
    "read:coverage:all",
    "read:reception:all",
    "read:notice:all",
    "read:compensation:all",
    "read:estimate:all",
    "update:password:own",
    // Any staff account; never another official's or a resident's (staffUserScope).
    "reset:password:all",
  ],
  SECRETARY: [
    "read:project:project",
    "update:project:project",
    "manage:group:project",
    "read:household:project",
    "update:household:project",
    "import:household:project",
    "export:household:project",
    "assign:household:project",
    "record:household-event:project",
    // Only the secretary may take back a recorded vote, signing, move-out, hand-over or exclusion.
    "undo:household-event:project",
    "issue:access-code:project",
    "read:task:project",
    "assign:task:project",
    "export:task:project",
    "read:visit:project",
    "record:visit:project",
    "export:visit:project",
    "read:demand:project",
    "create:demand:project",
    "manage:demand:project",
    "export:demand:project",
    "read:daily-report:project",
    "read:coverage:project",
    "update:coverage:project",
    "read:reception:project",
    "manage:reception:project",
    "read:notice:project",
    "create:notice:project",
    "manage:notice:project",
    "read:compensation:project",
    "update:compensation:project",
    "manage:compensation:project",
    "read:estimate:project",
    // Members of the project's working groups.
    "reset:password:project",
  ],
  GROUP_LEADER: [
    "read:project:own",
    "read:household:group",
    "update:household:group",
    "export:household:group",
    "record:household-event:group",
    "issue:access-code:group",
    "read:task:group",
    "assign:task:group",
    "export:task:group",
    "read:visit:group",
    "record:visit:group",
    "export:visit:group",
    "read:demand:group",
    "create:demand:group",
    "manage:demand:group",
    "export:demand:group",
    "read:daily-report:group",
    "record:daily-report:group",
    "read:coverage:group",
    "read:estimate:group",
  ],
  MEMBER: [
    "read:project:own",
    "read:household:task",
    "read:task:own",
    "read:visit:task",
    "record:visit:task",
    "read:demand:task",
    "create:demand:task",
    "reveal:phone:task",
    "read:estimate:task",
    // Every staff user is at least a member, so every staff user may change their own password.
    "update:password:own",
  ],
  RESIDENT: [
    "read:project:own",
    "read:household:own",
    // Their own household's demands: raised on their page, followed with the answer.
    "create:demand:own",
    "read:demand:own",
    "read:reception:own",
    "manage:appointment:own",
    "read:estimate:own",
  ],
};

export function actorRoles(actor: Actor): ActorRole[] {
  const roles: ActorRole[] = [];
  if (actor.role === "DISTRICT_OFFICIAL") roles.push("DISTRICT_OFFICIAL");
  if (actor.role === "RESIDENT") roles.push("RESIDENT");
  if (actor.role === "STAFF") {
    if (actor.managedProjectIds.length > 0) roles.push("SECRETARY");
    if (actor.ledGroups.length > 0) roles.push("GROUP_LEADER");
    // Every staff user is at least a member: tasks can be assigned to anyone on staff.
    roles.push("MEMBER");
  }
  return roles;
}

export function permissionsOf(actor: Actor): Set<Permission> {
  return new Set(actorRoles(actor).flatMap((role) => ROLE_PERMISSIONS[role]));
}

/** The scopes in which the actor may do `action` on `entity`; empty when not at all. */
export function grantedScopes(actor: Actor, action: Action, entity: Entity): Scope[] {
  const prefix = `${action}:${entity}:`;
  return [...permissionsOf(actor)]
    .filter((permission) => permission.startsWith(prefix))
    .map((permission) => permission.slice(prefix.length) as Scope);
}

export function can(actor: Actor, action: Action, entity: Entity): boolean {
  return grantedScopes(actor, action, entity).length > 0;
}

/** Throws FORBIDDEN unless the actor holds the permission in some scope; returns the scopes. */
export function requirePermission(actor: Actor, action: Action, entity: Entity): Scope[] {
  const scopes = grantedScopes(actor, action, entity);
  if (scopes.length === 0) throw new AppError("FORBIDDEN", { detail: `${action}:${entity}` });
  return scopes;
}

/** For hiding links only: whether any granted scope of the permission can reach `projectId`.
 *  Task scope counts for any project the actor works in; the use case decides for real. */
export function canInProject(actor: Actor, action: Action, entity: Entity, projectId: string): boolean {
  const worksIn =
    actor.managedProjectIds.includes(projectId) ||
    actor.ledGroups.some((g) => g.projectId === projectId) ||
    actor.memberGroups.some((g) => g.projectId === projectId);
  return grantedScopes(actor, action, entity).some((scope) => {
    switch (scope) {
      case "all":
        return true;
      case "project":
        return actor.managedProjectIds.includes(projectId);
      case "group":
        return actor.ledGroups.some((g) => g.projectId === projectId);
      case "task":
      case "own":
        return worksIn;
    }
  });
}
