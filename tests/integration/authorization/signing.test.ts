// Every signing use case × every role (tests/support/authorization-world.ts): allowed, NOT_FOUND
// for a household or project outside the actor's scope, FORBIDDEN for a role that may never do
// it. Before each cell the household is put into the state in which the use case is allowed, so
// "ok" means the rules let this role through, not that an earlier cell left a convenient state.
//
// settleSigningPeriod / settleDueSigningPeriods take no actor: they are the scheduler's job
// (scripts/settle-signing-periods.ts) and no page or action reaches them.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { excludeHousehold } from "@/lib/server/signing/exclude-household";
import { getHouseholdWorkflow } from "@/lib/server/signing/get-household-workflow";
import { getSigningDesk } from "@/lib/server/signing/get-signing-desk";
import { includeHousehold } from "@/lib/server/signing/include-household";
import { recordHandOver } from "@/lib/server/signing/record-hand-over";
import { recordMoveOut } from "@/lib/server/signing/record-move-out";
import { recordSigning } from "@/lib/server/signing/record-signing";
import { recordVote } from "@/lib/server/signing/record-vote";
import { undoHouseholdEvent } from "@/lib/server/signing/undo-household-event";
import {
  createAuthorizationWorld,
  outcomeOf,
  type AuthorizationWorld,
  type Outcome,
  type RoleName,
} from "../../support/authorization-world.ts";
import { setHousehold, setProject, shanghaiDate, type HouseholdSetup } from "../signing-helpers.ts";

let world: AuthorizationWorld;

beforeAll(async () => {
  world = await createAuthorizationWorld();
  const { projectA, householdA1, householdA2, actors } = world;
  // The member has a visit task for the group A1 household and none for the A2 one, so that
  // "read" has a definite answer for them.
  await db().task.deleteMany({ where: { assigneeId: actors.memberA1.userId, householdId: { in: [householdA1.id, householdA2.id] } } });
  await db().task.create({
    data: {
      projectId: projectA.project.id,
      householdId: householdA1.id,
      assigneeId: actors.memberA1.userId,
      kind: "HOME_VISIT",
      dueDate: shanghaiDate(1),
    },
  });
});

const HOUR = 3_600_000;
type Target = "A1" | "A2";

/** Each use case: the project and household state it needs to be allowed, and the call. */
const useCases: Record<
  string,
  {
    phase?: "FIRST_CONSULTATION" | "SIGNING";
    effective?: boolean;
    household?: HouseholdSetup;
    run: (actor: Actor, ids: { projectId: string; householdId: string; version: number }) => Promise<unknown>;
  }
> = {
  recordVote: { phase: "FIRST_CONSULTATION", household: {}, run: (actor, ids) => recordVote(actor, { ...ids, vote: "AGREE" }) },
  recordSigning: {
    household: {},
    run: (actor, ids) => recordSigning(actor, { ...ids, channel: "ON_SITE", agreementNumber: `AUTH-${randomUUID()}` }),
  },
  recordMoveOut: {
    effective: true,
    household: { signedAt: new Date(Date.now() - 3 * HOUR) },
    run: (actor, ids) => recordMoveOut(actor, ids),
  },
  recordHandOver: {
    effective: true,
    household: { signedAt: new Date(Date.now() - 3 * HOUR), movedOutAt: new Date(Date.now() - HOUR) },
    run: (actor, ids) => recordHandOver(actor, ids),
  },
  excludeHousehold: { household: {}, run: (actor, ids) => excludeHousehold(actor, { ...ids, reason: "权属争议" }) },
  includeHousehold: { household: { excluded: true }, run: (actor, ids) => includeHousehold(actor, ids) },
  undoHouseholdEvent: {
    household: { signedAt: new Date(Date.now() - HOUR) },
    run: (actor, ids) => undoHouseholdEvent(actor, { ...ids, kind: "SIGNING", reason: "录入错误" }),
  },
  getHouseholdWorkflow: { run: (actor, { projectId, householdId }) => getHouseholdWorkflow(actor, { projectId, householdId }) },
};

const RECORD: Record<Target, Record<RoleName, Outcome>> = {
  A1: {
    districtOfficial: "FORBIDDEN",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "ok",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
  A2: {
    districtOfficial: "FORBIDDEN",
    secretaryA: "ok",
    secretaryB: "NOT_FOUND",
    leaderA1: "NOT_FOUND",
    memberA1: "FORBIDDEN",
    staffWithoutRole: "FORBIDDEN",
    residentA1: "FORBIDDEN",
  },
};

const matrix: Record<string, Record<Target, Record<RoleName, Outcome>>> = {
  recordVote: RECORD,
  recordSigning: RECORD,
  recordMoveOut: RECORD,
  recordHandOver: RECORD,
  excludeHousehold: RECORD,
  includeHousehold: RECORD,
  undoHouseholdEvent: {
    A1: {
      districtOfficial: "FORBIDDEN",
      secretaryA: "ok",
      secretaryB: "NOT_FOUND",
      leaderA1: "FORBIDDEN",
      memberA1: "FORBIDDEN",
      staffWithoutRole: "FORBIDDEN",
      residentA1: "FORBIDDEN",
    },
    A2: {
      districtOfficial: "FORBIDDEN",
      secretaryA: "ok",
      secretaryB: "NOT_FOUND",
      leaderA1: "FORBIDDEN",
      memberA1: "FORBIDDEN",
      staffWithoutRole: "FORBIDDEN",
      residentA1: "FORBIDDEN",
    },
  },
  getHouseholdWorkflow: {
    A1: {
      districtOfficial: "ok",
      secretaryA: "ok",
      secretaryB: "NOT_FOUND",
      leaderA1: "ok",
      memberA1: "ok",
      staffWithoutRole: "NOT_FOUND",
      residentA1: "ok",
    },
    A2: {
      districtOfficial: "ok",
      secretaryA: "ok",
      secretaryB: "NOT_FOUND",
      leaderA1: "NOT_FOUND",
      memberA1: "NOT_FOUND",
      staffWithoutRole: "NOT_FOUND",
      residentA1: "NOT_FOUND",
    },
  },
};

const deskMatrix: Record<RoleName, Outcome> = {
  districtOfficial: "FORBIDDEN",
  secretaryA: "ok",
  secretaryB: "NOT_FOUND",
  leaderA1: "ok",
  memberA1: "FORBIDDEN",
  staffWithoutRole: "FORBIDDEN",
  residentA1: "FORBIDDEN",
};

async function prepare(useCase: string, householdId: string): Promise<number> {
  const { phase, effective, household } = useCases[useCase]!;
  await setProject(world.projectA.project.id, {
    phase: phase ?? "SIGNING",
    effectiveAt: effective ? new Date(Date.now() - 2 * HOUR) : null,
    failedAt: null,
    signingStart: shanghaiDate(-14),
    signingEnd: shanghaiDate(28),
  });
  if (household) return setHousehold(householdId, household);
  return (await db().household.findUniqueOrThrow({ where: { id: householdId }, select: { version: true } })).version;
}

describe("authorisation matrix: signing", () => {
  for (const [useCase, targets] of Object.entries(matrix)) {
    for (const [target, row] of Object.entries(targets) as [Target, Record<RoleName, Outcome>][]) {
      for (const [role, expected] of Object.entries(row) as [RoleName, Outcome][]) {
        it(`${useCase}, group ${target} household, as ${role}: ${expected}`, async () => {
          const household = target === "A1" ? world.householdA1 : world.householdA2;
          const version = await prepare(useCase, household.id);
          const ids = { projectId: world.projectA.project.id, householdId: household.id, version };
          expect(await outcomeOf(() => useCases[useCase]!.run(world.actors[role], ids))).toBe(expected);
        });
      }
    }
  }

  for (const [role, expected] of Object.entries(deskMatrix) as [RoleName, Outcome][]) {
    it(`getSigningDesk of project A as ${role}: ${expected}`, async () => {
      expect(await outcomeOf(() => getSigningDesk(world.actors[role], { projectId: world.projectA.project.id }))).toBe(expected);
    });
  }

  it("a project B household is not found under project A, even for project B's secretary", async () => {
    const version = await setHousehold(world.householdB.id, {});
    const ids = { projectId: world.projectA.project.id, householdId: world.householdB.id, version };
    expect(await outcomeOf(() => recordSigning(world.actors.secretaryB, { ...ids, channel: "ON_SITE", agreementNumber: "B-1" }))).toBe(
      "NOT_FOUND",
    );
    expect(await outcomeOf(() => recordSigning(world.actors.secretaryA, { ...ids, channel: "ON_SITE", agreementNumber: "B-2" }))).toBe(
      "NOT_FOUND",
    );
  });

  it("the desk finds a group A2 household for the secretary but not for the group A1 leader", async () => {
    const { projectA, householdA2, actors } = world;
    expect((await getSigningDesk(actors.secretaryA, { projectId: projectA.project.id, code: householdA2.code })).lookup).toMatchObject({
      found: true,
    });
    expect((await getSigningDesk(actors.leaderA1, { projectId: projectA.project.id, code: householdA2.code })).lookup).toEqual({
      found: false,
      code: householdA2.code,
    });
  });

  it("the desk is forbidden to a leader of another project who is only a member here", async () => {
    const { projectB, actors } = world;
    // memberA1 also leads a group of project B: may record there, not in project A.
    const groupB = await db().workingGroup.findFirstOrThrow({
      where: { projectId: projectB.project.id, kind: "SIGNING" },
      select: { id: true },
    });
    const membership = await db().workingGroupMember.create({
      data: { groupId: groupB.id, userId: actors.memberA1.userId, role: "LEADER" },
    });
    try {
      const leaderElsewhere = (await loadActor(db(), actors.memberA1.userId))!;
      expect(await outcomeOf(() => getSigningDesk(leaderElsewhere, { projectId: world.projectA.project.id }))).toBe("FORBIDDEN");
      expect(await outcomeOf(() => getSigningDesk(leaderElsewhere, { projectId: projectB.project.id }))).toBe("ok");
    } finally {
      await db().workingGroupMember.delete({ where: { id: membership.id } });
    }
  });
});
