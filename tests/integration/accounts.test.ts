import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { changeOwnPassword } from "@/lib/server/accounts/change-own-password";
import { listProjectStaffAccounts } from "@/lib/server/accounts/list-project-staff-accounts";
import { resetMemberPassword } from "@/lib/server/accounts/reset-member-password";
import { authenticateResident } from "@/lib/server/auth/authenticate-resident";
import { authenticateStaff } from "@/lib/server/auth/authenticate-staff";
import { addGroupMember } from "@/lib/server/groups/add-group-member";
import { seedGroupMember, seedUser } from "../../prisma/seed/factories.ts";
import { createAuthorizationWorld, type AuthorizationWorld } from "../support/authorization-world.ts";

let world: AuthorizationWorld;
let phoneCounter = 0;
const newPhone = () => `1360000${String(++phoneCounter).padStart(4, "0")}`;

beforeAll(async () => {
  world = await createAuthorizationWorld();
});

async function codeOf(work: Promise<unknown>): Promise<{ code: string; fields?: string[] }> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  const appError = error as AppError;
  return { code: appError.code, fields: appError.fieldErrors ? Object.keys(appError.fieldErrors) : undefined };
}

/** A new staff account made through the set-up screen's use case: its one-time password. */
async function newMemberOfA1(): Promise<{ userId: string; phone: string; password: string }> {
  const phone = newPhone();
  const added = await addGroupMember(world.actors.secretaryA, { groupId: world.projectA.signingGroups[0]!.id, phone, name: "新同事" });
  return { userId: added.userId, phone, password: added.temporaryPassword! };
}

async function actorOf(userId: string, passwordVersion?: number): Promise<Actor | null> {
  return loadActor(db(), userId, passwordVersion);
}

describe("one-time passwords", () => {
  it("a new staff account must change its one-time password; the change clears it and ends older sessions", async () => {
    const member = await newMemberOfA1();
    const signedIn = await authenticateStaff({ phone: member.phone, password: member.password });
    expect(signedIn?.passwordVersion).toBe(0);
    const actor = (await actorOf(member.userId, signedIn!.passwordVersion))!;
    expect(actor.mustChangePassword).toBe(true);

    const changed = await changeOwnPassword(actor, {
      currentPassword: member.password,
      newPassword: "mein neues 42",
      confirmPassword: "mein neues 42",
    });
    expect(changed).toEqual({ phone: member.phone, passwordVersion: 1 });
    const row = await db().user.findUniqueOrThrow({ where: { id: member.userId } });
    expect(row.mustChangePassword).toBe(false);
    // The session signed in with the one-time password has ended; a new one works.
    expect(await actorOf(member.userId, 0)).toBeNull();
    expect(await authenticateStaff({ phone: member.phone, password: member.password })).toBeNull();
    const again = await authenticateStaff({ phone: member.phone, password: "mein neues 42" });
    expect(again?.passwordVersion).toBe(1);
    expect((await actorOf(member.userId, 1))?.mustChangePassword).toBe(false);
    const event = await db().auditEvent.findFirst({ where: { action: "change:password", entityId: member.userId } });
    expect(event?.actorId).toBe(member.userId);
  });

  it("adding someone who already has an account leaves their password and flag alone", async () => {
    const member = await newMemberOfA1();
    await changeOwnPassword((await actorOf(member.userId))!, {
      currentPassword: member.password,
      newPassword: "another pass 7",
      confirmPassword: "another pass 7",
    });
    const again = await addGroupMember(world.actors.secretaryA, { groupId: world.projectA.signingGroups[1]!.id, phone: member.phone });
    expect(again.temporaryPassword).toBeNull();
    expect((await db().user.findUniqueOrThrow({ where: { id: member.userId } })).mustChangePassword).toBe(false);
  });
});

describe("changing one's own password", () => {
  it("refuses a wrong current password, a short or letter-only password, a mismatch and the same password, by field", async () => {
    const user = await seedUser(db(), { role: "STAFF", password: "current pass 1" });
    const actor = (await actorOf(user.id))!;
    const attempt = (input: Record<string, string>) =>
      codeOf(
        changeOwnPassword(actor, {
          currentPassword: "current pass 1",
          newPassword: "good pass 123",
          confirmPassword: "good pass 123",
          ...input,
        }),
      );
    expect(await attempt({ currentPassword: "wrong" })).toEqual({ code: "VALIDATION", fields: ["currentPassword"] });
    expect(await attempt({ newPassword: "short1", confirmPassword: "short1" })).toEqual({ code: "VALIDATION", fields: ["newPassword"] });
    expect(await attempt({ newPassword: "lettersonlyhere", confirmPassword: "lettersonlyhere" })).toEqual({
      code: "VALIDATION",
      fields: ["newPassword"],
    });
    expect(await attempt({ confirmPassword: "good pass 124" })).toEqual({ code: "VALIDATION", fields: ["confirmPassword"] });
    expect(await attempt({ newPassword: "current pass 1", confirmPassword: "current pass 1" })).toEqual({
      code: "VALIDATION",
      fields: ["newPassword"],
    });
    // Nothing changed and nothing was recorded.
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordVersion).toBe(0);
    expect(row.passwordHash).toBe(user.passwordHash);
    expect(await db().auditEvent.count({ where: { action: "change:password", entityId: user.id } })).toBe(0);
  });

  it("a resident has no password to change (their access code is issued by staff)", async () => {
    expect((await codeOf(changeOwnPassword(world.actors.residentA1, {}))).code).toBe("FORBIDDEN");
  });
});

describe("resetting a member's password", () => {
  it("a secretary resets a member of their project's groups: a new one-time password, the flag, audited, old sessions ended", async () => {
    const member = await newMemberOfA1();
    await changeOwnPassword((await actorOf(member.userId))!, {
      currentPassword: member.password,
      newPassword: "chosen pass 99",
      confirmPassword: "chosen pass 99",
    });
    expect(await actorOf(member.userId, 1)).not.toBeNull();

    const reset = await resetMemberPassword(world.actors.secretaryA, { userId: member.userId, projectId: world.projectA.project.id });
    expect(reset.temporaryPassword).toMatch(/^[A-Za-z0-9_-]{8}$/);
    const row = await db().user.findUniqueOrThrow({ where: { id: member.userId } });
    expect(row.mustChangePassword).toBe(true);
    expect(row.passwordVersion).toBe(2);
    // The session from before the reset has ended; the chosen password no longer works.
    expect(await actorOf(member.userId, 1)).toBeNull();
    expect(await authenticateStaff({ phone: member.phone, password: "chosen pass 99" })).toBeNull();
    const signedIn = await authenticateStaff({ phone: member.phone, password: reset.temporaryPassword });
    expect((await actorOf(member.userId, signedIn!.passwordVersion))?.mustChangePassword).toBe(true);

    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "reset:password", entityId: member.userId } });
    expect(event.actorId).toBe(world.actors.secretaryA.userId);
    expect(event.projectId).toBe(world.projectA.project.id);
    expect(JSON.stringify(event.after)).not.toContain(reset.temporaryPassword);
  });

  it("a secretary cannot reach a member outside their project, a member cannot reset anyone", async () => {
    const member = await newMemberOfA1();
    const before = await db().user.findUniqueOrThrow({ where: { id: member.userId } });
    expect((await codeOf(resetMemberPassword(world.actors.secretaryB, { userId: member.userId }))).code).toBe("NOT_FOUND");
    expect((await codeOf(resetMemberPassword(world.actors.memberA1, { userId: member.userId }))).code).toBe("FORBIDDEN");
    expect((await codeOf(resetMemberPassword(world.actors.leaderA1, { userId: member.userId }))).code).toBe("FORBIDDEN");
    // Staff outside every group of project A are out of the secretary's reach too.
    expect((await codeOf(resetMemberPassword(world.actors.secretaryA, { userId: world.actors.staffWithoutRole.userId }))).code).toBe(
      "NOT_FOUND",
    );
    const after = await db().user.findUniqueOrThrow({ where: { id: member.userId } });
    expect(after.passwordHash).toBe(before.passwordHash);
    expect(await db().auditEvent.count({ where: { action: "reset:password", entityId: member.userId } })).toBe(0);
  });

  it("an official resets any staff account, but never another official's or a resident's", async () => {
    const other = await seedUser(db(), { role: "DISTRICT_OFFICIAL" });
    const official = world.actors.districtOfficial;
    expect((await resetMemberPassword(official, { userId: world.actors.staffWithoutRole.userId })).temporaryPassword).toBeTruthy();
    expect((await codeOf(resetMemberPassword(official, { userId: other.id }))).code).toBe("NOT_FOUND");
    expect((await codeOf(resetMemberPassword(official, { userId: world.actors.residentA1.userId }))).code).toBe("NOT_FOUND");
    expect(await codeOf(resetMemberPassword(official, { userId: official.userId }))).toEqual({ code: "VALIDATION", fields: ["_form"] });
  });
});

describe("the list of a project's staff accounts", () => {
  it("lists the people of the project's groups once each, phone masked, with every group and role, and nobody else", async () => {
    const projectId = world.projectA.project.id;
    const [groupA1, groupA2] = world.projectA.signingGroups;
    // Someone in both of project A's signing groups, leader of the second.
    const member = await newMemberOfA1();
    await addGroupMember(world.actors.secretaryA, { groupId: groupA2!.id, phone: member.phone, role: "LEADER" });
    const official = world.actors.districtOfficial;

    const accounts = await listProjectStaffAccounts(official, { projectId });
    const expected = await db().user.findMany({
      where: { role: "STAFF", groupMemberships: { some: { group: { projectId } } } },
      select: { id: true },
    });
    expect(accounts.map((a) => a.userId).sort()).toEqual(expected.map((u) => u.id).sort());
    expect(new Set(accounts.map((a) => a.userId)).size).toBe(accounts.length);
    const row = accounts.find((a) => a.userId === member.userId)!;
    expect(row.phone).toBe(`${member.phone.slice(0, 3)}****${member.phone.slice(-4)}`);
    const groupNames = await db().workingGroup.findMany({
      where: { id: { in: [groupA1!.id, groupA2!.id] } },
      select: { id: true, name: true },
    });
    const nameOf = (id: string) => groupNames.find((g) => g.id === id)!.name;
    expect(row.groups).toEqual([
      { name: nameOf(groupA1!.id), role: "MEMBER" },
      { name: nameOf(groupA2!.id), role: "LEADER" },
    ]);
    // Project B's people and staff in no group of project A are not in it.
    expect(accounts.map((a) => a.userId)).not.toContain(world.actors.secretaryB.userId);
    expect(accounts.map((a) => a.userId)).not.toContain(world.actors.staffWithoutRole.userId);
    expect(accounts.every((a) => a.phone === null || a.phone.includes("*"))).toBe(true);

    // What the list offers, the official can reset.
    const reset = await resetMemberPassword(official, { userId: row.userId, projectId });
    const signedIn = await authenticateStaff({ phone: member.phone, password: reset.temporaryPassword });
    expect((await actorOf(member.userId, signedIn!.passwordVersion))?.mustChangePassword).toBe(true);
  });

  it("leaves out the reader's own account and every district official", async () => {
    const projectId = world.projectA.project.id;
    const groupId = world.projectA.signingGroups[0]!.id;
    const otherOfficial = await seedUser(db(), { role: "DISTRICT_OFFICIAL" });
    await seedGroupMember(db(), { groupId, userId: otherOfficial.id });
    await seedGroupMember(db(), { groupId, userId: world.actors.secretaryA.userId });
    const bySecretary = (await listProjectStaffAccounts(world.actors.secretaryA, { projectId })).map((a) => a.userId);
    expect(bySecretary).not.toContain(world.actors.secretaryA.userId);
    expect(bySecretary).not.toContain(otherOfficial.id);
    expect(bySecretary).toContain(world.actors.memberA1.userId);
    const byOfficial = (await listProjectStaffAccounts(world.actors.districtOfficial, { projectId })).map((a) => a.userId);
    expect(byOfficial).toContain(world.actors.secretaryA.userId);
    expect(byOfficial).not.toContain(otherOfficial.id);
  });

  it("a project out of the secretary's reach is not found", async () => {
    const projectId = world.projectA.project.id;
    expect((await codeOf(listProjectStaffAccounts(world.actors.secretaryB, { projectId }))).code).toBe("NOT_FOUND");
    expect((await codeOf(listProjectStaffAccounts(world.actors.leaderA1, { projectId }))).code).toBe("FORBIDDEN");
  });
});

describe("sign-in answers", () => {
  it("an empty staff or resident sign-in names the missing fields", async () => {
    expect(await codeOf(authenticateStaff({ phone: "", password: "" }))).toEqual({ code: "VALIDATION", fields: ["phone", "password"] });
    expect(await codeOf(authenticateResident({ householdCode: " ", accessCode: "" }))).toEqual({
      code: "VALIDATION",
      fields: ["householdCode", "accessCode"],
    });
  });
});
