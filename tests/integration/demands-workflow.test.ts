// Demands (诉求) against real rows: routing by category to the project's special groups (the
// default, an override, and refusals of a group that is not one), the moves OPEN → IN_PROGRESS →
// ESCALATED → RESOLVED and their refusals, the version check, re-routing handing the demand to
// the other group's leader, the audit trail the household timeline reads, the list's scope,
// filters and order, and the export holding the list's rows.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { escalateDemand } from "@/lib/server/demands/escalate-demand";
import { exportDemands } from "@/lib/server/demands/export-demands";
import { getDemand } from "@/lib/server/demands/get-demand";
import { listDemands } from "@/lib/server/demands/list-demands";
import { raiseDemand } from "@/lib/server/demands/raise-demand";
import { rerouteDemand } from "@/lib/server/demands/reroute-demand";
import { resolveDemand } from "@/lib/server/demands/resolve-demand";
import { startDemand } from "@/lib/server/demands/start-demand";
import { seedProject, type SeededProject } from "../../prisma/seed/factories.ts";

let project: SeededProject;
let other: SeededProject;
let secretary: Actor;
let consultationLeader: Actor;
let mediationLeader: Actor;
let signingLeader: Actor;
let householdId: string;
let groupOf: (specialty: string) => string;

async function refusal(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  project = await seedProject(db(), {
    households: 10,
    signingGroups: 1,
    signedShare: 0,
    excludedHouseholds: 0,
    specialGroups: ["POLICY_CONSULTATION", "PEOPLES_MEDIATION", "POLICY_LAW"],
    activity: { visitsPerHousehold: 0, receptionVisits: 0, openTaskShare: 0, demandShare: 0 },
  });
  other = await seedProject(db(), {
    households: 4,
    signingGroups: 1,
    specialGroups: ["POLICY_CONSULTATION"],
    conference: false,
    activity: { visitsPerHousehold: 0, receptionVisits: 0, openTaskShare: 0, demandShare: 0 },
  });
  await db().demand.deleteMany({ where: { projectId: { in: [project.project.id, other.project.id] } } });
  groupOf = (specialty) => project.specialGroups.find((g) => g.specialty === specialty)!.id;
  secretary = (await loadActor(db(), project.secretaryId))!;
  consultationLeader = (await loadActor(db(), project.specialGroups.find((g) => g.specialty === "POLICY_CONSULTATION")!.leaderId))!;
  mediationLeader = (await loadActor(db(), project.specialGroups.find((g) => g.specialty === "PEOPLES_MEDIATION")!.leaderId))!;
  signingLeader = (await loadActor(db(), project.signingGroups[0]!.leaderId))!;
  householdId = (await db().household.findFirstOrThrow({ where: { signingGroupId: project.signingGroups[0]!.id }, select: { id: true } }))
    .id;
});

function raise(actor: Actor, extra: Record<string, unknown>) {
  return raiseDemand(actor, { projectId: project.project.id, householdId, description: "想了解安置房源的交付时间", ...extra });
}

async function version(demandId: string): Promise<number> {
  return (await db().demand.findUniqueOrThrow({ where: { id: demandId }, select: { version: true } })).version;
}

const target = async (demandId: string) => ({ projectId: project.project.id, demandId, version: await version(demandId) });

describe("raising a demand", () => {
  it("routes by category to the first fitting special group, none when the project has none of them", async () => {
    const compensation = await raise(signingLeader, { category: "COMPENSATION" });
    const dispute = await raise(signingLeader, { category: "FAMILY_DISPUTE" });
    const hardship = await raise(secretary, { category: "HARDSHIP" });
    const rows = await db().demand.findMany({
      where: { id: { in: [compensation.demandId, dispute.demandId, hardship.demandId] } },
      select: { id: true, routedGroupId: true, status: true, raisedById: true, visitLogId: true },
    });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(compensation.demandId)).toMatchObject({
      routedGroupId: groupOf("POLICY_CONSULTATION"),
      status: "OPEN",
      raisedById: signingLeader.userId,
      visitLogId: null,
    });
    expect(byId.get(dispute.demandId)!.routedGroupId).toBe(groupOf("PEOPLES_MEDIATION"));
    expect(byId.get(hardship.demandId)!.routedGroupId).toBeNull();
    expect(hardship.groupName).toBeNull();

    const audit = await db().auditEvent.findFirstOrThrow({ where: { entity: "demand", entityId: compensation.demandId } });
    expect(audit.action).toBe("raise:demand");
    expect(audit.after).toMatchObject({
      householdId,
      status: "OPEN",
      category: "COMPENSATION",
      routedGroupId: groupOf("POLICY_CONSULTATION"),
    });
  });

  it("takes another special group of the project when chosen, refuses a signing group or another project's group", async () => {
    const chosen = await raise(secretary, { category: "COMPENSATION", routedGroupId: groupOf("POLICY_LAW") });
    expect((await db().demand.findUniqueOrThrow({ where: { id: chosen.demandId } })).routedGroupId).toBe(groupOf("POLICY_LAW"));

    const before = await db().demand.count({ where: { projectId: project.project.id } });
    for (const wrong of [project.signingGroups[0]!.id, other.specialGroups[0]!.id]) {
      const error = await refusal(raise(secretary, { category: "COMPENSATION", routedGroupId: wrong }));
      expect(error.code).toBe("VALIDATION");
      expect(error.fieldErrors).toEqual({ routedGroupId: ["demands.errors.groupOutside"] });
    }
    expect(await db().demand.count({ where: { projectId: project.project.id } })).toBe(before);
  });

  it("refuses a missing category, an empty or too long description; a household of another project is not found", async () => {
    expect((await refusal(raise(secretary, { category: "" }))).fieldErrors?.category).toEqual(["demands.errors.chooseCategory"]);
    expect((await refusal(raise(secretary, { category: "OTHER", description: "  " }))).fieldErrors?.description).toEqual([
      "validation.required",
    ]);
    expect((await refusal(raise(secretary, { category: "OTHER", description: "字".repeat(1001) }))).fieldErrors?.description).toEqual([
      "validation.tooLong",
    ]);
    const foreign = await db().household.findFirstOrThrow({ where: { projectId: other.project.id } });
    expect((await refusal(raise(secretary, { category: "OTHER", householdId: foreign.id }))).code).toBe("NOT_FOUND");
  });
});

describe("working a demand", () => {
  it("goes OPEN → IN_PROGRESS → ESCALATED (to the project's conference) → RESOLVED, each step audited; the wrong steps are refused", async () => {
    const { demandId } = await raise(secretary, { category: "POLICY_QUESTION" });
    const leader = consultationLeader;

    const started = await startDemand(leader, await target(demandId));
    expect(started).toMatchObject({ status: "IN_PROGRESS", version: 2 });
    expect((await refusal(startDemand(leader, await target(demandId)))).fieldErrors).toEqual({ _form: ["demands.errors.cannotStart"] });

    await escalateDemand(leader, await target(demandId));
    const escalated = await db().demand.findUniqueOrThrow({ where: { id: demandId } });
    expect(escalated.status).toBe("ESCALATED");
    expect(escalated.escalatedAt).toBeInstanceOf(Date);
    expect(project.conferenceId).not.toBeNull();
    expect(escalated.escalatedConferenceId).toBe(project.conferenceId);
    expect((await refusal(escalateDemand(leader, await target(demandId)))).fieldErrors).toEqual({
      _form: ["demands.errors.cannotEscalate"],
    });

    const missing = await refusal(resolveDemand(leader, { ...(await target(demandId)), resolution: " " }));
    expect(missing.fieldErrors).toEqual({ resolution: ["validation.required"] });
    const tooLong = await refusal(resolveDemand(leader, { ...(await target(demandId)), resolution: "字".repeat(2001) }));
    expect(tooLong.fieldErrors).toEqual({ resolution: ["validation.tooLong"] });

    await resolveDemand(leader, { ...(await target(demandId)), resolution: "  已向居民解释政策并书面答复。 " });
    const resolved = await db().demand.findUniqueOrThrow({ where: { id: demandId } });
    expect(resolved).toMatchObject({ status: "RESOLVED", resolution: "已向居民解释政策并书面答复。" });
    expect(resolved.resolvedAt).toBeInstanceOf(Date);
    expect((await refusal(resolveDemand(leader, { ...(await target(demandId)), resolution: "再次" }))).fieldErrors).toEqual({
      _form: ["demands.errors.cannotResolve"],
    });
    expect(
      (await refusal(rerouteDemand(leader, { ...(await target(demandId)), routedGroupId: groupOf("POLICY_LAW") }))).fieldErrors,
    ).toEqual({ _form: ["demands.errors.cannotReroute"] });

    const events = await db().auditEvent.findMany({ where: { entity: "demand", entityId: demandId }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.action)).toEqual(["raise:demand", "start:demand", "escalate:demand", "resolve:demand"]);
    expect(events[3]!.before).toMatchObject({ status: "ESCALATED", householdId });
    expect(events[3]!.after).toMatchObject({
      status: "RESOLVED",
      resolution: "已向居民解释政策并书面答复。",
      groupName: expect.any(String),
    });

    const detail = await getDemand(leader, { projectId: project.project.id, demandId });
    expect(detail.history.map((e) => e.status)).toEqual(["OPEN", "IN_PROGRESS", "ESCALATED", "RESOLVED"]);
    expect(detail.moves).toEqual({ start: false, escalate: false, resolve: false, reroute: false });
  });

  it("may be resolved straight from OPEN; without a project conference an escalation names none", async () => {
    const { demandId } = await raise(secretary, { category: "COMPENSATION" });
    await resolveDemand(secretary, { ...(await target(demandId)), resolution: "当场答复" });
    expect((await db().demand.findUniqueOrThrow({ where: { id: demandId } })).status).toBe("RESOLVED");

    const otherSecretary = (await loadActor(db(), other.secretaryId))!;
    const foreignHousehold = await db().household.findFirstOrThrow({ where: { projectId: other.project.id } });
    const raised = await raiseDemand(otherSecretary, {
      projectId: other.project.id,
      householdId: foreignHousehold.id,
      category: "COMPENSATION",
      description: "补偿标准",
    });
    await escalateDemand(otherSecretary, {
      projectId: other.project.id,
      demandId: raised.demandId,
      version: await version(raised.demandId),
    });
    const escalated = await db().demand.findUniqueOrThrow({ where: { id: raised.demandId } });
    expect(escalated).toMatchObject({ status: "ESCALATED", escalatedConferenceId: null });
  });

  it("a form older than the last change is CONFLICT and changes nothing", async () => {
    const { demandId } = await raise(secretary, { category: "POLICY_QUESTION" });
    const stale = await target(demandId);
    await startDemand(consultationLeader, stale);
    const events = await db().auditEvent.count({ where: { entity: "demand", entityId: demandId } });
    const error = await refusal(resolveDemand(secretary, { ...stale, resolution: "已答复" }));
    expect(error.code).toBe("CONFLICT");
    expect(error.fieldErrors).toEqual({ _form: ["demands.errors.changedMeanwhile"] });
    expect((await db().demand.findUniqueOrThrow({ where: { id: demandId } })).status).toBe("IN_PROGRESS");
    expect(await db().auditEvent.count({ where: { entity: "demand", entityId: demandId } })).toBe(events);
  });

  it("re-routing hands it to the other special group's leader; not to a signing group nor the same group", async () => {
    const { demandId } = await raise(secretary, { category: "COMPENSATION" });
    const same = await refusal(
      rerouteDemand(consultationLeader, { ...(await target(demandId)), routedGroupId: groupOf("POLICY_CONSULTATION") }),
    );
    expect(same.fieldErrors).toEqual({ routedGroupId: ["demands.errors.sameGroup"] });
    const signing = await refusal(
      rerouteDemand(consultationLeader, { ...(await target(demandId)), routedGroupId: project.signingGroups[0]!.id }),
    );
    expect(signing.fieldErrors).toEqual({ routedGroupId: ["demands.errors.groupOutside"] });
    // The mediation leader does not work it yet.
    expect((await refusal(startDemand(mediationLeader, await target(demandId)))).code).toBe("NOT_FOUND");

    const moved = await rerouteDemand(consultationLeader, { ...(await target(demandId)), routedGroupId: groupOf("PEOPLES_MEDIATION") });
    expect(moved.status).toBe("OPEN");
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: demandId, action: "route:demand" } });
    expect(audit.before).toMatchObject({ routedGroupId: groupOf("POLICY_CONSULTATION") });
    expect(audit.after).toMatchObject({ routedGroupId: groupOf("PEOPLES_MEDIATION"), status: "OPEN" });

    expect((await refusal(startDemand(consultationLeader, await target(demandId)))).code).toBe("NOT_FOUND");
    expect((await startDemand(mediationLeader, await target(demandId))).status).toBe("IN_PROGRESS");
    // A signing group's leader reads the demands of the group's households but works none of them.
    expect((await getDemand(signingLeader, { projectId: project.project.id, demandId })).moves.resolve).toBe(false);
    expect((await refusal(resolveDemand(signingLeader, { ...(await target(demandId)), resolution: "x" }))).code).toBe("NOT_FOUND");
  });
});

describe("the demand list", () => {
  it("a special group's leader sees only the demands routed to the group; the secretary all; filters and the clock's colour", async () => {
    const projectId = project.project.id;
    const { demandId: late } = await raise(secretary, { category: "POLICY_QUESTION" });
    // Raised three days ago: past its 2-day target, red.
    await db().demand.update({ where: { id: late }, data: { createdAt: new Date(Date.now() - 3 * 24 * 3_600_000) } });

    const mine = await listDemands(consultationLeader, { projectId });
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((d) => d.groupId === groupOf("POLICY_CONSULTATION"))).toBe(true);
    expect(mine.items.every((d) => d.mayManage)).toBe(true);
    const all = await listDemands(secretary, { projectId });
    expect(all.items.length).toBe(await db().demand.count({ where: { projectId } }));
    expect(all.items.some((d) => d.groupId === null)).toBe(true);

    // Unresolved first, the least time left first: the late one leads.
    expect(all.items[0]!.id).toBe(late);
    expect(all.items[0]).toMatchObject({ colour: "red" });
    const resolvedAt = all.items.findIndex((d) => d.status === "RESOLVED");
    expect(all.items.slice(resolvedAt).every((d) => d.status === "RESOLVED")).toBe(true);

    const red = await listDemands(secretary, { projectId, colour: "red" });
    expect(red.items.map((d) => d.id)).toEqual([late]);
    const resolved = await listDemands(secretary, { projectId, status: "RESOLVED" });
    expect(resolved.items.length).toBe(await db().demand.count({ where: { projectId, status: "RESOLVED" } }));
    const unresolved = await listDemands(secretary, { projectId, status: "unresolved", category: "POLICY_QUESTION" });
    expect(unresolved.items.every((d) => d.status !== "RESOLVED" && d.category === "POLICY_QUESTION")).toBe(true);
    const unrouted = await listDemands(secretary, { projectId, group: "none" });
    expect(unrouted.items.every((d) => d.groupId === null)).toBe(true);
    expect(unrouted.items.length).toBeGreaterThan(0);
    // A value that does not parse is dropped, not an error.
    expect((await listDemands(secretary, { projectId, colour: "purple" })).items.length).toBe(all.items.length);

    const file = await exportDemands(secretary, { projectId, colour: "red" });
    expect(file.count).toBe(1);
    expect(file.body.byteLength).toBeGreaterThan(0);
  });
});
