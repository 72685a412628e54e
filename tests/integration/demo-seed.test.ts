// The demo, seeded into this file's own database, checked with plain SQL: the headline figures
// the demo is designed to show, the demo accounts and their scopes, and that ID numbers are
// stored only encrypted and masked.
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor } from "@/lib/auth/actor";
import { verifyPassword } from "@/lib/auth/password";
import { formatPercent, ratio } from "@/lib/domain/rates";
import { getDailyReport } from "@/lib/server/reports/get-daily-report";
import { decryptIdNumber, isValidIdNumber, maskIdNumber } from "@/lib/security/id-number";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo-accounts";
import { seedDemo, type DemoSummary } from "@/prisma/seed/demo";
import { seedProject, seedUser } from "@/prisma/seed/factories";
import { testDb } from "../support/test-db.ts";

// A fixed test key, unless the run provides one.
process.env.LIANXIN_DATA_KEY ??= "3c1d5e7f9a0b2c4d6e8f0a1b3c5d7e9f1a2b4c6d8e0f1a3b5c7d9e0f2a4b6c8d";

const ANCHOR = "2025-03-14";
let summary: DemoSummary;

type Figures = { households: number; eligible: number; party: number; agree: number; signed: number; first_day: number; moved_out: number };

async function figures(code: string): Promise<Figures> {
  const rows = await testDb().$queryRaw<Record<keyof Figures, bigint>[]>`
    SELECT count(*)                                                           AS households,
           count(*) FILTER (WHERE NOT h."isExcluded")                         AS eligible,
           count(*) FILTER (WHERE h."isPartyMemberHousehold")                 AS party,
           count(*) FILTER (WHERE h."firstRoundVote" = 'AGREE' AND NOT h."isExcluded") AS agree,
           count(s.id) FILTER (WHERE NOT h."isExcluded")                      AS signed,
           count(s.id) FILTER (WHERE NOT h."isExcluded"
             AND (s."signedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Asia/Shanghai')::date = p."signingStart") AS first_day,
           count(*) FILTER (WHERE h."movedOutAt" IS NOT NULL AND NOT h."isExcluded") AS moved_out
      FROM "Household" h
      JOIN "Project" p ON p.id = h."projectId"
      LEFT JOIN "Signing" s ON s."householdId" = h.id
     WHERE p.code = ${code}`;
  return Object.fromEntries(Object.entries(rows[0]!).map(([k, v]) => [k, Number(v)])) as Figures;
}

beforeAll(async () => {
  const started = performance.now();
  summary = await seedDemo(testDb(), { anchor: ANCHOR });
  // Timing is reported, not asserted (benchmarks measure it).
  console.log(
    `[demo-seed] seeded in ${Math.round(performance.now() - started)} ms: ${summary.rows.households} households, ${summary.rows.householdMembers} members, ${summary.rows.visitLogs} visit logs`,
  );
}, 180_000);

describe("demo seed", () => {
  it("HP-BXL: 2,119 certificate-households, 205 Party-member households, 70.03% signed, first round 97.73%", async () => {
    const f = await figures("HP-BXL");
    expect(f).toMatchObject({ households: 2119, eligible: 2119, party: 205, agree: 2071, signed: 1484, first_day: 848, moved_out: 0 });
    expect(formatPercent(ratio(f.signed, f.eligible))).toBe("70.03");
    expect(f.agree / f.eligible).toBeGreaterThan(0.9);
    const [project] = await testDb().$queryRaw<
      { phase: string; kind: string; countingUnit: string; published: boolean; start: number; end: number; effective: Date | null }[]
    >`
      SELECT phase::text, kind::text, "countingUnit"::text AS "countingUnit", "isPublished" AS published,
             ("signingStart" - ${ANCHOR}::date) AS start, ("signingEnd" - ${ANCHOR}::date) AS end,
             "agreementsEffectiveAt" AS effective
        FROM "Project" WHERE code = 'HP-BXL'`;
    expect(project).toEqual({
      phase: "SIGNING",
      kind: "OLD_DISTRICT",
      countingUnit: "CERTIFICATE",
      published: true,
      start: -21,
      end: 35,
      effective: null,
    });
    const specialties = await testDb().$queryRaw<{ specialty: string }[]>`
      SELECT g.specialty::text FROM "WorkingGroup" g JOIN "Project" p ON p.id = g."projectId"
       WHERE p.code = 'HP-BXL' AND g.kind = 'SPECIAL' ORDER BY g.specialty`;
    expect(specialties.map((s) => s.specialty).sort()).toEqual([
      "PAIRING_ASSISTANCE",
      "PEOPLES_MEDIATION",
      "PETITION_MEDIATION",
      "POLICY_CONSULTATION",
      "PUBLICITY",
      "RESIDENT_PROBLEMS",
    ]);
  });

  it("LH-QSH: launch day two days before the anchor, 1,392 of 1,464 eligible signed = 95.08%, agreements effective", async () => {
    const f = await figures("LH-QSH");
    expect(f).toMatchObject({ households: 1470, eligible: 1464, first_day: 1392, signed: 1421 });
    expect(formatPercent(ratio(f.first_day, f.eligible))).toBe("95.08");
    const [project] = await testDb().$queryRaw<{ start: number; effective: Date | null; groups: bigint }[]>`
      SELECT ("signingStart" - ${ANCHOR}::date) AS start, "agreementsEffectiveAt" AS effective,
             (SELECT count(*) FROM "WorkingGroup" g WHERE g."projectId" = p.id AND g.kind = 'SIGNING') AS groups
        FROM "Project" p WHERE code = 'LH-QSH'`;
    expect(project!.start).toBe(-2);
    expect(project!.effective).not.toBeNull();
    expect(Number(project!.groups)).toBe(11);
    // Owners away from Shenzhen signed by home visit, remote video or notarised proxy.
    const channels = await testDb().$queryRaw<{ channel: string; n: bigint }[]>`
      SELECT s.channel::text, count(*) AS n FROM "Signing" s
        JOIN "Household" h ON h.id = s."householdId" JOIN "Project" p ON p.id = s."projectId"
       WHERE p.code = 'LH-QSH' AND h."ownerLocation" <> 'LOCAL' GROUP BY s.channel`;
    expect(channels.map((c) => c.channel).sort()).toEqual(["HOME_VISIT", "NOTARIZED_PROXY", "REMOTE_VIDEO"]);
  });

  it("PD-HQ: every household signed and moved out, project cleared", async () => {
    const f = await figures("PD-HQ");
    expect(f).toMatchObject({ households: 312, eligible: 312, signed: 312, moved_out: 312 });
    const [project] = await testDb().$queryRaw<{ phase: string }[]>`SELECT phase::text FROM "Project" WHERE code = 'PD-HQ'`;
    expect(project!.phase).toBe("CLEARED");
  });

  it("every agreement number is unique", async () => {
    const [row] = await testDb().$queryRaw<{ total: bigint; distinct: bigint }[]>`
      SELECT count(*) AS total, count(DISTINCT "agreementNumber") AS distinct FROM "Signing"`;
    expect(Number(row!.total)).toBe(1484 + 1421 + 312);
    expect(row!.distinct).toBe(row!.total);
  });

  it("has the demo accounts with their roles and scopes", async () => {
    const db = testDb();
    const official = await db.user.findUniqueOrThrow({ where: { phone: DEMO_ACCOUNTS.districtOfficial.phone } });
    expect(official).toMatchObject({ role: "DISTRICT_OFFICIAL", name: "王建国" });
    expect(await verifyPassword(DEMO_ACCOUNTS.districtOfficial.password, official.passwordHash)).toBe(true);

    const secretary = await db.user.findUniqueOrThrow({
      where: { phone: DEMO_ACCOUNTS.secretary.phone },
      include: { projectMemberships: { include: { project: true } }, securedBranches: { include: { project: true } } },
    });
    expect(secretary).toMatchObject({ role: "STAFF", name: "李红梅", isPartyMember: true });
    expect(secretary.projectMemberships.map((m) => [m.project.code, m.role])).toEqual([["HP-BXL", "SECRETARY"]]);
    expect(secretary.securedBranches.map((b) => b.project.code)).toEqual(["HP-BXL"]);

    const leader = await db.user.findUniqueOrThrow({
      where: { phone: DEMO_ACCOUNTS.groupLeader.phone },
      include: { groupMemberships: { include: { group: { include: { project: true } } } } },
    });
    expect(leader.name).toBe("张志强");
    expect(leader.groupMemberships.map((m) => [m.group.project.code, m.group.name, m.role])).toEqual([["HP-BXL", "签约一组", "LEADER"]]);

    const member = await db.user.findUniqueOrThrow({
      where: { phone: DEMO_ACCOUNTS.member.phone },
      include: { groupMemberships: true, assignedTasks: { where: { status: { in: ["OPEN", "IN_PROGRESS"] } } } },
    });
    expect(member).toMatchObject({ name: "陈晓燕", isPartyMember: true });
    expect(member.groupMemberships.map((m) => [m.groupId, m.role])).toEqual([[leader.groupMemberships[0]!.groupId, "MEMBER"]]);
    expect(member.assignedTasks.length).toBeGreaterThan(0);

    const specialLeader = await db.user.findUniqueOrThrow({
      where: { phone: DEMO_ACCOUNTS.specialGroupLeader.phone },
      include: { groupMemberships: { include: { group: { include: { project: true } } } } },
    });
    expect(specialLeader).toMatchObject({ role: "STAFF", name: "周文华" });
    expect(await verifyPassword(DEMO_ACCOUNTS.specialGroupLeader.password, specialLeader.passwordHash)).toBe(true);
    expect(
      specialLeader.groupMemberships.map((m) => [m.group.project.code, m.group.kind, m.group.specialty, m.group.name, m.role]),
    ).toEqual([["HP-BXL", "SPECIAL", "POLICY_CONSULTATION", "政策咨询解答小组", "LEADER"]]);

    const household = await db.household.findFirstOrThrow({
      where: { code: DEMO_ACCOUNTS.resident.householdCode, project: { code: "HP-BXL" } },
      include: { signing: true, residents: true },
    });
    expect(household.signing).toBeNull();
    expect(household.residents).toHaveLength(1);
    const resident = household.residents[0]!;
    expect(resident).toMatchObject({ role: "RESIDENT", phone: null, householdId: household.id });
    expect(await verifyPassword(DEMO_ACCOUNTS.resident.accessCode, resident.passwordHash)).toBe(true);

    // Everyone else on the staff signs in with a 139… number.
    const [others] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "User"
       WHERE role <> 'RESIDENT' AND phone NOT IN ('13800000001', '13800000002', '13800000003', '13800000004', '13800000005')
         AND phone !~ '^139[0-9]{8}$'`;
    expect(Number(others!.n)).toBe(0);
  });

  it("field work tells a story: overdue tasks, a hardship household long unvisited, open and escalated demands", async () => {
    for (const code of ["HP-BXL", "LH-QSH"]) {
      const [row] = await testDb().$queryRaw<{ overdue: number; unvisited: number; open: number; escalated: number }[]>`
        SELECT
          (SELECT count(*)::int FROM "Task" t WHERE t."projectId" = p.id AND t.status IN ('OPEN', 'IN_PROGRESS') AND t."dueDate" < ${ANCHOR}::date) AS overdue,
          (SELECT count(*)::int FROM "Household" h WHERE h."projectId" = p.id AND NOT h."isExcluded"
             AND (h."isHardship" OR h."isElderlySickDisabled" OR h."hasFamilyDispute")
             AND NOT EXISTS (SELECT 1 FROM "VisitLog" v WHERE v."householdId" = h.id
                              AND ((v."visitedAt" AT TIME ZONE 'UTC') AT TIME ZONE 'Asia/Shanghai')::date >= ${ANCHOR}::date - p."coverageHardshipDays")) AS unvisited,
          (SELECT count(*)::int FROM "Demand" d WHERE d."projectId" = p.id AND d.status IN ('OPEN', 'IN_PROGRESS')) AS open,
          (SELECT count(*)::int FROM "Demand" d WHERE d."projectId" = p.id AND d.status = 'ESCALATED' AND d."escalatedConferenceId" IS NOT NULL) AS escalated
        FROM "Project" p WHERE p.code = ${code}`;
      expect(row!.overdue, code).toBeGreaterThan(0);
      expect(row!.unvisited, code).toBeGreaterThan(0);
      expect(row!.open, code).toBeGreaterThan(0);
      expect(row!.escalated, code).toBeGreaterThan(0);
    }
    // The demo member's tasks: some overdue, some due today.
    const [mine] = await testDb().$queryRaw<{ overdue: number; today: number }[]>`
      SELECT count(*) FILTER (WHERE t."dueDate" < ${ANCHOR}::date)::int AS overdue, count(*) FILTER (WHERE t."dueDate" = ${ANCHOR}::date)::int AS today
        FROM "Task" t JOIN "User" u ON u.id = t."assigneeId"
       WHERE u.phone = ${DEMO_ACCOUNTS.member.phone} AND t.status IN ('OPEN', 'IN_PROGRESS')`;
    expect(mine!.overdue).toBeGreaterThan(0);
    expect(mine!.today).toBeGreaterThan(0);
  });

  it("daily reports: yesterday's from most signing groups but not all, none yet today, each agreeing with the draft of its day", async () => {
    const yesterday = "2025-03-13";
    const [hp] = await testDb().$queryRaw<{ groups: number; yesterday: number; today: number }[]>`
      SELECT (SELECT count(*)::int FROM "WorkingGroup" g WHERE g."projectId" = p.id AND g.kind = 'SIGNING') AS groups,
             (SELECT count(*)::int FROM "DailyReport" r WHERE r."projectId" = p.id AND r."reportDate" = ${yesterday}::date AND r.status = 'SUBMITTED') AS yesterday,
             (SELECT count(*)::int FROM "DailyReport" r WHERE r."projectId" = p.id AND r."reportDate" = ${ANCHOR}::date) AS today
        FROM "Project" p WHERE p.code = 'HP-BXL'`;
    expect(hp!.yesterday).toBeGreaterThan(hp!.groups / 2);
    expect(hp!.yesterday).toBeLessThan(hp!.groups);
    expect(hp!.today).toBe(0);

    const leader = await loadActor(
      testDb(),
      (await testDb().user.findUniqueOrThrow({ where: { phone: DEMO_ACCOUNTS.groupLeader.phone } })).id,
    );
    const project = await testDb().project.findUniqueOrThrow({ where: { code: "HP-BXL" } });
    for (const day of ["2025-03-10", yesterday]) {
      const view = await getDailyReport(leader!, { projectId: project.id, day });
      expect(view.group!.name).toBe("签约一组");
      expect(view.group!.submitted).toHaveLength(1);
      expect(view.group!.submitted[0]!.figures).toEqual(view.group!.draft);
    }
    const busy = await getDailyReport(leader!, { projectId: project.id, day: "2025-02-21" });
    expect(busy.group!.submitted[0]!.figures.signedCount).toBeGreaterThan(0);
    expect(busy.group!.submitted[0]!.figures).toEqual(busy.group!.draft);
  });

  it("stores ID numbers only encrypted, with a mask that matches", async () => {
    const members = await testDb().householdMember.findMany({ select: { idNumberCipher: true, idNumberMasked: true } });
    expect(members.length).toBe(summary.rows.householdMembers);
    for (const m of members) {
      expect(m.idNumberCipher).not.toMatch(/\d{17}[\dX]/);
      const clear = decryptIdNumber(m.idNumberCipher!);
      expect(isValidIdNumber(clear)).toBe(true);
      expect(maskIdNumber(clear)).toBe(m.idNumberMasked);
    }
  });

  it("records no audit events for seeded history", async () => {
    expect(await testDb().auditEvent.count()).toBe(0);
  });

  it("seeds further projects and users next to the demo without collisions (factories)", async () => {
    const a = await seedProject(testDb(), { households: 40, signedShare: 0.5, anchor: ANCHOR });
    const b = await seedProject(testDb(), { households: 40, signingGroups: 3, specialGroups: ["POLICY_CONSULTATION"], anchor: ANCHOR });
    expect(a.project.code).not.toBe(b.project.code);
    expect(await testDb().household.count({ where: { projectId: a.project.id } })).toBe(40);
    expect(await testDb().signing.count({ where: { projectId: a.project.id } })).toBe(20);
    const user = await seedUser(testDb(), { role: "STAFF", name: "测试组员" });
    expect(user.phone).toMatch(/^137\d{8}$/);
    expect(await verifyPassword(user.password!, user.passwordHash)).toBe(true);
  });
});
