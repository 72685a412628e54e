// Effectiveness and failure of a project's agreements against Postgres, at the boundaries:
// 20 eligible households at 85% need ⌈17⌉ = 17 signings (lib/domain/rates.ts).
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { requiredForThreshold, thresholdBasisPoints } from "@/lib/domain/rates";
import { countHouseholdsByProject } from "@/lib/server/figures/count-in-transaction";
import { excludeHousehold } from "@/lib/server/signing/exclude-household";
import { includeHousehold } from "@/lib/server/signing/include-household";
import { recordSigning } from "@/lib/server/signing/record-signing";
import { settleDueSigningPeriods } from "@/lib/server/signing/settle-due-signing-periods";
import { settleSigningPeriod } from "@/lib/server/signing/settle-signing-period";
import { undoHouseholdEvent } from "@/lib/server/signing/undo-household-event";
import { actorOf, appErrorOf, DAY_MS, householdsOf, seedSigningProject, setProject, shanghaiDate } from "./signing-helpers.ts";

async function projectFacts(projectId: string) {
  const project = await db().project.findUniqueOrThrow({
    where: { id: projectId },
    select: { agreementsEffectiveAt: true, signingFailedAt: true },
  });
  const events = await db().auditEvent.findMany({
    where: { entityId: projectId, action: { in: ["effective:project", "fail:project"] } },
    select: { action: true, actorId: true, after: true },
    orderBy: { id: "asc" },
  });
  return { ...project, events };
}

/** Signs households (in code order) through the use case, as the secretary. */
async function sign(secretary: Actor, projectId: string, householdsToSign: { id: string; version: number }[], prefix: string) {
  const results = [];
  for (const [i, h] of householdsToSign.entries()) {
    results.push(
      await recordSigning(secretary, {
        projectId,
        householdId: h.id,
        version: h.version,
        channel: "ON_SITE",
        agreementNumber: `${prefix}-${i + 1}`,
      }),
    );
  }
  return results;
}

describe("agreements take effect at the threshold", () => {
  it("needs 17 of 20 at 85%", () => {
    expect(requiredForThreshold(20, thresholdBasisPoints("0.85"))).toBe(17);
  });

  it("stays pending at 16 (threshold − 1), takes effect with the 17th, and stays effective at 18 without a second event", async () => {
    const project = await seedSigningProject({ households: 20, signingThreshold: 0.85 });
    const projectId = project.project.id;
    const secretary = await actorOf(project.secretaryId);
    const households = await householdsOf(projectId);

    const first16 = await sign(secretary, projectId, households.slice(0, 16), "B");
    expect(first16.every((r) => !r.becameEffective)).toBe(true);
    expect(await projectFacts(projectId)).toMatchObject({ agreementsEffectiveAt: null, events: [] });

    const [seventeenth] = await sign(secretary, projectId, households.slice(16, 17), "B17");
    expect(seventeenth!.becameEffective).toBe(true);
    const effective = await projectFacts(projectId);
    expect(effective.agreementsEffectiveAt).not.toBeNull();
    expect(effective.events).toEqual([
      {
        action: "effective:project",
        actorId: secretary.userId,
        after: {
          agreementsEffectiveAt: effective.agreementsEffectiveAt!.toISOString(),
          signed: 17,
          eligible: 20,
          required: 17,
          signingRate: "85.00",
          signingThreshold: "85.00",
        },
      },
    ]);

    const [eighteenth] = await sign(secretary, projectId, households.slice(17, 18), "B18");
    expect(eighteenth!.becameEffective).toBe(false);
    expect(await projectFacts(projectId)).toEqual(effective);
    expect((await countHouseholdsByProject(db(), [projectId])).get(projectId)).toMatchObject({ signed: 18, eligible: 20 });
  });

  it("takes effect when an exclusion lifts the rate over the threshold", async () => {
    // 100 households at 85%: 84 signed is 84% (85 needed); excluding two unsigned ones leaves
    // 98 eligible, which need ⌈83.3⌉ = 84.
    const project = await seedSigningProject({ households: 100, signingThreshold: 0.85 });
    const projectId = project.project.id;
    const secretary = await actorOf(project.secretaryId);
    const households = await householdsOf(projectId);
    await sign(secretary, projectId, households.slice(0, 84), "X");
    const [a, b] = [households[98]!, households[99]!];
    const first = await excludeHousehold(secretary, { projectId, householdId: a.id, version: a.version, reason: "权属争议诉讼中" });
    expect(first.becameEffective).toBe(false);
    const second = await excludeHousehold(secretary, { projectId, householdId: b.id, version: b.version, reason: "产权人下落不明" });
    expect(second.becameEffective).toBe(true);
    expect((await projectFacts(projectId)).events).toMatchObject([
      { action: "effective:project", after: { signed: 84, eligible: 98, required: 84 } },
    ]);
  });

  it("stays effective after an undone signing or a household counted again: the effect is a legal fact", async () => {
    const project = await seedSigningProject({ households: 20, signingThreshold: 0.85 });
    const projectId = project.project.id;
    const secretary = await actorOf(project.secretaryId);
    const households = await householdsOf(projectId);
    const excluded = households[19]!;
    const out = await excludeHousehold(secretary, { projectId, householdId: excluded.id, version: excluded.version, reason: "单位自管房" });
    const results = await sign(secretary, projectId, households.slice(0, 17), "U");
    expect(results.filter((r) => r.becameEffective)).toHaveLength(1);
    const effective = await projectFacts(projectId);

    const last = results.at(-1)!;
    await undoHouseholdEvent(secretary, {
      projectId,
      householdId: last.householdId,
      version: last.version,
      kind: "SIGNING",
      reason: "重复录入",
    });
    await includeHousehold(secretary, { projectId, householdId: excluded.id, version: out.version });
    expect((await countHouseholdsByProject(db(), [projectId])).get(projectId)).toMatchObject({ signed: 16, eligible: 20 });
    expect(await projectFacts(projectId)).toEqual(effective);
  });
});

describe("settleSigningPeriod", () => {
  /** 20 households whose period ran from 10 days ago to today, with `signed` signings in it. */
  async function endedProject(signed: number) {
    const project = await seedSigningProject({
      households: 20,
      signingThreshold: 0.85,
      schedule: { signingStart: -10, signingEnd: 0 },
      signed,
    });
    return { project, projectId: project.project.id, tomorrow: new Date(Date.now() + DAY_MS) };
  }

  it("fails a project that ends at threshold − 1, once, and then refuses signings", async () => {
    const { project, projectId, tomorrow } = await endedProject(16);
    expect(await settleSigningPeriod(projectId, new Date())).toEqual({ outcome: "OPEN", changed: false });
    expect(await settleSigningPeriod(projectId, tomorrow)).toEqual({ outcome: "FAILED", changed: true });
    expect(await settleSigningPeriod(projectId, tomorrow)).toEqual({ outcome: "FAILED", changed: false });
    const facts = await projectFacts(projectId);
    expect(facts.signingFailedAt).toEqual(tomorrow);
    expect(facts.events).toEqual([
      {
        action: "fail:project",
        actorId: null,
        after: {
          signingFailedAt: tomorrow.toISOString(),
          signingEnd: shanghaiDate(0).toISOString().slice(0, 10),
          signed: 16,
          eligible: 20,
          required: 17,
        },
      },
    ]);

    // Today is still within the period, but the project has failed.
    const [unsigned] = await db().household.findMany({ where: { projectId, signing: null }, take: 1 });
    const secretary = await actorOf(project.secretaryId);
    const refused = await appErrorOf(
      recordSigning(secretary, {
        projectId,
        householdId: unsigned!.id,
        version: unsigned!.version,
        channel: "ON_SITE",
        agreementNumber: "LATE-1",
      }),
    );
    expect(refused.fieldErrors).toEqual({ _form: ["signing.refusals.SIGNING_FAILED"] });
  });

  it("leaves a project effective at the threshold alone", async () => {
    const { projectId, tomorrow } = await endedProject(17);
    const before = await projectFacts(projectId);
    expect(before.agreementsEffectiveAt).not.toBeNull();
    expect(await settleSigningPeriod(projectId, tomorrow)).toEqual({ outcome: "EFFECTIVE", changed: false });
    expect(await projectFacts(projectId)).toEqual(before);
  });

  it("marks a project that reached the threshold without being marked effective at the signing that reached it", async () => {
    const { projectId, tomorrow } = await endedProject(18);
    await setProject(projectId, { effectiveAt: null });
    const seventeenth = await db().signing.findMany({
      where: { projectId },
      orderBy: [{ signedAt: "asc" }, { id: "asc" }],
      skip: 16,
      take: 1,
    });
    expect(await settleSigningPeriod(projectId, tomorrow)).toEqual({ outcome: "EFFECTIVE", changed: true });
    const facts = await projectFacts(projectId);
    expect(facts.agreementsEffectiveAt).toEqual(seventeenth[0]!.signedAt);
    expect(facts.events).toMatchObject([{ action: "effective:project", actorId: null, after: { signed: 18, eligible: 20, required: 17 } }]);
  });

  it("refuses signings once the end date has passed, even before settling", async () => {
    const { project, projectId } = await endedProject(10);
    await setProject(projectId, { signingStart: shanghaiDate(-10), signingEnd: shanghaiDate(-1) });
    const [unsigned] = await db().household.findMany({ where: { projectId, signing: null }, take: 1 });
    const secretary = await actorOf(project.secretaryId);
    const refused = await appErrorOf(
      recordSigning(secretary, {
        projectId,
        householdId: unsigned!.id,
        version: unsigned!.version,
        channel: "ON_SITE",
        agreementNumber: "LATE-2",
      }),
    );
    expect(refused.fieldErrors).toEqual({ _form: ["signing.refusals.SIGNING_CLOSED"] });
  });

  it("settles every due project and only those", async () => {
    const due = await endedProject(5);
    const open = await seedSigningProject({ households: 5 });
    const results = await settleDueSigningPeriods(due.tomorrow);
    expect(results).toContainEqual({ projectId: due.projectId, code: due.project.project.code, outcome: "FAILED", changed: true });
    expect(results.map((r) => r.projectId)).not.toContain(open.project.id);
    expect((await settleDueSigningPeriods(due.tomorrow)).map((r) => r.projectId)).not.toContain(due.projectId);
  });

  it("runs from the scheduler's entry point, scripts/settle-signing-periods.ts", { timeout: 60_000 }, async () => {
    const due = await endedProject(3);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--import", "tsx", "scripts/settle-signing-periods.ts", `--now=${due.tomorrow.toISOString()}`],
      { env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL } },
    );
    expect(stdout).toContain(`settle-signing-periods: ${due.project.project.code} FAILED`);
    expect((await projectFacts(due.projectId)).signingFailedAt).toEqual(due.tomorrow);
  });
});
