import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { formatPercent, ratio } from "@/lib/domain/rates";
import { decryptIdNumber, encryptIdNumber, idNumberCheckDigit, isValidIdNumber, maskIdNumber } from "@/lib/security/id-number";
import { createCalendar, todayInShanghai } from "@/prisma/seed/calendar";
import { DEMO_ACCOUNTS } from "@/prisma/seed/demo-accounts";
import { planDemo } from "@/prisma/seed/demo";
import { syntheticIdNumber } from "@/prisma/seed/identity";
import type { Plan } from "@/prisma/seed/plan";
import { planProject } from "@/prisma/seed/project-plan";
import { apportion, createRng } from "@/prisma/seed/random";

const KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";
const ANCHOR = "2025-03-14";

function fingerprint(plan: Plan): string {
  return createHash("sha256").update(JSON.stringify(plan)).digest("hex");
}

describe("seeded PRNG", () => {
  it("repeats the same sequence for the same seed and differs for another", () => {
    const a = createRng("demo");
    const b = createRng("demo");
    const c = createRng("demo2");
    const seqA = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  it("draws integers in the inclusive range and reaches both ends", () => {
    const rng = createRng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i++) {
      const x = rng.int(3, 7);
      expect(x >= 3 && x <= 7 && Number.isInteger(x)).toBe(true);
      seen.add(x);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  it("forks streams that do not depend on what the parent drew", () => {
    const early = createRng("s").fork("visits");
    const parent = createRng("s");
    for (let i = 0; i < 100; i++) parent.next();
    expect(parent.fork("visits").next()).toBe(early.next());
    expect(createRng("s").fork("tasks").next()).not.toBe(createRng("s").fork("visits").next());
  });

  it("makes version-7 UUIDs carrying the given time", () => {
    const rng = createRng("ids");
    const ms = Date.UTC(2025, 2, 14, 1, 2, 3, 456);
    const id = rng.uuid7(ms);
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(parseInt(id.replace(/-/g, "").slice(0, 12), 16)).toBe(ms);
    expect(rng.uuid7(ms)).not.toBe(id);
  });

  it("apportions a total exactly, in proportion to the weights", () => {
    expect(apportion(636, [5, 3, 2])).toEqual([318, 191, 127]);
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
    const parts = apportion(1234, [0.9, 0.5, 0.33, 0.2, 0.12]);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(1234);
  });
});

describe("anchor calendar (Asia/Shanghai)", () => {
  it("derives dates and instants from the anchor day", () => {
    const cal = createCalendar(ANCHOR);
    expect(cal.date(-21).toISOString()).toBe("2025-02-21T00:00:00.000Z");
    // 09:30 in Shanghai is 01:30 UTC.
    expect(cal.at(0, 9.5).toISOString()).toBe("2025-03-14T01:30:00.000Z");
    expect(cal.offsetOf(cal.at(-2, 23.9))).toBe(-2);
    expect(cal.offsetOf(cal.at(-2, 0))).toBe(-2);
    expect(cal.zh(35)).toBe("4月18日");
  });

  it("knows that 16:30 UTC is already tomorrow in Shanghai", () => {
    expect(todayInShanghai(new Date("2025-03-13T16:30:00Z"))).toBe("2025-03-14");
    expect(todayInShanghai(new Date("2025-03-13T15:59:00Z"))).toBe("2025-03-13");
  });

  it("rejects anchors that are not dates", () => {
    expect(() => createCalendar("2025-02-30")).toThrow(/not a real date/);
    expect(() => createCalendar("14/03/2025")).toThrow(/YYYY|2025-03-14/);
  });
});

describe("ID numbers (GB 11643)", () => {
  it("computes the check character of the standard's example", () => {
    expect(idNumberCheckDigit("11010519491231002")).toBe("X");
    expect(isValidIdNumber("11010519491231002X")).toBe(true);
    expect(isValidIdNumber("110105194912310021")).toBe(false);
    expect(isValidIdNumber("110105194902300029")).toBe(false); // 30 February
  });

  it("generates valid numbers with the region, birth year and sex asked for", () => {
    const rng = createRng("ids");
    for (let i = 0; i < 500; i++) {
      const sex = i % 2 ? "M" : "F";
      const id = syntheticIdNumber(rng, "310101", 1950 + (i % 60), sex);
      expect(isValidIdNumber(id)).toBe(true);
      expect(id.slice(0, 6)).toBe("310101");
      expect(Number(id.slice(6, 10))).toBe(1950 + (i % 60));
      expect(Number(id[16]) % 2).toBe(sex === "M" ? 1 : 0);
    }
  });

  it("masks all but the region and the last four characters", () => {
    expect(maskIdNumber("310101199001011234")).toBe("310***********1234");
    expect(maskIdNumber("11010519491231002x")).toBe("110***********002X");
  });

  it("encrypts with AES-256-GCM: fresh IV every time, round trip, tampering detected", () => {
    const id = "11010519491231002X";
    const a = encryptIdNumber(id, KEY);
    const b = encryptIdNumber(id, KEY);
    expect(a).not.toBe(b);
    expect(a.split(".")).toHaveLength(3);
    expect(a).not.toContain(id);
    expect(decryptIdNumber(a, KEY)).toBe(id);
    const [iv, tag, data] = a.split(".") as [string, string, string];
    const flipped = Buffer.from(data, "base64");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptIdNumber([iv, tag, flipped.toString("base64")].join("."), KEY)).toThrow();
    expect(() => decryptIdNumber(a, "1".repeat(64))).toThrow();
  });

  it("refuses a missing or malformed key with a clear message", () => {
    const saved = process.env.LIANXIN_DATA_KEY;
    try {
      delete process.env.LIANXIN_DATA_KEY;
      expect(() => encryptIdNumber("11010519491231002X")).toThrow(/LIANXIN_DATA_KEY is not set/);
      process.env.LIANXIN_DATA_KEY = "abc";
      expect(() => encryptIdNumber("11010519491231002X")).toThrow(/LIANXIN_DATA_KEY is invalid/);
      process.env.LIANXIN_DATA_KEY = KEY;
      expect(decryptIdNumber(encryptIdNumber("11010519491231002X"))).toBe("11010519491231002X");
    } finally {
      if (saved === undefined) delete process.env.LIANXIN_DATA_KEY;
      else process.env.LIANXIN_DATA_KEY = saved;
    }
  });
});

describe("planProject (pure generation)", () => {
  const options = {
    seed: 7,
    anchor: ANCHOR,
    code: "T-PLAN",
    households: 300,
    excludedHouseholds: 4,
    partyMemberHouseholds: 25,
    signingGroups: 3,
    specialGroups: ["POLICY_CONSULTATION", "PEOPLES_MEDIATION"] as const,
    signed: 180,
    firstDaySigned: 90,
    schedule: { signingStart: -10 },
    accounts: { residents: [{ householdCode: "PLAN-0001", accessCode: "123456", keepUnsigned: true }] },
  };

  it("produces identical rows for the same seed and anchor", () => {
    const a = planProject({ ...options, specialGroups: [...options.specialGroups] });
    const b = planProject({ ...options, specialGroups: [...options.specialGroups] });
    expect(fingerprint(a.plan)).toBe(fingerprint(b.plan));
    expect(a.plan.households[17]).toEqual(b.plan.households[17]);
  });

  it("produces different rows for another seed", () => {
    const a = planProject({ ...options, specialGroups: [...options.specialGroups] });
    const c = planProject({ ...options, specialGroups: [...options.specialGroups], seed: 8 });
    expect(fingerprint(c.plan)).not.toBe(fingerprint(a.plan));
    expect(c.plan.households.map((h) => h.headName)).not.toEqual(a.plan.households.map((h) => h.headName));
  });

  it("moves every date with the anchor and changes nothing else", () => {
    const a = planProject({ ...options, specialGroups: [...options.specialGroups] });
    const next = planProject({ ...options, specialGroups: [...options.specialGroups], anchor: "2025-03-15" });
    const day = 24 * 3600_000;
    expect(next.plan.households.map((h) => h.headName)).toEqual(a.plan.households.map((h) => h.headName));
    expect(next.plan.signings.map((s) => (s.signedAt as Date).getTime() - day)).toEqual(
      a.plan.signings.map((s) => (s.signedAt as Date).getTime()),
    );
    expect((next.project.signingStart as Date).getTime() - day).toBe((a.project.signingStart as Date).getTime());
  });

  it("hits the designed counts exactly", () => {
    const { plan, figures, project } = planProject({ ...options, specialGroups: [...options.specialGroups] });
    expect(plan.households).toHaveLength(300);
    expect(plan.households.filter((h) => h.isExcluded)).toHaveLength(4);
    expect(figures.eligible).toBe(296);
    expect(plan.households.filter((h) => h.isPartyMemberHousehold)).toHaveLength(25);
    expect(plan.households.filter((h) => h.isPartyMemberHousehold && h.isExcluded)).toHaveLength(0);
    expect(plan.signings).toHaveLength(180);
    const cal = createCalendar(ANCHOR);
    const firstDay = plan.signings.filter((s) => cal.offsetOf(s.signedAt as Date) === -10);
    expect(firstDay).toHaveLength(90);
    expect(figures.dailySigned.reduce((a, d) => a + d.count, 0)).toBe(180);
    expect(project.phase).toBe("SIGNING");
  });

  it("keeps history consistent: signings inside the signing period before the anchor, one per eligible household", () => {
    const { plan } = planProject({ ...options, specialGroups: [...options.specialGroups] });
    const cal = createCalendar(ANCHOR);
    const byId = new Map(plan.households.map((h) => [h.id, h]));
    const signedIds = new Set(plan.signings.map((s) => s.householdId));
    expect(signedIds.size).toBe(plan.signings.length);
    expect(new Set(plan.signings.map((s) => s.agreementNumber)).size).toBe(plan.signings.length);
    for (const s of plan.signings) {
      const day = cal.offsetOf(s.signedAt as Date);
      expect(day >= -10 && day <= -1).toBe(true);
      expect(byId.get(s.householdId)!.isExcluded).toBe(false);
    }
    const resident = plan.households.find((h) => h.code === "PLAN-0001")!;
    expect(signedIds.has(resident.id)).toBe(false);
    expect(plan.users.find((u) => u.householdId === resident.id)).toMatchObject({ role: "RESIDENT", phone: null, password: "123456" });
    for (const v of plan.visitLogs) {
      const signing = plan.signings.find((s) => s.householdId === v.householdId);
      if (signing) expect((v.visitedAt as Date) < (signing.signedAt as Date)).toBe(true);
      expect((v.visitedAt as Date) < cal.at(0, 0)).toBe(true);
    }
  });

  it("gives every member a valid synthetic ID number", () => {
    const { plan } = planProject({ ...options, specialGroups: [...options.specialGroups] });
    expect(plan.householdMembers.length).toBeGreaterThan(300);
    for (const m of plan.householdMembers) expect(isValidIdNumber(m.idNumber!)).toBe(true);
    const heads = plan.householdMembers.filter((m) => m.relation === "户主");
    expect(heads).toHaveLength(300);
  });

  it("leaves visit logs out when asked for none, and keeps projects before signing unsigned", () => {
    const quiet = planProject({ anchor: ANCHOR, code: "T-Q", households: 20, activity: { visitsPerHousehold: 0 } });
    expect(quiet.plan.visitLogs).toHaveLength(0);
    const early = planProject({ anchor: ANCHOR, code: "T-E", households: 20, schedule: { signingStart: 20 } });
    expect(early.plan.signings).toHaveLength(0);
    expect(early.project.phase).toBe("FIRST_CONSULTATION");
  });

  it("refuses impossible designs", () => {
    expect(() => planProject({ anchor: ANCHOR, code: "T-X", households: 10, signed: 11 })).toThrow(/only 10 households can sign/);
    expect(() => planProject({ anchor: ANCHOR, code: "T-Y", households: 10, signed: 5, schedule: { signingStart: 3 } })).toThrow(
      /has not started/,
    );
  });
});

describe("the demo plan", () => {
  const demo = planDemo({ anchor: ANCHOR });
  const { hp, qsh, hq } = demo.projects;
  const cal = createCalendar(ANCHOR);

  it("is the same every time for the same anchor", () => {
    expect(fingerprint(planDemo({ anchor: ANCHOR }).plan)).toBe(fingerprint(demo.plan));
  });

  it("HP-BXL: 2,119 certificates, 205 Party-member households, signing under way", () => {
    expect(hp.figures).toMatchObject({
      households: 2119,
      eligible: 2119,
      partyMemberHouseholds: 205,
      signed: 1484,
      firstDaySigned: 848,
      agree: 2071,
    });
    expect(hp.project).toMatchObject({
      kind: "OLD_DISTRICT",
      countingUnit: "CERTIFICATE",
      phase: "SIGNING",
      isPublished: true,
      agreementsEffectiveAt: null,
    });
    expect(hp.project.signingStart).toEqual(cal.date(-21));
    expect(hp.project.signingEnd).toEqual(cal.date(35));
    expect(formatPercent(ratio(1484, 2119))).toBe("70.03");
    expect(formatPercent(ratio(2071, 2119))).toBe("97.73");
    expect(hp.specialGroups.map((g) => g.specialty)).toEqual([
      "POLICY_CONSULTATION",
      "PETITION_MEDIATION",
      "RESIDENT_PROBLEMS",
      "PEOPLES_MEDIATION",
      "PAIRING_ASSISTANCE",
      "PUBLICITY",
    ]);
  });

  it("LH-QSH: 1,392 of 1,464 eligible dwellings signed on launch day, two days before the anchor (95.08%)", () => {
    expect(qsh.figures).toMatchObject({ households: 1470, eligible: 1464, firstDaySigned: 1392, signed: 1421 });
    expect(formatPercent(ratio(1392, 1464))).toBe("95.08");
    expect(qsh.project.signingStart).toEqual(cal.date(-2));
    expect(qsh.figures.effectiveAt).not.toBeNull();
    expect(cal.offsetOf(qsh.figures.effectiveAt!)).toBe(-2);
    expect(qsh.signingGroups).toHaveLength(11);
    expect(qsh.signingGroups.every((g) => g.partyGroupId)).toBe(true);
  });

  it("PD-HQ: all households signed, moved out and handed over", () => {
    expect(hq.figures).toMatchObject({ households: 312, eligible: 312, signed: 312, movedOut: 312, handedOver: 312, phase: "CLEARED" });
  });

  it("names the demo accounts", () => {
    const phones = new Set(demo.plan.users.map((u) => u.phone));
    for (const key of ["districtOfficial", "secretary", "groupLeader", "member"] as const) {
      expect(phones.has(DEMO_ACCOUNTS[key].phone)).toBe(true);
    }
    const staffPhones = demo.plan.users.filter((u) => u.role !== "RESIDENT").map((u) => u.phone!);
    expect(new Set(staffPhones).size).toBe(staffPhones.length);
    expect(staffPhones.filter((p) => !p.startsWith("1380000000")).every((p) => /^139\d{8}$/.test(p))).toBe(true);
  });
});
