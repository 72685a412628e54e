// Setup screen use cases: renaming and removing working groups (version-checked, audited; a
// removed group's households move where the secretary says, as an assignment moves them, with
// the live notification), and the project form's answers: every problem at once, a past signing
// end date accepted with a warning.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createWorkingGroup } from "@/lib/server/groups/create-working-group";
import { listWorkingGroups } from "@/lib/server/groups/list-working-groups";
import { removeGroupMember } from "@/lib/server/groups/remove-group-member";
import { removeWorkingGroup } from "@/lib/server/groups/remove-working-group";
import { renameWorkingGroup } from "@/lib/server/groups/rename-working-group";
import { PROGRESS_CHANNEL } from "@/lib/server/live/progress-event";
import { createProject } from "@/lib/server/projects/create-project";
import { getProjectSettings } from "@/lib/server/projects/get-project-settings";
import { updateProject } from "@/lib/server/projects/update-project";
import { seedGroupMember, seedProject, seedUser, type SeededProject } from "../../prisma/seed/factories.ts";

let project: SeededProject;
let other: SeededProject;
let secretary: Actor;
let otherSecretary: Actor;
let official: Actor;
let listener: pg.Client;
const heard: { projectId: string; kind: string }[] = [];

async function errorOf(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** A fresh signing group of the project (the seeded ones carry daily reports), with `households` of its households. */
async function groupWith(households: number, name = `组${Math.random().toString(36).slice(2, 8)}`) {
  const { id } = await createWorkingGroup(secretary, { projectId: project.project.id, name, kind: "SIGNING" });
  const picked = await db().household.findMany({
    where: { projectId: project.project.id, signingGroup: { name: { not: { startsWith: "组" } } } },
    select: { id: true },
    orderBy: { code: "asc" },
    take: households,
  });
  await db().household.updateMany({ where: { id: { in: picked.map((h) => h.id) } }, data: { signingGroupId: id } });
  const group = await db().workingGroup.findUniqueOrThrow({ where: { id }, select: { id: true, name: true, version: true } });
  return { ...group, householdIds: picked.map((h) => h.id) };
}

/** The next notification of the project's kind on the progress channel (after a commit). */
function nextNotification(projectId: string, kind: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${kind} notification`)), 20_000);
    const check = () => {
      const index = heard.findIndex((e) => e.projectId === projectId && e.kind === kind);
      if (index < 0) return false;
      heard.splice(index, 1);
      clearTimeout(timer);
      resolve();
      return true;
    };
    if (!check()) listener.on("notification", () => void check());
  });
}

beforeAll(async () => {
  project = await seedProject(db(), { households: 24, signingGroups: 2, activity: { visitsPerHousehold: 0 } });
  other = await seedProject(db(), { households: 4, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  secretary = (await loadActor(db(), project.secretaryId))!;
  otherSecretary = (await loadActor(db(), other.secretaryId))!;
  official = (await loadActor(db(), (await seedUser(db(), { role: "DISTRICT_OFFICIAL" })).id))!;
  listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await listener.connect();
  listener.on("notification", (message) => {
    const payload = JSON.parse(message.payload ?? "{}") as { projectId: string; kind: string };
    heard.push({ projectId: payload.projectId, kind: payload.kind });
  });
  await listener.query(`LISTEN ${PROGRESS_CHANNEL}`);
});

afterAll(async () => {
  await listener.end();
});

describe("renameWorkingGroup", () => {
  it("renames the group and its Party group, bumps its version and audits before and after", async () => {
    const group = await groupWith(0, "组改名前");
    const result = await renameWorkingGroup(secretary, { groupId: group.id, name: "组改名后", version: group.version });
    expect(result).toEqual({ id: group.id, name: "组改名后", changed: true });
    const after = await db().workingGroup.findUniqueOrThrow({
      where: { id: group.id },
      select: { name: true, version: true, partyGroup: { select: { name: true } } },
    });
    expect(after).toEqual({ name: "组改名后", version: group.version + 1, partyGroup: { name: "组改名后党小组" } });
    const events = await db().auditEvent.findMany({
      where: { action: "rename:group", entityId: group.id },
      select: { before: true, after: true, actorId: true },
    });
    expect(events).toEqual([{ before: { name: "组改名前" }, after: { name: "组改名后" }, actorId: secretary.userId }]);
  });

  it("refuses a stale version (someone renamed it in between) and leaves the name", async () => {
    const group = await groupWith(0, "组甲");
    await renameWorkingGroup(secretary, { groupId: group.id, name: "组甲一", version: group.version });
    expect((await errorOf(renameWorkingGroup(secretary, { groupId: group.id, name: "组甲二", version: group.version }))).code).toBe(
      "CONFLICT",
    );
    expect((await db().workingGroup.findUniqueOrThrow({ where: { id: group.id } })).name).toBe("组甲一");
    expect(await db().auditEvent.count({ where: { action: "rename:group", entityId: group.id } })).toBe(1);
  });

  it("refuses a name another group of the project has, and an empty one", async () => {
    const a = await groupWith(0, "组乙");
    const b = await groupWith(0, "组丙");
    expect((await errorOf(renameWorkingGroup(secretary, { groupId: b.id, name: a.name, version: b.version }))).fieldErrors).toEqual({
      name: ["validation.groupNameTaken"],
    });
    expect((await errorOf(renameWorkingGroup(secretary, { groupId: b.id, name: " ", version: b.version }))).fieldErrors).toEqual({
      name: ["validation.required"],
    });
  });

  it("is not found for another project's secretary, and forbidden to an official", async () => {
    const group = await groupWith(0);
    expect((await errorOf(renameWorkingGroup(otherSecretary, { groupId: group.id, name: "组外", version: group.version }))).code).toBe(
      "NOT_FOUND",
    );
    expect((await errorOf(renameWorkingGroup(official, { groupId: group.id, name: "组外", version: group.version }))).code).toBe(
      "FORBIDDEN",
    );
  });
});

describe("removeWorkingGroup", () => {
  it("asks where its households go before removing a group that has any", async () => {
    const group = await groupWith(3);
    const error = await errorOf(removeWorkingGroup(secretary, { groupId: group.id, version: group.version }));
    expect(error.fieldErrors).toEqual({ householdsTo: ["setup.groups.errors.chooseDestination"] });
    expect(await db().workingGroup.count({ where: { id: group.id } })).toBe(1);
  });

  it("moves its households to another group in the same transaction, one assign event each, and notifies", async () => {
    const group = await groupWith(4);
    const target = await groupWith(0);
    const member = await seedUser(db(), { role: "STAFF" });
    await seedGroupMember(db(), { groupId: group.id, userId: member.id, role: "LEADER" });
    const task = await db().task.create({
      data: {
        projectId: project.project.id,
        householdId: group.householdIds[0]!,
        assigneeId: member.id,
        kind: "HOME_VISIT",
        dueDate: new Date("2026-12-10"),
      },
      select: { id: true },
    });
    const versions = await db().household.findMany({ where: { id: { in: group.householdIds } }, select: { id: true, version: true } });
    const notified = nextNotification(project.project.id, "assignment");

    const result = await removeWorkingGroup(secretary, { groupId: group.id, version: group.version, householdsTo: target.id });
    expect(result).toEqual({ name: group.name, movedHouseholds: 4, movedTo: target.name, formerMembers: 1 });
    await notified;

    const moved = await db().household.findMany({
      where: { id: { in: group.householdIds } },
      select: { id: true, version: true, signingGroupId: true },
    });
    for (const h of moved) {
      expect(h.signingGroupId).toBe(target.id);
      expect(h.version).toBe(versions.find((v) => v.id === h.id)!.version + 1);
    }
    const events = await db().auditEvent.findMany({
      where: { action: "assign:household", entityId: { in: group.householdIds } },
      select: { entityId: true, before: true, after: true },
    });
    expect(events).toHaveLength(4);
    for (const e of events) {
      expect(e.before).toEqual({ signingGroupId: group.id, signingGroupName: group.name });
      expect(e.after).toEqual({ signingGroupId: target.id, signingGroupName: target.name });
    }
    const removal = await db().auditEvent.findFirstOrThrow({ where: { action: "remove:group", entityId: group.id } });
    expect(removal.before).toMatchObject({ name: group.name, households: 4, members: [{ userId: member.id, role: "LEADER" }] });
    expect(removal.after).toEqual({ householdsTo: target.id });

    // The group, its membership and Party group are gone; the person and their open task stay.
    expect(await db().workingGroup.count({ where: { id: group.id } })).toBe(0);
    expect(await db().workingGroupMember.count({ where: { groupId: group.id } })).toBe(0);
    expect(await db().partyGroup.count({ where: { workingGroupId: group.id } })).toBe(0);
    expect(await db().user.count({ where: { id: member.id } })).toBe(1);
    expect(await db().task.findUniqueOrThrow({ where: { id: task.id }, select: { assigneeId: true, status: true } })).toEqual({
      assigneeId: member.id,
      status: "OPEN",
    });
  });

  it("leaves its households unassigned when the secretary says so", async () => {
    const group = await groupWith(2);
    const result = await removeWorkingGroup(secretary, { groupId: group.id, version: group.version, householdsTo: "UNASSIGNED" });
    expect(result.movedTo).toBeNull();
    expect(await db().household.count({ where: { id: { in: group.householdIds }, signingGroupId: null } })).toBe(2);
    const events = await db().auditEvent.findMany({
      where: { action: "assign:household", entityId: { in: group.householdIds } },
      select: { after: true },
    });
    expect(events.map((e) => e.after)).toEqual([
      { signingGroupId: null, signingGroupName: null },
      { signingGroupId: null, signingGroupName: null },
    ]);
  });

  it("removes a group without households at once", async () => {
    const group = await groupWith(0);
    expect(await removeWorkingGroup(secretary, { groupId: group.id, version: group.version })).toMatchObject({ movedHouseholds: 0 });
    expect(await db().workingGroup.count({ where: { id: group.id } })).toBe(0);
  });

  it("refuses a stale version, a destination in another project, the group itself and a special group, changing nothing", async () => {
    const group = await groupWith(2);
    const target = await groupWith(0);
    const before = await db().household.findMany({
      where: { id: { in: group.householdIds } },
      select: { id: true, version: true, signingGroupId: true },
    });
    await renameWorkingGroup(secretary, { groupId: group.id, name: `${group.name}新`, version: group.version });
    expect(
      (await errorOf(removeWorkingGroup(secretary, { groupId: group.id, version: group.version, householdsTo: target.id }))).code,
    ).toBe("CONFLICT");
    const current = group.version + 1;
    const special = await createWorkingGroup(secretary, {
      projectId: project.project.id,
      name: `专${Date.now()}`,
      kind: "SPECIAL",
      specialty: "POLICY_CONSULTATION",
    });
    for (const householdsTo of [other.signingGroups[0]!.id, group.id, special.id]) {
      expect((await errorOf(removeWorkingGroup(secretary, { groupId: group.id, version: current, householdsTo }))).code).toBe("NOT_FOUND");
    }
    expect(
      await db().household.findMany({
        where: { id: { in: group.householdIds } },
        select: { id: true, version: true, signingGroupId: true },
      }),
    ).toEqual(before);
    expect(await db().workingGroup.count({ where: { id: group.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { action: "remove:group", entityId: group.id } })).toBe(0);
  });

  it("keeps a group with open demands routed to it or with daily reports", async () => {
    const special = await createWorkingGroup(secretary, {
      projectId: project.project.id,
      name: `专诉${Date.now()}`,
      kind: "SPECIAL",
      specialty: "POLICY_CONSULTATION",
    });
    const household = await db().household.findFirstOrThrow({ where: { projectId: project.project.id }, select: { id: true } });
    await db().demand.create({
      data: {
        projectId: project.project.id,
        householdId: household.id,
        category: "COMPENSATION",
        description: "补偿标准",
        routedGroupId: special.id,
      },
    });
    expect((await errorOf(removeWorkingGroup(secretary, { groupId: special.id, version: 1 }))).fieldErrors).toEqual({
      _form: ["setup.groups.errors.openDemands"],
    });
    const seeded = project.signingGroups[0]!;
    const reports = await db().dailyReport.count({ where: { groupId: seeded.id } });
    if (reports === 0)
      await db().dailyReport.create({ data: { projectId: project.project.id, groupId: seeded.id, reportDate: new Date("2026-11-30") } });
    expect(
      (await errorOf(removeWorkingGroup(secretary, { groupId: seeded.id, version: 1, householdsTo: "UNASSIGNED" }))).fieldErrors,
    ).toEqual({
      _form: ["setup.groups.errors.hasReports"],
    });
    expect(await db().workingGroup.count({ where: { id: { in: [special.id, seeded.id] } } })).toBe(2);
  });

  it("is not found for another project's secretary", async () => {
    const group = await groupWith(1);
    expect(
      (await errorOf(removeWorkingGroup(otherSecretary, { groupId: group.id, version: group.version, householdsTo: "UNASSIGNED" }))).code,
    ).toBe("NOT_FOUND");
    expect(await db().workingGroup.count({ where: { id: group.id } })).toBe(1);
  });

  it("lists groups with the version their forms carry", async () => {
    const group = await groupWith(0);
    const listed = (await listWorkingGroups(secretary, { projectId: project.project.id })).find((g) => g.id === group.id);
    expect(listed?.version).toBe(group.version);
  });
});

describe("removeGroupMember", () => {
  it("answers who left which group, for the message", async () => {
    const group = await groupWith(0);
    const person = await seedUser(db(), { role: "STAFF", name: "钱七" });
    const membership = await seedGroupMember(db(), { groupId: group.id, userId: person.id });
    expect(await removeGroupMember(secretary, { groupId: group.id, memberId: membership.id })).toEqual({
      removed: true,
      name: "钱七",
      group: group.name,
    });
  });
});

describe("the project form", () => {
  const fields = {
    name: "一次说全",
    kind: "OLD_DISTRICT",
    district: "黄浦区",
    street: "外滩街道",
    countingUnit: "HOUSEHOLD",
    firstRoundThreshold: "90",
    signingThreshold: "85",
  };

  it("reports every field's problem in one answer: fields, periods, an unknown secretary and a code in use", async () => {
    const error = await errorOf(
      createProject(official, {
        ...fields,
        code: project.project.code,
        secretaryPhone: "13799998888",
        name: "",
        firstRoundThreshold: "abc",
        noticeStart: "2026-12-01",
        signingStart: "2026-12-10",
        signingEnd: "2026-12-01",
      }),
    );
    expect(error.fieldErrors).toEqual({
      name: ["validation.required"],
      firstRoundThreshold: ["validation.percent"],
      noticeEnd: ["validation.required"],
      signingEnd: ["validation.endBeforeStart"],
      secretaryPhone: ["validation.unknownStaffPhone"],
      code: ["validation.projectCodeTaken"],
    });
  });

  it("accepts a signing end date in the past and says so", async () => {
    const settings = await getProjectSettings(secretary, { projectId: project.project.id });
    const base = {
      ...fields,
      projectId: settings.id,
      version: settings.version,
      name: settings.name,
      kind: settings.kind,
      countingUnit: settings.countingUnit,
      signingStart: "2026-10-01",
      signingEnd: "2026-11-30",
    };
    const now = new Date("2026-12-01T04:00:00Z"); // 12:00 in Shanghai, the day after the end
    const saved = await updateProject(secretary, base, now);
    expect(saved.signingEndPassed).toBe(true);
    expect((await getProjectSettings(secretary, { projectId: settings.id }, now)).signingEndPassed).toBe(true);
    const onTheDay = new Date("2026-11-30T15:00:00Z"); // 23:00 in Shanghai on the end day
    const again = await updateProject(secretary, { ...base, version: settings.version + 1 }, onTheDay);
    expect(again.signingEndPassed).toBe(false);
    expect((await getProjectSettings(secretary, { projectId: settings.id }, onTheDay)).signingEndPassed).toBe(false);
  });
});
