// Phone masking (DOMAIN.md, "Disclosure and masking"): the household page always carries the
// phone masked; only the assignee of an open task for the household may reveal it, and each
// reveal is an audit event. The edit form's masked phone sent back keeps the number.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getHousehold } from "@/lib/server/households/get-household";
import { updateHousehold } from "@/lib/server/households/update-household";
import { revealPhone } from "@/lib/server/visits/reveal-phone";
import { seedProject, seedUser, type SeededProject } from "../../prisma/seed/factories.ts";

const PHONE = "13812340001";
let project: SeededProject;
let member: Actor;
let otherMember: Actor;
let leader: Actor;
let secretary: Actor;
let official: Actor;
let resident: Actor;
let household: { id: string };
let taskId: string;

beforeAll(async () => {
  project = await seedProject(db(), { households: 8, signingGroups: 1, activity: { visitsPerHousehold: 0, openTaskShare: 0 } });
  const group = project.signingGroups[0]!;
  household = await db().household.findFirstOrThrow({
    where: { signingGroupId: group.id },
    select: { id: true },
    orderBy: { code: "asc" },
  });
  await db().household.update({ where: { id: household.id }, data: { phone: PHONE } });
  member = (await loadActor(db(), group.memberIds[0]!))!;
  otherMember = (await loadActor(db(), group.memberIds[1]!))!;
  leader = (await loadActor(db(), group.leaderId))!;
  secretary = (await loadActor(db(), project.secretaryId))!;
  official = (await loadActor(db(), (await seedUser(db(), { role: "DISTRICT_OFFICIAL" })).id))!;
  resident = (await loadActor(db(), (await seedUser(db(), { role: "RESIDENT", householdId: household.id })).id))!;
  const task = await db().task.create({
    data: { projectId: project.project.id, householdId: household.id, assigneeId: member.userId, kind: "PHONE_CALL", dueDate: new Date() },
  });
  taskId = task.id;
  // The other member once had a task here, long done: they read the household but no longer call it.
  await db().task.create({
    data: {
      projectId: project.project.id,
      householdId: household.id,
      assigneeId: otherMember.userId,
      kind: "HOME_VISIT",
      dueDate: new Date(),
      status: "DONE",
      completedAt: new Date(),
    },
  });
});

const ids = () => ({ projectId: project.project.id, householdId: household.id });

async function codeOf(work: Promise<unknown>): Promise<string> {
  return work.then(
    () => "ok",
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );
}

describe("the household's phone", () => {
  it("is masked on the household page for everyone, the open task's assignee included", async () => {
    for (const actor of [member, otherMember, leader, secretary, official]) {
      const detail = await getHousehold(actor, ids());
      expect(detail.phone).toBe("138****0001");
      expect(JSON.stringify(detail)).not.toContain(PHONE);
    }
  });

  it("is revealable only for the assignee of an open task", async () => {
    expect((await getHousehold(member, ids())).phoneRevealable).toBe(true);
    for (const actor of [otherMember, leader, secretary, official]) expect((await getHousehold(actor, ids())).phoneRevealable).toBe(false);
  });

  it("is revealed in full to the assignee, with one reveal:phone audit event each time", async () => {
    const before = await db().auditEvent.count({ where: { action: "reveal:phone", entityId: household.id } });
    expect(await revealPhone(member, ids())).toEqual({ householdId: household.id, phone: PHONE });
    await revealPhone(member, ids());
    const events = await db().auditEvent.findMany({
      where: { action: "reveal:phone", entityId: household.id },
      select: { actorId: true, entity: true, projectId: true },
    });
    expect(events).toHaveLength(before + 2);
    expect(events.at(-1)).toEqual({ actorId: member.userId, entity: "household", projectId: project.project.id });
    // The reveal is in the household's timeline.
    const timeline = (await getHousehold(leader, ids())).timeline;
    expect(timeline.filter((e) => e.kind === "audit" && e.action === "reveal:phone")).toHaveLength(before + 2);
  });

  it("is refused to everyone else: NOT_FOUND for staff outside the open task, FORBIDDEN for roles that never reveal", async () => {
    const count = () => db().auditEvent.count({ where: { action: "reveal:phone" } });
    const before = await count();
    expect(await codeOf(revealPhone(otherMember, ids()))).toBe("NOT_FOUND");
    expect(await codeOf(revealPhone(leader, ids()))).toBe("NOT_FOUND");
    expect(await codeOf(revealPhone(secretary, ids()))).toBe("NOT_FOUND");
    expect(await codeOf(revealPhone(official, ids()))).toBe("FORBIDDEN");
    expect(await codeOf(revealPhone(resident, ids()))).toBe("FORBIDDEN");
    expect(await count()).toBe(before);
  });

  it("is no longer revealable once the task is done", async () => {
    await db().task.update({ where: { id: taskId }, data: { status: "DONE", completedAt: new Date() } });
    expect((await getHousehold(member, ids())).phoneRevealable).toBe(false);
    expect(await codeOf(revealPhone(member, ids()))).toBe("NOT_FOUND");
    await db().task.update({ where: { id: taskId }, data: { status: "OPEN", completedAt: null } });
  });

  it("keeps the number when the edit form sends the masked phone back, and refuses a masked number that is not it", async () => {
    const h = await db().household.findUniqueOrThrow({ where: { id: household.id } });
    const form = {
      ...ids(),
      version: h.version,
      lane: h.lane ?? "",
      number: h.number ?? "",
      room: h.room ?? "",
      livingArea: h.livingArea?.toFixed(2) ?? "",
      building: h.building,
      address: h.address,
      headName: `${h.headName.slice(0, 10)}改`,
      registeredPopulation: h.registeredPopulation,
      residentCount: h.residentCount,
      floorArea: h.floorArea.toFixed(2),
      tenure: h.tenure,
      ownerLocation: h.ownerLocation,
    };
    const wrong = await updateHousehold(leader, { ...form, phone: "139****0001" }).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(AppError);
    expect((wrong as AppError).fieldErrors).toEqual({ phone: ["households.errors.phone"] });

    const saved = await updateHousehold(leader, { ...form, phone: "138****0001" });
    expect(saved.changed).not.toContain("phone");
    expect(saved.changed).toContain("headName");
    expect((await db().household.findUniqueOrThrow({ where: { id: household.id } })).phone).toBe(PHONE);
  });
});
