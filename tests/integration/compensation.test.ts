// The compensation policy's rules on a real database: a draft saved against its version (stale →
// CONFLICT, concurrent first saves → one), refused whole when invalid, audited with before and
// after; publishing copies the draft to what residents' estimates read; the worked example of
// DOMAIN.md end to end from a household's rows; a resident sees only the published policy.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { calendarDayOf } from "@/lib/domain/calendar-day";
import type { TPolicyLine } from "@/lib/domain/compensation";
import { AppError } from "@/lib/errors";
import { estimateHouseholdCompensation } from "@/lib/server/compensation/estimate-household-compensation";
import { getCompensationPolicy } from "@/lib/server/compensation/get-compensation-policy";
import { publishCompensationPolicy } from "@/lib/server/compensation/publish-compensation-policy";
import { getPublicBoard } from "@/lib/server/notices/get-public-board";
import { saveCompensationDraft } from "@/lib/server/compensation/save-compensation-draft";
import { seedProject, seedUser, type SeededProject } from "../../prisma/seed/factories.ts";

const DAY = 86_400_000;
const dayFromToday = (days: number) => calendarDayOf(new Date(Date.now() + days * DAY), "Asia/Shanghai");

let project: SeededProject;
let secretary: Actor;
let resident: Actor;
let household: { id: string; code: string };

async function errorOf(work: Promise<unknown>): Promise<AppError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** DOMAIN.md's worked example, its signing tiers around today: signed 5 days ago, within tier 1. */
const workedLines = (): TPolicyLine[] => [
  { key: "valuation", label: "评估价格", kind: "VALUATION" },
  { key: "subsidy", label: "价格补贴", kind: "PERCENT_OF", percent: "30", of: ["valuation"] },
  { key: "topUp", label: "套型面积补贴", kind: "AREA_TOP_UP", area: "15", tenures: [] },
  { key: "share", label: "公房承租", kind: "TENURE_SHARE", tenure: "PUBLIC_LEASE", percent: "80", of: ["valuation", "subsidy", "topUp"] },
  { key: "hardship", label: "居住困难保障", kind: "HARDSHIP_TOP_UP", perPersonArea: "22", of: ["valuation", "subsidy", "topUp", "share"] },
  { key: "fixed", label: "补助", kind: "FIXED", amount: "1000", per: "HOUSEHOLD" },
  {
    key: "signing",
    label: "签约奖励",
    kind: "DATE_BONUS",
    event: "SIGNING",
    tiers: [
      { onOrBefore: dayFromToday(2), amount: "150000" },
      { onOrBefore: dayFromToday(22), amount: "100000" },
    ],
  },
  { key: "moveOut", label: "搬迁奖励", kind: "DATE_BONUS", event: "MOVE_OUT", tiers: [{ onOrBefore: dayFromToday(30), amount: "50000" }] },
];

const WORKED_AMOUNTS = ["1860000.00", "558000.00", "930000.00", "-669600.00", "7142400.00", "1000.00", "150000.00", "50000.00"];

async function currentVersion(): Promise<number> {
  return (await getCompensationPolicy(secretary, { projectId: project.project.id })).version;
}

beforeAll(async () => {
  const prisma = db();
  project = await seedProject(prisma, { households: 6, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  secretary = (await loadActor(prisma, project.secretaryId))!;
  // An unsigned household shaped as the worked example: public-housing tenant, 30.00 m², 5 persons, unit price 62,000.
  household = await prisma.household.findFirstOrThrow({
    where: { projectId: project.project.id, signing: null },
    select: { id: true, code: true },
    orderBy: { code: "asc" },
  });
  await prisma.household.update({
    where: { id: household.id },
    data: { tenure: "PUBLIC_LEASE", floorArea: "30.00", registeredPopulation: 5, movedOutAt: null },
  });
  await prisma.determination.deleteMany({ where: { householdId: household.id, kind: "VALUATION" } });
  await prisma.determination.create({
    data: {
      householdId: household.id,
      kind: "VALUATION",
      status: "DISCLOSED",
      amount: "1860000.00",
      details: { unitPrice: 62000, floorArea: 30 },
    },
  });
  const user = await seedUser(prisma, { role: "RESIDENT", householdId: household.id });
  resident = (await loadActor(prisma, user.id))!;
});

describe("the draft", () => {
  it("is saved against its version and audited with the lines before and after; residents still see the published copy", async () => {
    const before = await getCompensationPolicy(secretary, { projectId: project.project.id });
    const publishedBefore = before.published;
    expect(publishedBefore).not.toBeNull();
    const saved = await saveCompensationDraft(secretary, { projectId: project.project.id, version: before.version, lines: workedLines() });
    expect(saved.version).toBe(before.version + 1);

    const after = await getCompensationPolicy(secretary, { projectId: project.project.id });
    expect(after.draft.map((l) => l.key)).toEqual(workedLines().map((l) => l.key));
    expect(after.published).toEqual(publishedBefore);
    expect(after.hasUnpublishedChanges).toBe(true);

    const audit = await db().auditEvent.findFirstOrThrow({
      where: { action: "update:compensation", projectId: project.project.id },
      orderBy: { createdAt: "desc" },
    });
    expect((audit.before as { lines: TPolicyLine[] }).lines.map((l) => l.key)).toEqual(before.draft.map((l) => l.key));
    expect((audit.after as { lines: TPolicyLine[] }).lines).toHaveLength(8);

    const seen = await estimateHouseholdCompensation(resident, {});
    expect(seen.estimate!.lines.map((l) => l.label)).toEqual(publishedBefore!.map((l) => l.label));
  });

  it("saved on a stale version is refused (CONFLICT) and changes nothing", async () => {
    const version = await currentVersion();
    const error = await errorOf(
      saveCompensationDraft(secretary, {
        projectId: project.project.id,
        version: version - 1,
        lines: [{ key: "v", label: "v", kind: "VALUATION" }],
      }),
    );
    expect(error.code).toBe("CONFLICT");
    expect(await currentVersion()).toBe(version);
    expect((await getCompensationPolicy(secretary, { projectId: project.project.id })).draft).toHaveLength(8);
  });

  it("two saves of one version: exactly one wins", async () => {
    const version = await currentVersion();
    const lines = workedLines();
    const results = await Promise.allSettled([
      saveCompensationDraft(secretary, { projectId: project.project.id, version, lines }),
      saveCompensationDraft(secretary, { projectId: project.project.id, version, lines }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as AppError).code).toBe("CONFLICT");
    expect(await currentVersion()).toBe(version + 1);
  });

  it("with a reference to a later line is refused with the field's catalog key, and nothing is saved", async () => {
    const version = await currentVersion();
    const error = await errorOf(
      saveCompensationDraft(secretary, {
        projectId: project.project.id,
        version,
        lines: [
          { key: "p", label: "价格补贴", kind: "PERCENT_OF", percent: "30", of: ["v"] },
          { key: "v", label: "评估价格", kind: "VALUATION" },
        ],
      }),
    );
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ "lines.0.of.0": ["compensation.errors.referenceNotEarlier"] });
    expect(await currentVersion()).toBe(version);
  });

  it("a first save of a project without a policy creates it; a second first save is a CONFLICT", async () => {
    const bare = await seedProject(db(), { households: 2, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
    await db().compensationPolicy.delete({ where: { projectId: bare.project.id } });
    const bareSecretary = (await loadActor(db(), bare.secretaryId))!;
    expect((await getCompensationPolicy(bareSecretary, { projectId: bare.project.id })).version).toBe(0);
    const lines = [{ key: "v", label: "评估价格", kind: "VALUATION" }];
    expect((await saveCompensationDraft(bareSecretary, { projectId: bare.project.id, version: 0, lines })).version).toBe(1);
    expect((await errorOf(saveCompensationDraft(bareSecretary, { projectId: bare.project.id, version: 0, lines }))).code).toBe("CONFLICT");
    // Nothing published yet: the published estimate has no policy to apply.
    const bareHousehold = await db().household.findFirstOrThrow({ where: { projectId: bare.project.id }, select: { code: true } });
    const seen = await estimateHouseholdCompensation(bareSecretary, { projectId: bare.project.id, householdCode: bareHousehold.code });
    expect(seen.estimate).toBeNull();
  });
});

describe("publishing", () => {
  it("makes the draft what residents' estimates read: the worked example of DOMAIN.md to the fen", async () => {
    const version = await currentVersion();
    await publishCompensationPolicy(secretary, { projectId: project.project.id, version });
    const view = await getCompensationPolicy(secretary, { projectId: project.project.id });
    expect(view.hasUnpublishedChanges).toBe(false);
    expect(view.published).toEqual(view.draft);
    expect(await db().auditEvent.count({ where: { action: "publish:compensation", projectId: project.project.id } })).toBe(1);

    // Unsigned and not moved out: both date bonuses are conditional, the best reachable tier counted.
    const unsigned = await estimateHouseholdCompensation(resident, {});
    expect(unsigned.estimate!.lines.map((l) => l.amount)).toEqual(WORKED_AMOUNTS);
    expect(unsigned.estimate!.total).toBe("10021800.00");
    expect(unsigned.estimate!.conditional).toBe("200000.00");
    expect(unsigned.estimate!.lines[6]).toMatchObject({ status: "CONDITIONAL", countedTier: 0 });

    // Signed five days ago (tier 1) and moved out yesterday: the same figures, earned.
    await db().signing.create({
      data: {
        projectId: project.project.id,
        householdId: household.id,
        agreementNumber: `WE-${household.code}`,
        channel: "ON_SITE",
        signedAt: new Date(Date.now() - 5 * DAY),
      },
    });
    await db().household.update({ where: { id: household.id }, data: { movedOutAt: new Date(Date.now() - DAY) } });
    const signed = await estimateHouseholdCompensation(secretary, { projectId: project.project.id, householdCode: household.code });
    expect(signed.estimate!.lines.map((l) => l.amount)).toEqual(WORKED_AMOUNTS);
    expect(signed.estimate!.lines.slice(6).map((l) => l.status)).toEqual(["EARNED", "EARNED"]);
    expect(signed.estimate!.total).toBe("10021800.00");
    expect(signed.estimate!.conditional).toBe("0.00");
    expect(signed.household).toMatchObject({ tenure: "PUBLIC_LEASE", floorArea: "30.00", registeredPersons: 5, unitPrice: "62000.00" });
  });

  it("is published as a POLICY notice too, listing its lines in order, for residents and the public alike", async () => {
    // The seeded project has a scheme notice of its own; the publication's is the one audited as published by the secretary.
    const published = await db().auditEvent.findMany({
      where: { action: "publish:notice", projectId: project.project.id, actorId: secretary.userId },
    });
    const notices = await db().notice.findMany({ where: { id: { in: published.map((a) => a.entityId) }, kind: "POLICY" } });
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice!.title).toContain("征收补偿方案");
    const lines = notice!.body.split("\n");
    expect(lines.slice(1, 1 + workedLines().length)).toEqual(
      workedLines().map((line, i) => expect.stringContaining(`${i + 1}. ${line.label}`)),
    );
    expect(await db().auditEvent.count({ where: { action: "publish:notice", entityId: notice!.id } })).toBe(1);
    const board = await getPublicBoard({ projectCode: project.project.code });
    expect(board.notices.some((n) => n.id === notice!.id)).toBe(true);
  });

  it("a later draft changes the staff's preview, not the resident's estimate, until it is published", async () => {
    const version = await currentVersion();
    const lines = [...workedLines(), { key: "extra", label: "其他补助", kind: "FIXED" as const, amount: "0.01", per: "PERSON" as const }];
    await saveCompensationDraft(secretary, { projectId: project.project.id, version, lines });
    const preview = await estimateHouseholdCompensation(secretary, {
      projectId: project.project.id,
      householdCode: household.code,
      stage: "DRAFT",
    });
    expect(preview.estimate!.total).toBe("10021800.05");
    expect((await estimateHouseholdCompensation(resident, {})).estimate!.total).toBe("10021800.00");
    // A resident asking for the draft gets nothing of it.
    expect((await errorOf(estimateHouseholdCompensation(resident, { stage: "DRAFT" }))).code).toBe("NOT_FOUND");
  });

  it("a stale version is not published; an empty draft is not published; neither publishes a notice", async () => {
    const version = await currentVersion();
    const noticesBefore = await db().notice.count({ where: { projectId: project.project.id } });
    expect((await errorOf(publishCompensationPolicy(secretary, { projectId: project.project.id, version: version - 1 }))).code).toBe(
      "CONFLICT",
    );
    const { version: emptied } = await saveCompensationDraft(secretary, { projectId: project.project.id, version, lines: [] });
    const error = await errorOf(publishCompensationPolicy(secretary, { projectId: project.project.id, version: emptied }));
    expect(error.code).toBe("VALIDATION");
    expect(error.fieldErrors).toEqual({ _form: ["compensation.errors.emptyPolicy"] });
    expect((await estimateHouseholdCompensation(resident, {})).estimate!.lines).toHaveLength(8);
    expect(await db().notice.count({ where: { projectId: project.project.id } })).toBe(noticesBefore);
  });
});

describe("the resident", () => {
  it("asking for another household's estimate gets not found, by code of the same project", async () => {
    const other = await db().household.findFirstOrThrow({
      where: { projectId: project.project.id, id: { not: household.id } },
      select: { code: true },
    });
    const error = await errorOf(estimateHouseholdCompensation(resident, { projectId: project.project.id, householdCode: other.code }));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("sees no valuation that is still a draft determination: the estimate says it is incomplete", async () => {
    await db().determination.updateMany({ where: { householdId: household.id, kind: "VALUATION" }, data: { status: "DRAFT" } });
    try {
      const seen = await estimateHouseholdCompensation(resident, {});
      expect(seen.household.unitPrice).toBeNull();
      expect(seen.estimate!.isComplete).toBe(false);
      expect(seen.estimate!.lines[0]).toMatchObject({ amount: "0.00", status: "NO_UNIT_PRICE" });
      const staff = await estimateHouseholdCompensation(secretary, { projectId: project.project.id, householdCode: household.code });
      expect(staff.household.unitPrice).toBe("62000.00");
    } finally {
      await db().determination.updateMany({ where: { householdId: household.id, kind: "VALUATION" }, data: { status: "DISCLOSED" } });
    }
  });
});
