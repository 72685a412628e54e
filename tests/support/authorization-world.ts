// The people and records every authorisation test runs against: two projects, two signing
// groups in project A, and one actor per role. Each area's matrix
// (tests/integration/authorization/*.test.ts) runs its use cases as every one of these actors.
import { loadActor, type Actor } from "../../lib/auth/actor.ts";
import { db } from "../../lib/db.ts";
import { AppError } from "../../lib/errors.ts";
import { seedGroupMember, seedProject, seedUser, type SeededProject } from "../../prisma/seed/factories.ts";

export const ROLES = ["districtOfficial", "secretaryA", "secretaryB", "leaderA1", "memberA1", "staffWithoutRole", "residentA1"] as const;
export type RoleName = (typeof ROLES)[number];

/** "ok", or how the use case refused: NOT_FOUND (out of scope) or FORBIDDEN (never allowed). */
export type Outcome = "ok" | "NOT_FOUND" | "FORBIDDEN";

export type AuthorizationWorld = {
  projectA: SeededProject;
  projectB: SeededProject;
  /** Household of project A in signing group A1 (led by leaderA1), and one in group A2. */
  householdA1: { id: string; code: string };
  householdA2: { id: string; code: string };
  /** A household of project B. */
  householdB: { id: string; code: string };
  actors: Record<RoleName, Actor>;
  /** A SPECIAL group of project A (policy consultation) and its leader, who leads nothing else:
   *  the one who works the demands routed to the group. Not among ROLES. */
  specialGroupA: { id: string; name: string };
  specialLeaderA: Actor;
};

export async function createAuthorizationWorld(): Promise<AuthorizationWorld> {
  const prisma = db();
  const projectA = await seedProject(prisma, { households: 12, signingGroups: 2, signedShare: 0.5, activity: { visitsPerHousehold: 0 } });
  const projectB = await seedProject(prisma, { households: 6, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  const [groupA1, groupA2] = projectA.signingGroups;
  // Two households of project A, put in group A1 and group A2 whatever the generator chose.
  const [first, second] = await prisma.household.findMany({
    where: { projectId: projectA.project.id },
    select: { id: true, code: true },
    orderBy: { code: "asc" },
    take: 2,
  });
  await prisma.household.update({ where: { id: first!.id }, data: { signingGroupId: groupA1!.id } });
  await prisma.household.update({ where: { id: second!.id }, data: { signingGroupId: groupA2!.id } });
  const householdB = await prisma.household.findFirstOrThrow({
    where: { projectId: projectB.project.id },
    select: { id: true, code: true },
  });

  const official = await seedUser(prisma, { role: "DISTRICT_OFFICIAL" });
  const loose = await seedUser(prisma, { role: "STAFF" });
  const resident = await seedUser(prisma, { role: "RESIDENT", householdId: first!.id });
  const ids: Record<RoleName, string> = {
    districtOfficial: official.id,
    secretaryA: projectA.secretaryId,
    secretaryB: projectB.secretaryId,
    leaderA1: groupA1!.leaderId,
    memberA1: groupA1!.memberIds[0]!,
    staffWithoutRole: loose.id,
    residentA1: resident.id,
  };
  // memberA1's tasks are whatever a test gives them, not whatever the generator drew.
  await prisma.task.deleteMany({ where: { assigneeId: ids.memberA1 } });
  const actors = {} as Record<RoleName, Actor>;
  for (const role of ROLES) {
    const actor = await loadActor(prisma, ids[role]);
    if (!actor) throw new Error(`no actor for ${role}`);
    actors[role] = actor;
  }
  const specialGroupA = await prisma.workingGroup.create({
    data: { projectId: projectA.project.id, kind: "SPECIAL", specialty: "POLICY_CONSULTATION", name: "政策咨询组（授权测试）" },
    select: { id: true, name: true },
  });
  const specialLeader = await seedUser(prisma, { role: "STAFF" });
  await seedGroupMember(prisma, { groupId: specialGroupA.id, userId: specialLeader.id, role: "LEADER" });
  const specialLeaderA = await loadActor(prisma, specialLeader.id);
  if (!specialLeaderA) throw new Error("no actor for the special group's leader");
  return { projectA, projectB, householdA1: first!, householdA2: second!, householdB, actors, specialGroupA, specialLeaderA };
}

export async function outcomeOf(work: () => Promise<unknown>): Promise<Outcome> {
  try {
    await work();
    return "ok";
  } catch (error) {
    if (error instanceof AppError && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) return error.code;
    throw error;
  }
}
