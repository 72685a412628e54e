// Every use case × every role: allowed, or refused the way the rules say (NOT_FOUND for a record
// outside the actor's scope, FORBIDDEN for a role that may never do it). Each later use case
// adds its column here.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getOwnHousehold } from "@/lib/server/households/get-own-household";
import { getProjectSummary } from "@/lib/server/projects/get-project-summary";
import { listProjects } from "@/lib/server/projects/list-projects";
import { issueResidentAccessCode } from "@/lib/server/residents/issue-resident-access-code";
import { seedProject, seedUser, type SeededProject } from "../../prisma/seed/factories.ts";

type RoleName =
  | "districtOfficial"
  | "secretaryA"
  | "secretaryB"
  | "leaderA1"
  | "memberA1"
  | "staffWithoutRole"
  | "residentA1";

type Outcome = "ok" | "NOT_FOUND" | "FORBIDDEN";

let projectA: SeededProject;
let projectB: SeededProject;
let householdA1: { id: string; code: string };
let householdA2: { id: string; code: string };
const actors = {} as Record<RoleName, Actor>;

async function outcomeOf(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    await work();
    return "ok";
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return error.code;
    throw error;
  }
}

beforeAll(async () => {
  const prisma = db();
  projectA = await seedProject(prisma, { households: 12, signingGroups: 2, signedShare: 0.5, activity: { visitsPerHousehold: 0 } });
  projectB = await seedProject(prisma, { households: 6, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  const [groupA1, groupA2] = projectA.signingGroups;
  // Two households of project A, put in group A1 and group A2 whatever the generator chose.
  const [first, second] = await prisma.household.findMany({
    where: { projectId: projectA.project.id },
    select: { id: true, code: true },
    orderBy: { code: "asc" },
    take: 2,
  });
  householdA1 = first!;
  householdA2 = second!;
  await prisma.household.update({ where: { id: householdA1.id }, data: { signingGroupId: groupA1!.id } });
  await prisma.household.update({ where: { id: householdA2.id }, data: { signingGroupId: groupA2!.id } });
  const official = await seedUser(prisma, { role: "DISTRICT_OFFICIAL" });
  const loose = await seedUser(prisma, { role: "STAFF" });
  const resident = await seedUser(prisma, { role: "RESIDENT", householdId: householdA1.id });
  const ids: Record<RoleName, string> = {
    districtOfficial: official.id,
    secretaryA: projectA.secretaryId,
    secretaryB: projectB.secretaryId,
    leaderA1: groupA1!.leaderId,
    memberA1: groupA1!.memberIds[0]!,
    staffWithoutRole: loose.id,
    residentA1: resident.id,
  };
  for (const [role, id] of Object.entries(ids)) {
    const actor = await loadActor(prisma, id);
    if (!actor) throw new Error(`no actor for ${role}`);
    actors[role as RoleName] = actor;
  }
});

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "list projects": (actor) => listProjects(actor),
  "project A summary": (actor) => getProjectSummary(actor, { projectId: projectA.project.id }),
  "own household": (actor) => getOwnHousehold(actor),
  "issue access code, group A1 household": (actor) =>
    issueResidentAccessCode(actor, { projectId: projectA.project.id, householdCode: householdA1.code }),
  "issue access code, group A2 household": (actor) =>
    issueResidentAccessCode(actor, { projectId: projectA.project.id, householdCode: householdA2.code }),
};

const matrix: Record<string, Record<RoleName, Outcome>> = {
  "list projects": {
    districtOfficial: "ok", secretaryA: "ok", secretaryB: "ok", leaderA1: "ok", memberA1: "ok", staffWithoutRole: "ok", residentA1: "ok",
  },
  "project A summary": {
    districtOfficial: "ok", secretaryA: "ok", secretaryB: "NOT_FOUND", leaderA1: "ok", memberA1: "ok", staffWithoutRole: "NOT_FOUND", residentA1: "ok",
  },
  "own household": {
    districtOfficial: "NOT_FOUND", secretaryA: "NOT_FOUND", secretaryB: "NOT_FOUND", leaderA1: "NOT_FOUND", memberA1: "NOT_FOUND", staffWithoutRole: "NOT_FOUND", residentA1: "ok",
  },
  "issue access code, group A1 household": {
    districtOfficial: "FORBIDDEN", secretaryA: "ok", secretaryB: "NOT_FOUND", leaderA1: "ok", memberA1: "FORBIDDEN", staffWithoutRole: "FORBIDDEN", residentA1: "FORBIDDEN",
  },
  "issue access code, group A2 household": {
    districtOfficial: "FORBIDDEN", secretaryA: "ok", secretaryB: "NOT_FOUND", leaderA1: "NOT_FOUND", memberA1: "FORBIDDEN", staffWithoutRole: "FORBIDDEN", residentA1: "FORBIDDEN",
  },
};

describe("authorisation matrix", () => {
  for (const [useCase, row] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(row)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        expect(await outcomeOf(() => useCases[useCase]!(actors[role as RoleName]))).toBe(expected);
      });
    }
  }

  it("lists exactly the projects in scope", async () => {
    const codes = async (role: RoleName) => (await listProjects(actors[role])).map((p) => p.code).sort();
    const a = projectA.project.code;
    const b = projectB.project.code;
    expect(await codes("districtOfficial")).toEqual([a, b].sort());
    expect(await codes("secretaryA")).toEqual([a]);
    expect(await codes("secretaryB")).toEqual([b]);
    expect(await codes("leaderA1")).toEqual([a]);
    expect(await codes("memberA1")).toEqual([a]);
    expect(await codes("staffWithoutRole")).toEqual([]);
    expect(await codes("residentA1")).toEqual([a]);
  });

  it("gives the resident their own household and nothing else", async () => {
    const own = await getOwnHousehold(actors.residentA1);
    expect(own.code).toBe(householdA1.code);
  });

  it("stops a disabled user at once", async () => {
    await db().user.update({ where: { id: actors.memberA1.userId }, data: { disabledAt: new Date() } });
    expect(await loadActor(db(), actors.memberA1.userId)).toBeNull();
    await db().user.update({ where: { id: actors.memberA1.userId }, data: { disabledAt: null } });
  });
});
