// The compensation policy (read, save the draft, publish) and the household estimate × every role,
// in scope and out of it.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { estimateHouseholdCompensation } from "@/lib/server/compensation/estimate-household-compensation";
import { getCompensationPolicy } from "@/lib/server/compensation/get-compensation-policy";
import { publishCompensationPolicy } from "@/lib/server/compensation/publish-compensation-policy";
import { saveCompensationDraft } from "@/lib/server/compensation/save-compensation-draft";
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

/** Project A's draft as it stands: an allowed save or publish always carries the current version. */
async function currentDraft() {
  const projectId = world.projectA.project.id;
  const view = await getCompensationPolicy(world.actors.secretaryA, { projectId });
  return { projectId, version: view.version, lines: view.draft };
}

const estimate =
  (household: () => { code: string }, projectOf: () => string, stage: "PUBLISHED" | "DRAFT" = "PUBLISHED") =>
  (actor: Actor) =>
    estimateHouseholdCompensation(actor, { projectId: projectOf(), householdCode: household().code, stage });

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "read project A's policy": (actor) => getCompensationPolicy(actor, { projectId: world.projectA.project.id }),
  "save project A's draft": async (actor) => saveCompensationDraft(actor, await currentDraft()),
  "publish project A's policy": async (actor) => {
    const { projectId, version } = await currentDraft();
    return publishCompensationPolicy(actor, { projectId, version });
  },
  "estimate householdA1": estimate(
    () => world.householdA1,
    () => world.projectA.project.id,
  ),
  "estimate householdA2": estimate(
    () => world.householdA2,
    () => world.projectA.project.id,
  ),
  "estimate householdB": estimate(
    () => world.householdB,
    () => world.projectB.project.id,
  ),
  "preview the draft's estimate of householdA1": estimate(
    () => world.householdA1,
    () => world.projectA.project.id,
    "DRAFT",
  ),
};

const SECRETARY_OF_A_ONLY: Record<RoleName, Outcome> = {
  districtOfficial: "FORBIDDEN",
  secretaryA: "ok",
  secretaryB: "NOT_FOUND",
  leaderA1: "FORBIDDEN",
  memberA1: "FORBIDDEN",
  staffWithoutRole: "FORBIDDEN",
  residentA1: "FORBIDDEN",
};

const matrix: Record<string, Record<RoleName, Outcome>> = {
  "read project A's policy": { ...SECRETARY_OF_A_ONLY, districtOfficial: "ok" },
  "save project A's draft": SECRETARY_OF_A_ONLY,
  "publish project A's policy": SECRETARY_OF_A_ONLY,
  "estimate householdA1": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "ok",
  },
  "estimate householdA2": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "NOT_FOUND",
  },
  "estimate householdB": {
    districtOfficial: "ok",
    secretaryA: "NOT_FOUND",
    secretaryB: "ok",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "NOT_FOUND",
  },
  // The draft is the editor's: a resident (or anyone who cannot read the policy) never sees it.
  "preview the draft's estimate of householdA1": {
    districtOfficial: "ok",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "NOT_FOUND",
    memberA1: "NOT_FOUND",
    staffWithoutRole: "NOT_FOUND",
    residentA1: "NOT_FOUND",
  },
};

describe("authorisation matrix: compensation", () => {
  it("the world's projects have a published policy to estimate from", async () => {
    const policy = await db().compensationPolicy.findUniqueOrThrow({ where: { projectId: world.projectA.project.id } });
    expect(policy.publishedVersion).not.toBeNull();
  });

  for (const [useCase, row] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(row)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        const actor = world.actors[role as RoleName];
        expect(await outcomeOf(() => useCases[useCase]!(actor))).toBe(expected);
      });
    }
  }

  it("a member with a task for householdA1 may estimate it", async () => {
    const member = world.actors.memberA1;
    await db().task.create({
      data: {
        projectId: world.projectA.project.id,
        householdId: world.householdA1.id,
        assigneeId: member.userId,
        kind: "POLICY_BRIEFING",
        dueDate: new Date(),
      },
    });
    try {
      expect(await outcomeOf(() => useCases["estimate householdA1"]!(member))).toBe("ok");
      expect(await outcomeOf(() => useCases["estimate householdA2"]!(member))).toBe("NOT_FOUND");
    } finally {
      await db().task.deleteMany({ where: { assigneeId: member.userId } });
    }
  });
});
