import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authenticateResident } from "@/lib/server/auth/authenticate-resident";
import { issueResidentAccessCode } from "@/lib/server/residents/issue-resident-access-code";
import { seedProject, type SeededProject } from "../../prisma/seed/factories.ts";

let project: SeededProject;
let secretary: Actor;
let household: { id: string; code: string };

beforeAll(async () => {
  project = await seedProject(db(), { households: 5, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  secretary = (await loadActor(db(), project.secretaryId))!;
  household = await db().household.findFirstOrThrow({ where: { projectId: project.project.id }, select: { id: true, code: true } });
});

describe("issueResidentAccessCode", () => {
  it("creates a resident login, stores only a hash and records who issued it", async () => {
    const before = await db().auditEvent.count();
    const { accessCode, householdCode } = await issueResidentAccessCode(secretary, {
      projectId: project.project.id,
      householdCode: household.code.toLowerCase(),
    });
    expect(householdCode).toBe(household.code);
    expect(accessCode).toMatch(/^\d{6}$/);

    const resident = await db().user.findFirstOrThrow({ where: { householdId: household.id, role: "RESIDENT" } });
    expect(resident.passwordHash).not.toContain(accessCode);
    expect(await verifyPassword(accessCode, resident.passwordHash)).toBe(true);

    const events = await db().auditEvent.findMany({ where: { action: "issue:access-code", entityId: household.id } });
    expect(events).toHaveLength(1);
    expect(events[0]!.actorId).toBe(secretary.userId);
    expect(JSON.stringify({ before: events[0]!.before, after: events[0]!.after })).not.toContain(accessCode);
    expect(await db().auditEvent.count()).toBe(before + 1);

    expect(await authenticateResident({ householdCode: household.code, accessCode })).toMatchObject({ userId: resident.id });
  });

  it("replaces the old code: only the newest works", async () => {
    const first = await issueResidentAccessCode(secretary, { projectId: project.project.id, householdCode: household.code });
    const second = await issueResidentAccessCode(secretary, { projectId: project.project.id, householdCode: household.code });
    expect(await db().user.count({ where: { householdId: household.id, role: "RESIDENT" } })).toBe(1);
    if (first.accessCode !== second.accessCode) {
      expect(await authenticateResident({ householdCode: household.code, accessCode: first.accessCode })).toBeNull();
    }
    expect(await authenticateResident({ householdCode: household.code, accessCode: second.accessCode })).not.toBeNull();
  });

  it("rejects a malformed household code with a field error and writes nothing", async () => {
    const before = await db().auditEvent.count();
    const error = await issueResidentAccessCode(secretary, { projectId: project.project.id, householdCode: "  " }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ householdCode: ["validation.householdCode"] });
    expect(await db().auditEvent.count()).toBe(before);
  });
});
