// A resident raises a demand (诉求) for their own household through the same use case as the
// staff: routed by its category, audited as theirs, listed for them with its status, and with the
// answer once the special group has resolved it. Another household's demand is out of reach.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { listDemands } from "@/lib/server/demands/list-demands";
import { raiseDemand } from "@/lib/server/demands/raise-demand";
import { resolveDemand } from "@/lib/server/demands/resolve-demand";
import { seedProject, seedUser, type SeededProject } from "@/prisma/seed/factories";
import { actorOf, householdsOf } from "./signing-helpers.ts";

let project: SeededProject;
let resident: Actor;
let ownId: string;
let otherId: string;

beforeAll(async () => {
  project = await seedProject(db(), { households: 6, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  const [own, other] = await householdsOf(project.project.id);
  ownId = own!.id;
  otherId = other!.id;
  await db().demand.deleteMany({ where: { householdId: { in: [ownId, otherId] } } });
  await db().workingGroup.create({
    data: { projectId: project.project.id, kind: "SPECIAL", specialty: "POLICY_CONSULTATION", name: "政策咨询解答小组（居民诉求测试）" },
  });
  resident = await actorOf((await seedUser(db(), { role: "RESIDENT", householdId: ownId })).id);
});

describe("a resident's demands", () => {
  it("raises one for their household, routed by category, and follows it to the answer", async () => {
    const projectId = project.project.id;
    const { demandId, groupName } = await raiseDemand(resident, {
      projectId,
      householdId: ownId,
      category: "POLICY_QUESTION",
      description: "安置房源什么时候公布？",
    });
    const demand = await db().demand.findUniqueOrThrow({ where: { id: demandId }, include: { routedGroup: true } });
    expect(demand.raisedById).toBe(resident.userId);
    // Routed as a staff-raised one would be: the project's special group for the category.
    const staffRaised = await raiseDemand(await actorOf(project.secretaryId), {
      projectId,
      householdId: ownId,
      category: "POLICY_QUESTION",
      description: "同一个问题",
    });
    expect(demand.routedGroup?.specialty).toBe("POLICY_CONSULTATION");
    expect(groupName).toBe(staffRaised.groupName);
    await db().demand.delete({ where: { id: staffRaised.demandId } });
    expect(groupName).toBe(demand.routedGroup?.name);
    const audit = await db().auditEvent.findFirstOrThrow({ where: { entityId: demandId, action: "raise:demand" } });
    expect(audit.actorId).toBe(resident.userId);

    const mine = await listDemands(resident, { projectId });
    expect(mine.items.map((i) => i.id)).toEqual([demandId]);
    expect(mine.items[0]).toMatchObject({ status: "OPEN", resolution: null, mayManage: false });

    const secretary = await actorOf(project.secretaryId);
    await resolveDemand(secretary, { projectId, demandId, version: String(demand.version), resolution: "下周一在接待室公示房源。" });
    expect((await listDemands(resident, { projectId })).items[0]).toMatchObject({
      status: "RESOLVED",
      resolution: "下周一在接待室公示房源。",
    });
  });

  it("cannot raise or read another household's", async () => {
    const projectId = project.project.id;
    const error = await raiseDemand(resident, { projectId, householdId: otherId, category: "OTHER", description: "别人家" }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("NOT_FOUND");
    const secretary = await actorOf(project.secretaryId);
    const { demandId } = await raiseDemand(secretary, { projectId, householdId: otherId, category: "OTHER", description: "邻居的诉求" });
    expect((await listDemands(resident, { projectId })).items.some((i) => i.id === demandId)).toBe(false);
  });
});
