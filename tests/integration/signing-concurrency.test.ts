// Launch day against the real database: many leaders recording at the same moment. One household
// signed by 50 at once yields one signing and 49 clear "already signed" answers; 2,000 households
// signed by 20 workers at once are all counted, each with its audit event, and the project takes
// effect exactly once, with exactly the threshold signed.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { createPrismaClient, db } from "@/lib/db";
import { requiredForThreshold, thresholdBasisPoints } from "@/lib/domain/rates";
import { AppError } from "@/lib/errors";
import { countHouseholdsByProject } from "@/lib/server/figures/count-in-transaction";
import { recordSigning } from "@/lib/server/signing/record-signing";
import { actorOf, householdsOf, seedSigningProject } from "./signing-helpers.ts";

const WORKERS = 20;

beforeAll(() => {
  // Every use case goes through db(): give this file a pool big enough for the workers
  // (integration-setup.ts disconnects it after the file).
  const cache = globalThis as unknown as { lianxinPrisma?: ReturnType<typeof createPrismaClient> };
  cache.lianxinPrisma = createPrismaClient(process.env.DATABASE_URL!, WORKERS);
});

describe("signing under concurrency", () => {
  it("signs one household once when 50 try at the same moment; the other 49 hear 'already signed'", async () => {
    const project = await seedSigningProject({ households: 3, signingGroups: 1 });
    const projectId = project.project.id;
    const group = project.signingGroups[0]!;
    const actors: Actor[] = await Promise.all([project.secretaryId, group.leaderId].map(actorOf));
    const [target] = await householdsOf(projectId);

    const attempts = Array.from({ length: 50 }, (_, i) =>
      recordSigning(actors[i % actors.length]!, {
        projectId,
        householdId: target!.id,
        version: target!.version,
        channel: "ON_SITE",
        // The same number for half of them: the household's constraint must still decide.
        agreementNumber: i % 2 === 0 ? "RACE-0001" : `RACE-${i}`,
      }).then(
        () => "signed" as const,
        (error: unknown) => error,
      ),
    );
    const outcomes = await Promise.all(attempts);

    expect(outcomes.filter((o) => o === "signed")).toHaveLength(1);
    const refusals = outcomes.filter((o) => o !== "signed");
    expect(refusals).toHaveLength(49);
    for (const refusal of refusals) {
      expect(refusal).toBeInstanceOf(AppError);
      expect((refusal as AppError).code).toBe("CONFLICT");
      expect((refusal as AppError).fieldErrors).toEqual({ _form: ["signing.refusals.ALREADY_SIGNED"] });
    }
    expect(await db().signing.count({ where: { householdId: target!.id } })).toBe(1);
    expect(await db().auditEvent.count({ where: { entityId: target!.id, action: "record:signing" } })).toBe(1);
    const household = await db().household.findUniqueOrThrow({ where: { id: target!.id }, select: { version: true } });
    expect(household.version).toBe(target!.version + 1);
  });

  it("counts 2,000 signings by 20 concurrent workers exactly, and takes effect once at the threshold", { timeout: 600_000 }, async () => {
    const project = await seedSigningProject({ households: 2000, signingGroups: WORKERS, signingThreshold: 0.85 });
    const projectId = project.project.id;
    const required = requiredForThreshold(2000, thresholdBasisPoints("0.85"));
    expect(required).toBe(1700);

    // Each worker is a group leader signing their own group's households, one after the other.
    const workers = project.signingGroups.map(async (group, w) => {
      const leader = await actorOf(group.leaderId);
      const households = await householdsOf(projectId, group.id);
      let effectiveSeen = 0;
      for (const [i, h] of households.entries()) {
        const result = await recordSigning(leader, {
          projectId,
          householdId: h.id,
          version: h.version,
          channel: "ON_SITE",
          agreementNumber: `L-${w}-${i}`,
        });
        if (result.becameEffective) effectiveSeen++;
      }
      return { signed: households.length, effectiveSeen };
    });
    const done = await Promise.all(workers);

    expect(done.reduce((sum, d) => sum + d.signed, 0)).toBe(2000);
    expect(done.reduce((sum, d) => sum + d.effectiveSeen, 0)).toBe(1);

    const counts = (await countHouseholdsByProject(db(), [projectId])).get(projectId)!;
    const signingRows = await db().signing.count({ where: { projectId } });
    const auditRows = await db().auditEvent.count({ where: { projectId, action: "record:signing" } });
    expect({ dashboard: counts.signed, signingRows, auditRows }).toEqual({ dashboard: 2000, signingRows: 2000, auditRows: 2000 });

    const effective = await db().auditEvent.findMany({
      where: { entityId: projectId, action: "effective:project" },
      select: { after: true },
    });
    expect(effective).toHaveLength(1);
    expect(effective[0]!.after).toMatchObject({ signed: required, eligible: 2000, required });
    const { agreementsEffectiveAt } = await db().project.findUniqueOrThrow({
      where: { id: projectId },
      select: { agreementsEffectiveAt: true },
    });
    expect(agreementsEffectiveAt).not.toBeNull();
  });
});
