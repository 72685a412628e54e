// Assigning households to signing groups: one, a selection, a building, the current filter —
// counts, one audit event per household that moved (none for those already there), version
// bumps, and refusals that leave everything as it was.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { assignHouseholds } from "@/lib/server/households/assign-households";
import { seedProject, type SeededProject } from "../../prisma/seed/factories.ts";

let project: SeededProject;
let other: SeededProject;
let secretary: Actor;
let pid: string;

beforeAll(async () => {
  project = await seedProject(db(), {
    households: 80,
    signingGroups: 3,
    specialGroups: ["POLICY_CONSULTATION"],
    activity: { visitsPerHousehold: 0 },
  });
  other = await seedProject(db(), { households: 5, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  secretary = (await loadActor(db(), project.secretaryId))!;
  pid = project.project.id;
});

const groupOf = async (id: string) =>
  (await db().household.findUniqueOrThrow({ where: { id }, select: { signingGroupId: true } })).signingGroupId;

describe("assignHouseholds", () => {
  it("by selection: moves the ticked households, counts those already there, one event per move", async () => {
    const [g1, g2] = project.signingGroups;
    const inG1 = await db().household.findMany({ where: { signingGroupId: g1!.id }, take: 3, orderBy: { code: "asc" } });
    const inG2 = await db().household.findMany({ where: { signingGroupId: g2!.id }, take: 2, orderBy: { code: "asc" } });
    const result = await assignHouseholds(secretary, {
      projectId: pid,
      groupId: g2!.id,
      mode: "selection",
      householdIds: [...inG1, ...inG2].map((h) => h.id),
    });
    expect(result).toEqual({ groupName: g2!.name, moved: 3, alreadyInGroup: 2 });
    for (const h of inG1) {
      const now = await db().household.findUniqueOrThrow({ where: { id: h.id } });
      expect(now.signingGroupId).toBe(g2!.id);
      expect(now.version).toBe(h.version + 1);
      const events = await db().auditEvent.findMany({ where: { action: "assign:household", entityId: h.id } });
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        actorId: secretary.userId,
        entity: "household",
        projectId: pid,
        before: { signingGroupId: g1!.id, signingGroupName: g1!.name },
        after: { signingGroupId: g2!.id, signingGroupName: g2!.name },
      });
    }
    for (const h of inG2) {
      expect(await db().auditEvent.count({ where: { action: "assign:household", entityId: h.id } })).toBe(0);
      expect((await db().household.findUniqueOrThrow({ where: { id: h.id } })).version).toBe(h.version);
    }
  });

  it("a comma-separated selection (one household from its page) works too, and from unassigned", async () => {
    const h = await db().household.findFirstOrThrow({ where: { projectId: pid }, orderBy: { code: "desc" } });
    await db().household.update({ where: { id: h.id }, data: { signingGroupId: null } });
    const g3 = project.signingGroups[2]!;
    expect(await assignHouseholds(secretary, { projectId: pid, groupId: g3.id, mode: "selection", householdIds: h.id })).toMatchObject({
      moved: 1,
      alreadyInGroup: 0,
    });
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "assign:household", entityId: h.id } });
    expect(event.before).toEqual({ signingGroupId: null, signingGroupName: null });
  });

  it("by building: every household of that building", async () => {
    const building = (
      await db().household.findFirstOrThrow({
        where: { projectId: pid, signingGroupId: project.signingGroups[0]!.id },
        orderBy: { code: "asc" },
      })
    ).building;
    const households = await db().household.findMany({ where: { projectId: pid, building } });
    const target = project.signingGroups[2]!;
    const already = households.filter((h) => h.signingGroupId === target.id).length;
    const eventsBefore = await db().auditEvent.count({ where: { action: "assign:household" } });
    const result = await assignHouseholds(secretary, { projectId: pid, groupId: target.id, mode: "building", building });
    expect(result).toEqual({ groupName: target.name, moved: households.length - already, alreadyInGroup: already });
    expect(await db().household.count({ where: { projectId: pid, building, signingGroupId: target.id } })).toBe(households.length);
    expect(await db().auditEvent.count({ where: { action: "assign:household" } })).toBe(eventsBefore + households.length - already);
  });

  it("by the current filter: exactly the households the list shows, in one transaction", async () => {
    const target = project.signingGroups[0]!;
    const expected = await db().household.findMany({ where: { projectId: pid, tenure: "PUBLIC_LEASE" } });
    const untouched = await db().household.findMany({
      where: { projectId: pid, tenure: { not: "PUBLIC_LEASE" } },
      select: { id: true, signingGroupId: true },
    });
    expect(expected.length).toBeGreaterThan(0);
    expect(untouched.length).toBeGreaterThan(0);
    const already = expected.filter((h) => h.signingGroupId === target.id).length;
    // Sort and page of the list do not narrow the filter: all matching households are assigned.
    const result = await assignHouseholds(secretary, {
      projectId: pid,
      groupId: target.id,
      mode: "filter",
      filter: "tenure=PUBLIC_LEASE&sort=state&page=3",
    });
    expect(result).toEqual({ groupName: target.name, moved: expected.length - already, alreadyInGroup: already });
    expect(await db().household.count({ where: { projectId: pid, tenure: "PUBLIC_LEASE", signingGroupId: { not: target.id } } })).toBe(0);
    for (const h of untouched) expect(await groupOf(h.id)).toBe(h.signingGroupId);
  });

  it("refuses a special group, another project's group or an unknown group (NOT_FOUND) and writes nothing", async () => {
    const h = await db().household.findFirstOrThrow({ where: { projectId: pid } });
    const special = project.specialGroups[0]!;
    const events = await db().auditEvent.count();
    for (const groupId of [special.id, other.signingGroups[0]!.id, "01234567-89ab-7def-8123-456789abcdef"]) {
      await expect(assignHouseholds(secretary, { projectId: pid, groupId, mode: "selection", householdIds: [h.id] })).rejects.toMatchObject(
        { code: "NOT_FOUND" },
      );
    }
    expect(await groupOf(h.id)).toBe(h.signingGroupId);
    expect(await db().auditEvent.count()).toBe(events);
  });

  it("a selection with a household of another project is NOT_FOUND as a whole: nothing moves", async () => {
    const mine = await db().household.findFirstOrThrow({
      where: { projectId: pid, signingGroupId: { not: project.signingGroups[1]!.id } },
    });
    const foreign = await db().household.findFirstOrThrow({ where: { projectId: other.project.id } });
    await expect(
      assignHouseholds(secretary, {
        projectId: pid,
        groupId: project.signingGroups[1]!.id,
        mode: "selection",
        householdIds: [mine.id, foreign.id],
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await groupOf(mine.id)).toBe(mine.signingGroupId);
  });

  it("says what is missing: no selection, no building, no group", async () => {
    const g = project.signingGroups[0]!.id;
    const noSelection = await assignHouseholds(secretary, { projectId: pid, groupId: g, mode: "selection" }).catch((e) => e);
    expect(noSelection).toBeInstanceOf(AppError);
    expect(noSelection.fieldErrors).toEqual({ householdIds: ["households.errors.selectHouseholds"] });
    const noBuilding = await assignHouseholds(secretary, { projectId: pid, groupId: g, mode: "building", building: " " }).catch((e) => e);
    expect(noBuilding.fieldErrors).toEqual({ building: ["households.errors.chooseBuilding"] });
    const noGroup = await assignHouseholds(secretary, { projectId: pid, groupId: "", mode: "filter" }).catch((e) => e);
    expect(noGroup.fieldErrors).toEqual({ groupId: ["households.errors.chooseGroup"] });
  });

  it("a household changed by someone else during the assignment fails the whole assignment with CONFLICT", async () => {
    const target = project.signingGroups[1]!;
    const households = await db().household.findMany({
      where: { projectId: pid, signingGroupId: { not: target.id } },
      take: 4,
      orderBy: { code: "asc" },
    });
    // Hold a row lock on one of them and bump its version while the assignment waits for it.
    const events = await db().auditEvent.count();
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    const editor = db().$transaction(async (tx) => {
      await tx.household.update({ where: { id: households[2]!.id }, data: { version: { increment: 1 }, room: "后楼" } });
      await held;
    });
    await new Promise((r) => setTimeout(r, 100));
    const assignment = assignHouseholds(secretary, {
      projectId: pid,
      groupId: target.id,
      mode: "selection",
      householdIds: households.map((h) => h.id),
    }).catch((e) => e);
    await new Promise((r) => setTimeout(r, 300));
    release();
    await editor;
    const error = await assignment;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("CONFLICT");
    for (const h of households) expect(await groupOf(h.id)).toBe(h.signingGroupId);
    expect(await db().auditEvent.count()).toBe(events);
  });
});
