// Editing a household's facts: validation with field errors, only changed fields written and
// audited, and the version check under real concurrency (two leaders, one household, same
// version: exactly one wins).
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getHousehold } from "@/lib/server/households/get-household";
import { updateHousehold } from "@/lib/server/households/update-household";
import { seedGroupMember, seedProject, seedUser, type SeededProject } from "../../prisma/seed/factories.ts";

let project: SeededProject;
let leader: Actor;
let coLeader: Actor;
let secretary: Actor;
let groupHousehold: { id: string };
let otherGroupHousehold: { id: string };

/** The edit form's fields for a household as it is now (what the page renders). */
async function formOf(id: string) {
  const h = await db().household.findUniqueOrThrow({ where: { id } });
  return {
    projectId: h.projectId,
    householdId: h.id,
    version: String(h.version),
    lane: h.lane ?? "",
    building: h.building,
    number: h.number ?? "",
    room: h.room ?? "",
    address: h.address,
    headName: h.headName,
    phone: h.phone ?? "",
    registeredPopulation: String(h.registeredPopulation),
    residentCount: String(h.residentCount),
    floorArea: h.floorArea.toFixed(2),
    livingArea: h.livingArea?.toFixed(2) ?? "",
    tenure: h.tenure,
    ownerLocation: h.ownerLocation,
    ...(h.isPartyMemberHousehold ? { isPartyMemberHousehold: "on" } : {}),
    ...(h.isHardship ? { isHardship: "on" } : {}),
    ...(h.isElderlySickDisabled ? { isElderlySickDisabled: "on" } : {}),
    ...(h.hasFamilyDispute ? { hasFamilyDispute: "on" } : {}),
  } as Record<string, string>;
}

beforeAll(async () => {
  project = await seedProject(db(), { households: 20, signingGroups: 2, activity: { visitsPerHousehold: 0 } });
  const [g1, g2] = project.signingGroups;
  groupHousehold = await db().household.findFirstOrThrow({
    where: { signingGroupId: g1!.id },
    select: { id: true },
    orderBy: { code: "asc" },
  });
  otherGroupHousehold = await db().household.findFirstOrThrow({ where: { signingGroupId: g2!.id }, select: { id: true } });
  const second = await seedUser(db(), { role: "STAFF", name: "第二组长" });
  await seedGroupMember(db(), { groupId: g1!.id, userId: second.id, role: "LEADER" });
  leader = (await loadActor(db(), g1!.leaderId))!;
  coLeader = (await loadActor(db(), second.id))!;
  secretary = (await loadActor(db(), project.secretaryId))!;
});

describe("updateHousehold", () => {
  it("writes only the changed fields, bumps the version and audits before/after of those fields", async () => {
    const form = await formOf(groupHousehold.id);
    const before = await db().household.findUniqueOrThrow({ where: { id: groupHousehold.id } });
    const result = await updateHousehold(leader, {
      ...form,
      headName: "  王秀英 ",
      phone: "021-63281234",
      livingArea: "",
      isHardship: before.isHardship ? undefined : "on",
    });
    expect(result.changed.sort()).toEqual(
      ["headName", "isHardship", "livingArea", "phone"].sort().filter((f) => f !== "livingArea" || before.livingArea !== null),
    );
    const after = await db().household.findUniqueOrThrow({ where: { id: groupHousehold.id } });
    expect(after).toMatchObject({
      headName: "王秀英",
      phone: "021-63281234",
      livingArea: null,
      isHardship: !before.isHardship,
      version: before.version + 1,
    });
    expect(after.address).toBe(before.address);

    const events = await db().auditEvent.findMany({ where: { action: "update:household", entityId: groupHousehold.id } });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: leader.userId, entity: "household", projectId: project.project.id });
    expect(events[0]!.before).toMatchObject({ headName: before.headName, isHardship: before.isHardship });
    expect(events[0]!.after).toMatchObject({ headName: "王秀英", phone: "021-63281234", isHardship: !before.isHardship });
    expect(Object.keys(events[0]!.after as object)).not.toContain("address");

    // The timeline shows it, with who did it.
    const detail = await getHousehold(secretary, { projectId: project.project.id, householdId: groupHousehold.id });
    expect(detail.timeline[0]).toMatchObject({ kind: "audit", action: "update:household", actorName: leader.name });
  });

  it("saving an unchanged form writes nothing", async () => {
    const form = await formOf(groupHousehold.id);
    const events = await db().auditEvent.count();
    const result = await updateHousehold(secretary, form);
    expect(result.changed).toEqual([]);
    expect(await db().auditEvent.count()).toBe(events);
    expect((await db().household.findUniqueOrThrow({ where: { id: groupHousehold.id } })).version).toBe(Number(form.version));
  });

  it("two leaders save the same version at once: exactly one succeeds, the other gets CONFLICT", async () => {
    const form = await formOf(groupHousehold.id);
    const results = await Promise.allSettled([
      updateHousehold(leader, { ...form, headName: "甲方修改" }),
      updateHousehold(coLeader, { ...form, phone: "13900001111", headName: "乙方修改" }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toBeInstanceOf(AppError);
    expect(rejected[0]!.reason.code).toBe("CONFLICT");

    const after = await db().household.findUniqueOrThrow({ where: { id: groupHousehold.id } });
    expect(after.version).toBe(Number(form.version) + 1);
    // Nothing merged: the row is exactly one of the two edits.
    if (after.headName === "甲方修改") expect(after.phone).toBe(form.phone || null);
    else expect(after).toMatchObject({ headName: "乙方修改", phone: "13900001111" });
    expect(
      await db().auditEvent.count({
        where: { action: "update:household", entityId: groupHousehold.id, after: { path: ["headName"], not: "王秀英" } },
      }),
    ).toBe(1);
  });

  it("a stale version is refused with CONFLICT and leaves the household as it was", async () => {
    const form = await formOf(groupHousehold.id);
    await updateHousehold(secretary, { ...form, room: "亭子间" });
    const now = await db().household.findUniqueOrThrow({ where: { id: groupHousehold.id } });
    await expect(updateHousehold(leader, { ...form, headName: "过期修改" })).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db().household.findUniqueOrThrow({ where: { id: groupHousehold.id } })).toEqual(now);
  });

  it("bad input gets field errors in catalog keys and writes nothing", async () => {
    const form = await formOf(groupHousehold.id);
    const events = await db().auditEvent.count();
    const error = await updateHousehold(leader, {
      ...form,
      headName: "   ",
      phone: "abc",
      registeredPopulation: "-1",
      floorArea: "12.345",
      livingArea: "999",
      tenure: "CASTLE",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toMatchObject({
      headName: ["validation.required"],
      phone: ["households.errors.phone"],
      registeredPopulation: ["households.errors.count"],
      floorArea: ["households.errors.area"],
      tenure: ["validation.required"],
    });
    const living = await updateHousehold(leader, { ...form, floorArea: "20.00", livingArea: "25.50" }).catch((e) => e);
    expect(living.fieldErrors).toEqual({ livingArea: ["households.errors.livingAboveFloor"] });
    expect(await db().auditEvent.count()).toBe(events);
  });

  it("a leader cannot edit another group's household (NOT_FOUND); a member may not edit at all", async () => {
    const form = await formOf(otherGroupHousehold.id);
    await expect(updateHousehold(leader, { ...form, headName: "越权" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const member = (await loadActor(db(), project.signingGroups[0]!.memberIds[0]!))!;
    await expect(updateHousehold(member, { ...form, headName: "越权" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await db().household.findUniqueOrThrow({ where: { id: otherGroupHousehold.id } })).headName).not.toBe("越权");
  });
});
