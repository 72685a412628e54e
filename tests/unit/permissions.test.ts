import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor-types";
import { actorRoles, can, grantedScopes, requirePermission } from "@/lib/auth/permissions";
import { householdScope, projectScope } from "@/lib/auth/scope";
import { AppError } from "@/lib/errors";

const base: Actor = {
  userId: "u",
  name: "n",
  role: "STAFF",
  managedProjectIds: [],
  ledGroups: [],
  memberGroups: [],
  householdId: null,
  mustChangePassword: false,
};

describe("roles and permissions", () => {
  it("derives roles from memberships", () => {
    expect(actorRoles({ ...base, role: "DISTRICT_OFFICIAL" })).toEqual(["DISTRICT_OFFICIAL"]);
    expect(actorRoles({ ...base, managedProjectIds: ["p"] })).toEqual(["SECRETARY", "MEMBER"]);
    expect(
      actorRoles({ ...base, ledGroups: [{ groupId: "g", projectId: "p" }], memberGroups: [{ groupId: "h", projectId: "p" }] }),
    ).toEqual(["GROUP_LEADER", "MEMBER"]);
    expect(actorRoles({ ...base, role: "RESIDENT", householdId: "h" })).toEqual(["RESIDENT"]);
    expect(actorRoles(base)).toEqual(["MEMBER"]);
  });

  it("grants access codes to secretaries and leaders only", () => {
    expect(grantedScopes({ ...base, managedProjectIds: ["p"] }, "issue", "access-code")).toEqual(["project"]);
    expect(can(base, "issue", "access-code")).toBe(false);
    expect(grantedScopes({ ...base, ledGroups: [{ groupId: "g", projectId: "p" }] }, "issue", "access-code")).toEqual(["group"]);
    expect(can({ ...base, memberGroups: [{ groupId: "g", projectId: "p" }] }, "issue", "access-code")).toBe(false);
    expect(can({ ...base, role: "DISTRICT_OFFICIAL" }, "issue", "access-code")).toBe(false);
  });

  it("throws FORBIDDEN without the permission", () => {
    expect(() => requirePermission(base, "issue", "access-code")).toThrow(AppError);
    try {
      requirePermission({ ...base, role: "RESIDENT", householdId: "h" }, "issue", "access-code");
    } catch (error) {
      expect((error as AppError).code).toBe("FORBIDDEN");
    }
  });
});

describe("scope builders", () => {
  it("lets district officials read every project and household", () => {
    const official = { ...base, role: "DISTRICT_OFFICIAL" as const };
    expect(projectScope(official)).toEqual({});
    expect(householdScope(official)).toEqual({});
  });

  it("limits a group leader's households to their groups", () => {
    const leader = { ...base, ledGroups: [{ groupId: "g1", projectId: "p1" }] };
    expect(householdScope(leader, "issue", "access-code")).toEqual({ signingGroupId: { in: ["g1"] } });
    expect(projectScope(leader)).toEqual({ id: { in: ["p1"] } });
  });

  it("unions the scopes of several roles", () => {
    const both = { ...base, managedProjectIds: ["p1"], ledGroups: [{ groupId: "g2", projectId: "p2" }] };
    expect(householdScope(both)).toEqual({
      OR: [{ projectId: { in: ["p1"] } }, { signingGroupId: { in: ["g2"] } }, { tasks: { some: { assigneeId: "u" } } }],
    });
  });

  it("matches nothing for an actor without the permission", () => {
    expect(householdScope({ ...base, role: "DISTRICT_OFFICIAL" }, "issue", "access-code")).toEqual({ id: { in: [] } });
    expect(householdScope({ ...base, role: "RESIDENT", householdId: "h" }, "issue", "access-code")).toEqual({ id: { in: [] } });
  });

  it("gives a resident only their own household", () => {
    expect(householdScope({ ...base, role: "RESIDENT", householdId: "h" })).toEqual({ id: "h" });
  });
});

describe("canInProject (for hiding links)", () => {
  it("reaches only the projects a scope covers", async () => {
    const { canInProject } = await import("@/lib/auth/permissions");
    const leaderInP2 = { ...base, ledGroups: [{ groupId: "g", projectId: "p2" }] };
    expect(canInProject(leaderInP2, "record", "household-event", "p2")).toBe(true);
    expect(canInProject(leaderInP2, "record", "household-event", "p1")).toBe(false);
    expect(canInProject({ ...base, managedProjectIds: ["p1"] }, "update", "project", "p1")).toBe(true);
    expect(canInProject({ ...base, managedProjectIds: ["p1"] }, "update", "project", "p2")).toBe(false);
    expect(canInProject({ ...base, role: "DISTRICT_OFFICIAL" }, "read", "household", "any")).toBe(true);
    expect(canInProject({ ...base, memberGroups: [{ groupId: "g", projectId: "p1" }] }, "read", "household", "p1")).toBe(true);
    expect(canInProject({ ...base, memberGroups: [{ groupId: "g", projectId: "p1" }] }, "read", "household", "p2")).toBe(false);
  });
});
