// Accounts (one's own password, a member's password reset, the list of staff to reset) × every role.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { changeOwnPassword } from "@/lib/server/accounts/change-own-password";
import { getOwnAccount } from "@/lib/server/accounts/get-own-account";
import { listProjectStaffAccounts } from "@/lib/server/accounts/list-project-staff-accounts";
import { resetMemberPassword } from "@/lib/server/accounts/reset-member-password";
import {
  createAuthorizationWorld,
  outcomeOf,
  type AuthorizationWorld,
  type Outcome,
  type RoleName,
} from "../../support/authorization-world.ts";

let world: AuthorizationWorld;

beforeAll(async () => {
  world = await createAuthorizationWorld();
});

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "own account": (actor) => getOwnAccount(actor),
  // A wrong current password: an allowed actor is refused by the rules *after* the door.
  "change own password": (actor) =>
    changeOwnPassword(actor, { currentPassword: "not-the-password", newPassword: "newpassword42", confirmPassword: "newpassword42" }).catch(
      (error) => {
        if (error?.code === "VALIDATION" && error.fieldErrors?.currentPassword) return "refused by the rules";
        throw error;
      },
    ),
  "reset memberA1's password": (actor) =>
    resetMemberPassword(actor, { userId: world.actors.memberA1.userId, projectId: world.projectA.project.id }).catch((error) => {
      // memberA1 resetting themself is refused before any scope is looked at.
      if (error?.code === "VALIDATION") return "refused by the rules";
      throw error;
    }),
  "list project A's staff accounts": (actor) => listProjectStaffAccounts(actor, { projectId: world.projectA.project.id }),
};

const STAFF_OK: Record<RoleName, Outcome> = {
  districtOfficial: "ok",
  secretaryA: "ok",
  secretaryB: "ok",
  leaderA1: "ok",
  memberA1: "ok",
  staffWithoutRole: "ok",
  residentA1: "FORBIDDEN",
};

const matrix: Record<string, Record<RoleName, Outcome>> = {
  "own account": STAFF_OK,
  "change own password": STAFF_OK,
  "reset memberA1's password": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "FORBIDDEN",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
  "list project A's staff accounts": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "FORBIDDEN",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
};

describe("authorisation matrix: accounts", () => {
  for (const [useCase, row] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(row)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        const actor = world.actors[role as RoleName];
        expect(await outcomeOf(() => useCases[useCase]!(actor))).toBe(expected);
      });
    }
  }
});
