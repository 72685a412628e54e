// Shared set-up of the signing tests: projects at a chosen point of their life, and households put
// into a chosen state directly (the use cases under test then act on them).
import { randomUUID } from "node:crypto";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { ProjectPhase, Vote } from "@/lib/generated/prisma/enums";
import { seedProject, type SeededProject, type SeedProjectOptions } from "@/prisma/seed/factories";

export const DAY_MS = 86_400_000;

/** A project in its signing phase whose period runs from today to six weeks ahead, nobody signed. */
export async function seedSigningProject(options: SeedProjectOptions = {}): Promise<SeededProject> {
  return seedProject(db(), {
    households: 20,
    signingGroups: 2,
    schedule: { signingStart: 0 },
    activity: { visitsPerHousehold: 0 },
    ...options,
  });
}

export async function actorOf(userId: string): Promise<Actor> {
  const actor = await loadActor(db(), userId);
  if (!actor) throw new Error(`no actor ${userId}`);
  return actor;
}

export async function householdsOf(projectId: string, groupId?: string) {
  return db().household.findMany({
    where: { projectId, ...(groupId ? { signingGroupId: groupId } : {}) },
    select: { id: true, code: true, version: true, signingGroupId: true },
    orderBy: { code: "asc" },
  });
}

export type HouseholdSetup = {
  vote?: Vote | null;
  signedAt?: Date | null;
  movedOutAt?: Date | null;
  handedOverAt?: Date | null;
  excluded?: boolean;
};

/** Puts a household into exactly this state (no signing unless signedAt) and returns its version. */
export async function setHousehold(householdId: string, setup: HouseholdSetup): Promise<number> {
  const household = await db().household.findUniqueOrThrow({ where: { id: householdId }, select: { projectId: true } });
  await db().signing.deleteMany({ where: { householdId } });
  if (setup.signedAt) {
    await db().signing.create({
      data: {
        projectId: household.projectId,
        householdId,
        agreementNumber: `SETUP-${randomUUID()}`,
        channel: "ON_SITE",
        signedAt: setup.signedAt,
      },
    });
  }
  const updated = await db().household.update({
    where: { id: householdId },
    data: {
      firstRoundVote: setup.vote ?? null,
      firstRoundVotedAt: setup.vote ? new Date(Date.now() - DAY_MS) : null,
      movedOutAt: setup.movedOutAt ?? null,
      handedOverAt: setup.handedOverAt ?? null,
      isExcluded: setup.excluded ?? false,
      exclusionReason: setup.excluded ? "测试：权属争议" : null,
      version: { increment: 1 },
    },
    select: { version: true },
  });
  return updated.version;
}

/** Moves a project to a phase, optionally with effective agreements (an hour ago by default). */
export async function setProject(
  projectId: string,
  facts: { phase?: ProjectPhase; effectiveAt?: Date | null; failedAt?: Date | null; signingStart?: Date | null; signingEnd?: Date | null },
): Promise<void> {
  await db().project.update({
    where: { id: projectId },
    data: {
      ...(facts.phase ? { phase: facts.phase } : {}),
      ...(facts.effectiveAt !== undefined ? { agreementsEffectiveAt: facts.effectiveAt } : {}),
      ...(facts.failedAt !== undefined ? { signingFailedAt: facts.failedAt } : {}),
      ...(facts.signingStart !== undefined ? { signingStart: facts.signingStart } : {}),
      ...(facts.signingEnd !== undefined ? { signingEnd: facts.signingEnd } : {}),
    },
  });
}

/** The `@db.Date` value of the Shanghai day `offset` days from today. */
export function shanghaiDate(offset: number, now = new Date()): Date {
  const day = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  return new Date(Date.parse(`${day}T00:00:00Z`) + offset * DAY_MS);
}

/** The AppError a call fails with (the test fails if it succeeds or throws something else). */
export async function appErrorOf(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error(`expected an AppError, got ${error === null ? "success" : String(error)}`);
  return error;
}

export async function auditOf(entityId: string, action?: string) {
  return db().auditEvent.findMany({
    where: { entityId, ...(action ? { action } : {}) },
    orderBy: { id: "asc" },
    select: { action: true, actorId: true, before: true, after: true, projectId: true, entity: true },
  });
}

/** Everything the tests compare to prove that a refused write changed nothing. */
export async function snapshot(projectId: string) {
  const [households, signings, audit, project] = await Promise.all([
    db().household.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    db().signing.findMany({ where: { projectId }, orderBy: { id: "asc" } }),
    db().auditEvent.count(),
    db().project.findUniqueOrThrow({ where: { id: projectId } }),
  ]);
  return { households, signings, audit, project };
}
