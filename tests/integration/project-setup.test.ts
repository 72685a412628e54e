import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { addGroupMember } from "@/lib/server/groups/add-group-member";
import { createWorkingGroup } from "@/lib/server/groups/create-working-group";
import { listWorkingGroups } from "@/lib/server/groups/list-working-groups";
import { removeGroupMember } from "@/lib/server/groups/remove-group-member";
import { setGroupMemberRole } from "@/lib/server/groups/set-group-member-role";
import { changeProjectPhase } from "@/lib/server/projects/change-project-phase";
import { createProject } from "@/lib/server/projects/create-project";
import { getProjectSettings } from "@/lib/server/projects/get-project-settings";
import { updateProject } from "@/lib/server/projects/update-project";
import { authenticateStaff } from "@/lib/server/auth/authenticate-staff";
import { seedUser } from "../../prisma/seed/factories.ts";

let official: Actor;
let secretaryPhone: string;
let secretary: Actor;
let projectId: string;

const baseFields = {
  name: "测试旧改项目",
  kind: "OLD_DISTRICT",
  district: "黄浦区",
  street: "外滩街道",
  countingUnit: "CERTIFICATE",
  firstRoundThreshold: "90",
  signingThreshold: "85",
};

async function errorOf(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  const officialUser = await seedUser(db(), { role: "DISTRICT_OFFICIAL" });
  official = (await loadActor(db(), officialUser.id))!;
  const secretaryUser = await seedUser(db(), { role: "STAFF", phone: "13700005555" });
  secretaryPhone = secretaryUser.phone!;
  const created = await createProject(official, { code: "t-setup", secretaryPhone, ...baseFields });
  projectId = created.id;
  secretary = (await loadActor(db(), secretaryUser.id))!;
});

describe("createProject", () => {
  it("creates the project in preparation with its branch, names the secretary and audits it", async () => {
    const project = await db().project.findUniqueOrThrow({
      where: { id: projectId },
      select: { code: true, phase: true, signingThreshold: true, partyBranch: { select: { secretaryId: true } } },
    });
    expect(project.code).toBe("T-SETUP");
    expect(project.phase).toBe("PREPARATION");
    expect(project.signingThreshold.toString()).toBe("0.85");
    expect(project.partyBranch?.secretaryId).toBe(secretary.userId);
    expect(secretary.managedProjectIds).toEqual([projectId]);
    expect(await db().auditEvent.count({ where: { action: "create:project", entityId: projectId } })).toBe(1);
  });

  it("refuses a taken code, an unknown secretary and bad fields, writing nothing", async () => {
    const before = await db().project.count();
    expect((await errorOf(createProject(official, { code: "T-SETUP", secretaryPhone, ...baseFields }))).fieldErrors).toEqual({
      code: ["validation.projectCodeTaken"],
    });
    expect((await errorOf(createProject(official, { code: "T-2", secretaryPhone: "13799990000", ...baseFields }))).fieldErrors).toEqual({
      secretaryPhone: ["validation.unknownStaffPhone"],
    });
    const bad = await errorOf(
      createProject(official, {
        code: "T 3",
        secretaryPhone,
        ...baseFields,
        signingThreshold: "120",
      }),
    );
    expect(bad.fieldErrors).toMatchObject({ code: ["validation.projectCode"], signingThreshold: ["validation.percent"] });
    const dates = await errorOf(
      createProject(official, { code: "T-3", secretaryPhone, ...baseFields, signingStart: "2026-12-01", signingEnd: "2026-11-01" }),
    );
    expect(dates.fieldErrors).toEqual({ signingEnd: ["validation.endBeforeStart"] });
    const halfPeriod = await errorOf(createProject(official, { code: "T-3", secretaryPhone, ...baseFields, noticeStart: "2026-12-01" }));
    expect(halfPeriod.fieldErrors).toEqual({ noticeEnd: ["validation.required"] });
    const notADate = await errorOf(
      createProject(official, { code: "T-3", secretaryPhone, ...baseFields, noticeStart: "2026-02-30", noticeEnd: "2026-03-01" }),
    );
    expect(notADate.fieldErrors).toEqual({ noticeStart: ["validation.date"] });
    expect(await db().project.count()).toBe(before);
  });

  it("is only for district officials", async () => {
    expect((await errorOf(createProject(secretary, { code: "T-4", secretaryPhone, ...baseFields }))).code).toBe("FORBIDDEN");
  });
});

describe("updateProject", () => {
  it("saves changed fields with the version read and audits only what changed", async () => {
    const settings = await getProjectSettings(secretary, { projectId });
    const result = await updateProject(secretary, {
      projectId,
      version: String(settings.version),
      ...baseFields,
      name: "测试旧改项目（二期）",
      signingThreshold: "66.67",
      signingStart: "2026-12-01",
      signingEnd: "2027-01-31",
    });
    expect(result.changed.sort()).toEqual(["name", "signingEnd", "signingStart", "signingThreshold"]);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "update:project", entityId: projectId } });
    expect(event.after).toMatchObject({ name: "测试旧改项目（二期）", signingThreshold: "0.6667" });
    expect(event.before).toMatchObject({ name: "测试旧改项目", signingThreshold: "0.8500" });
    const after = await getProjectSettings(secretary, { projectId });
    expect(after.signingThreshold).toBe("66.67");
    expect(after.dates.signingStart).toBe("2026-12-01");
  });

  it("refuses a stale version: the second of two editors gets CONFLICT, nothing is merged", async () => {
    const { version } = await getProjectSettings(secretary, { projectId });
    const fields = { projectId, version: String(version), ...baseFields, signingStart: "2026-12-01", signingEnd: "2027-01-31" };
    const results = await Promise.allSettled([
      updateProject(secretary, { ...fields, street: "豫园街道" }),
      updateProject(official, { ...fields, street: "南京东路街道" }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0]!.reason as AppError).code).toBe("CONFLICT");
  });
});

describe("changeProjectPhase", () => {
  it("moves forward one step at a time and names why it refuses", async () => {
    let { version } = await getProjectSettings(secretary, { projectId });
    const skip = await errorOf(changeProjectPhase(secretary, { projectId, toPhase: "SIGNING", version }));
    expect(skip.fieldErrors).toEqual({ _form: ["setup.phaseRefusal.NOT_NEXT"] });
    for (const toPhase of ["NOTICE", "FIRST_CONSULTATION", "SIGNING"]) {
      await changeProjectPhase(secretary, { projectId, toPhase, version });
      version += 1;
    }
    // No household has signed: the agreements are not effective, relocation may not start.
    const early = await errorOf(changeProjectPhase(secretary, { projectId, toPhase: "RELOCATION", version }));
    expect(early.fieldErrors).toEqual({ _form: ["setup.phaseRefusal.NEEDS_EFFECTIVE"] });
    const events = await db().auditEvent.findMany({
      where: { action: "change:project-phase", entityId: projectId },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => (e.after as { phase: string }).phase)).toEqual(["NOTICE", "FIRST_CONSULTATION", "SIGNING"]);
  });

  it("refuses a stale version", async () => {
    const error = await errorOf(changeProjectPhase(secretary, { projectId, toPhase: "RELOCATION", version: 1 }));
    expect(["CONFLICT", "VALIDATION"]).toContain(error.code);
  });
});

describe("working groups", () => {
  it("creates signing and special groups; a special group needs a specialty; names are unique", async () => {
    await createWorkingGroup(secretary, { projectId, name: "签约一组", kind: "SIGNING" });
    await createWorkingGroup(secretary, { projectId, name: "政策组", kind: "SPECIAL", specialty: "POLICY_CONSULTATION" });
    expect(
      (await errorOf(createWorkingGroup(secretary, { projectId, name: "调解组", kind: "SPECIAL", specialty: "" }))).fieldErrors,
    ).toEqual({
      specialty: ["validation.required"],
    });
    expect((await errorOf(createWorkingGroup(secretary, { projectId, name: "签约一组", kind: "SIGNING" }))).fieldErrors).toEqual({
      name: ["validation.groupNameTaken"],
    });
    const groups = await listWorkingGroups(secretary, { projectId });
    expect(groups.map((g) => [g.name, g.kind, g.specialty])).toEqual([
      ["签约一组", "SIGNING", null],
      ["政策组", "SPECIAL", "POLICY_CONSULTATION"],
    ]);
    // The signing group got its Party group.
    expect(await db().partyGroup.count({ where: { workingGroup: { name: "签约一组", projectId } } })).toBe(1);
  });

  it("adds an existing staff member by phone, creates a new account with a one-time password, names a leader, removes", async () => {
    const [signingGroup] = await listWorkingGroups(secretary, { projectId });
    const groupId = signingGroup!.id;
    const existing = await seedUser(db(), { role: "STAFF", phone: "13700006666", name: "赵党员", isPartyMember: true });
    const added = await addGroupMember(secretary, { groupId, phone: "13700006666" });
    expect(added).toEqual({ userId: existing.id, name: "赵党员", temporaryPassword: null });

    expect((await errorOf(addGroupMember(secretary, { groupId, phone: "13700007777" }))).fieldErrors).toEqual({
      name: ["validation.nameForNewStaff"],
    });
    const created = await addGroupMember(secretary, { groupId, phone: "13700007777", name: "钱新人", role: "MEMBER", isPartyMember: "on" });
    expect(created.temporaryPassword).toMatch(/^[\w-]{8}$/);
    expect(await authenticateStaff({ phone: "13700007777", password: created.temporaryPassword })).toMatchObject({
      userId: created.userId,
    });
    expect((await errorOf(addGroupMember(secretary, { groupId, phone: "13700006666" }))).fieldErrors).toEqual({
      phone: ["validation.alreadyInGroup"],
    });

    const members = (await listWorkingGroups(secretary, { projectId }))[0]!.members;
    const zhao = members.find((m) => m.user.name === "赵党员")!;
    await setGroupMemberRole(secretary, { groupId, memberId: zhao.id, role: "LEADER" });
    const leader = (await loadActor(db(), existing.id))!;
    expect(leader.ledGroups).toEqual([{ groupId, projectId }]);

    await removeGroupMember(secretary, { groupId, memberId: zhao.id });
    expect((await loadActor(db(), existing.id))!.ledGroups).toEqual([]);
    const actions = (await db().auditEvent.findMany({ where: { entity: "group", entityId: groupId }, orderBy: { id: "asc" } })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(["create:group", "add:group-member", "add:group-member", "update:group", "remove:group-member"]);
  });
});
