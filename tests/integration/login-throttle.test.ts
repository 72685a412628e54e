// Sign-in throttling against the attacks that beat the old per-identifier lock: parallel guesses
// racing the counter, one address spraying many phones, and an attacker locking the owner out.
// Every attempt goes through the real use cases on this file's own database.
import { beforeAll, describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { maskPhone } from "@/lib/security/phone";
import { parseTrustedProxies } from "@/lib/security/client-address";
import { authenticateResident } from "@/lib/server/auth/authenticate-resident";
import { authenticateStaff } from "@/lib/server/auth/authenticate-staff";
import { THROTTLE_RULES, lockSecondsAfter, throttleKeys } from "@/lib/server/auth/login-throttle";
import { CLIENT_ADDRESS_HEADER } from "@/lib/security/client-address";
import { requestOriginOf } from "@/lib/server/client-address";
import { seedProject, seedUser } from "../../prisma/seed/factories.ts";

const from = (address: string) => ({ address, userAgent: "vitest" });

/** The outcome of one attempt: signed in, wrong (null) or refused unchecked (RATE_LIMITED). */
async function outcome(attempt: Promise<unknown>): Promise<"signed-in" | "wrong" | "refused"> {
  try {
    return (await attempt) ? "signed-in" : "wrong";
  } catch (error) {
    if (error instanceof AppError && error.code === "RATE_LIMITED") return "refused";
    throw error;
  }
}

/** Password checks that failed, as the audit log counts them: one event per checked failure. */
async function checkedFailures(shownIdentifier: string) {
  return db().auditEvent.findMany({ where: { action: "fail:sign-in", entityId: shownIdentifier }, orderBy: { id: "asc" } });
}

let nextPhone = 13600000000;
async function staff(password = "the right one 1") {
  const user = await seedUser(db(), { role: "STAFF", phone: String(++nextPhone), password });
  return { phone: user.phone!, password, id: user.id };
}

describe("one phone, 30 wrong passwords at once", () => {
  it("checks no more than the pair's free attempts; the rest are refused unchecked", async () => {
    const owner = await staff();
    const attacker = from("203.0.113.10");
    const results = await Promise.all(
      Array.from({ length: 30 }, (_, i) => outcome(authenticateStaff({ phone: owner.phone, password: `guess ${i}` }, attacker))),
    );
    expect(results.filter((r) => r === "wrong")).toHaveLength(THROTTLE_RULES.pair.free);
    expect(results.filter((r) => r === "refused")).toHaveLength(30 - THROTTLE_RULES.pair.free);

    const failures = await checkedFailures(maskPhone(owner.phone));
    expect(failures).toHaveLength(THROTTLE_RULES.pair.free);
    expect(failures.every((event) => event.ip === "203.0.113.10" && event.actorId === null)).toBe(true);
    expect(failures[0]!.after).toEqual({ method: "staff", identifier: maskPhone(owner.phone) });
    const locks = await db().auditEvent.findMany({ where: { action: "lock:sign-in", entityId: maskPhone(owner.phone) } });
    expect(locks.map((event) => event.after)).toEqual([
      { method: "staff", identifier: maskPhone(owner.phone), scope: "pair", seconds: lockSecondsAfter("pair", THROTTLE_RULES.pair.free) },
    ]);
    const pair = await db().loginThrottle.findUnique({
      where: { key: throttleKeys({ method: "staff", identifier: owner.phone, origin: attacker }).pair },
    });
    expect(pair?.failures).toBe(THROTTLE_RULES.pair.free);
  });

  it("still lets the owner in from another address while the attacker is locked out", async () => {
    const owner = await staff();
    const attacker = from("203.0.113.11");
    for (let i = 0; i < 8; i++) await outcome(authenticateStaff({ phone: owner.phone, password: `guess ${i}` }, attacker));
    expect(await outcome(authenticateStaff({ phone: owner.phone, password: owner.password }, attacker))).toBe("refused");

    expect(await authenticateStaff({ phone: owner.phone, password: owner.password }, from("198.51.100.20"))).toMatchObject({
      userId: owner.id,
    });
    // The attacker's lock stands: the owner's success elsewhere does not lift it.
    expect(await outcome(authenticateStaff({ phone: owner.phone, password: "guess again" }, attacker))).toBe("refused");
  });

  it("tells the locked-out how many minutes to wait, the same for an account that does not exist", async () => {
    const attacker = from("203.0.113.12");
    const owner = await staff();
    const unknownPhone = "13599999999";
    for (const phone of [owner.phone, unknownPhone]) {
      for (let i = 0; i < THROTTLE_RULES.pair.free; i++) await authenticateStaff({ phone, password: `guess ${i}` }, attacker);
      const refused = await authenticateStaff({ phone, password: "guess" }, attacker).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(AppError);
      expect((refused as AppError).message).toBe("RATE_LIMITED: 1");
    }
  });
});

describe("one address, many phones", () => {
  it("tries no more than the address's bar of distinct phones, then refuses the rest unchecked", async () => {
    const sprayer = from("203.0.113.20");
    const phones = await Promise.all(Array.from({ length: 12 }, () => staff()));
    const results: string[] = [];
    for (const account of phones) results.push(await outcome(authenticateStaff({ phone: account.phone, password: "123456" }, sprayer)));
    expect(results).toEqual([
      ...Array(THROTTLE_RULES.address.free).fill("wrong"),
      ...Array(12 - THROTTLE_RULES.address.free).fill("refused"),
    ]);
    for (const account of phones.slice(THROTTLE_RULES.address.free)) expect(await checkedFailures(maskPhone(account.phone))).toEqual([]);

    const lock = await db().auditEvent.findFirst({ where: { action: "lock:sign-in", ip: "203.0.113.20" } });
    expect(lock?.after).toMatchObject({ scope: "address", seconds: lockSecondsAfter("address", THROTTLE_RULES.address.free) });
    // Another address is not affected, for the same phones.
    const last = phones.at(-1)!;
    expect(await authenticateStaff({ phone: last.phone, password: last.password }, from("198.51.100.21"))).toMatchObject({
      userId: last.id,
    });
  });

  it("counts household codes and phones from one address together", async () => {
    const sprayer = from("203.0.113.21");
    for (let i = 0; i < THROTTLE_RULES.address.free; i++) {
      expect(await outcome(authenticateResident({ householdCode: `NOPE-${i}`, accessCode: "123456" }, sprayer))).toBe("wrong");
    }
    const account = await staff();
    expect(await outcome(authenticateStaff({ phone: account.phone, password: account.password }, sprayer))).toBe("refused");
  });

  it("lets someone who signed in from that address lately in while it is locked (an office behind one address)", async () => {
    const office = from("203.0.113.22");
    const colleague = await staff();
    expect(await authenticateStaff({ phone: colleague.phone, password: colleague.password }, office)).not.toBeNull();
    for (let i = 0; i < THROTTLE_RULES.address.free + 2; i++)
      await outcome(authenticateStaff({ phone: String(13588000000 + i), password: "x" }, office));
    const newcomer = await staff();
    expect(await outcome(authenticateStaff({ phone: newcomer.phone, password: newcomer.password }, office))).toBe("refused");
    expect(await authenticateStaff({ phone: colleague.phone, password: colleague.password }, office)).toMatchObject({
      userId: colleague.id,
    });
  });
});

describe("one phone, many addresses", () => {
  it("locks the phone after the identifier's bar, except where its owner signs in", async () => {
    const owner = await staff();
    expect(await authenticateStaff({ phone: owner.phone, password: owner.password }, from("198.51.100.30"))).not.toBeNull();
    const results: string[] = [];
    for (let i = 0; i < THROTTLE_RULES.identifier.free + 3; i++) {
      results.push(await outcome(authenticateStaff({ phone: owner.phone, password: `guess ${i}` }, from(`192.0.2.${i + 1}`))));
    }
    expect(results.filter((r) => r === "wrong")).toHaveLength(THROTTLE_RULES.identifier.free);
    expect(await outcome(authenticateStaff({ phone: owner.phone, password: owner.password }, from("192.0.2.200")))).toBe("refused");
    // Where the owner signed in before, the identifier's lock does not apply.
    expect(await authenticateStaff({ phone: owner.phone, password: owner.password }, from("198.51.100.30"))).toMatchObject({
      userId: owner.id,
    });
  });
});

describe("a success", () => {
  it("resets its pair and takes back what the pair added at the identifier and the address", async () => {
    const owner = await staff();
    const home = from("198.51.100.40");
    for (let i = 0; i < 2; i++) await authenticateStaff({ phone: owner.phone, password: `typo ${i}` }, home);
    const keys = throttleKeys({ method: "staff", identifier: owner.phone, origin: home });
    const before = await db().loginThrottle.findMany({ where: { key: { in: Object.values(keys) } } });
    expect(Object.fromEntries(before.map((row) => [row.key, row.failures]))).toEqual({
      [keys.pair]: 2,
      [keys.identifier]: 2,
      [keys.address]: 1,
    });

    expect(await authenticateStaff({ phone: owner.phone, password: owner.password }, home)).not.toBeNull();
    const after = await db().loginThrottle.findMany({ where: { key: { in: Object.values(keys) } } });
    expect(Object.fromEntries(after.map((row) => [row.key, row.failures]))).toEqual({
      [keys.pair]: 0,
      [keys.identifier]: 0,
      [keys.address]: 0,
    });
    expect(after.find((row) => row.key === keys.pair)?.succeededAt).not.toBeNull();
  });
});

describe("the client address", () => {
  const signIn = (headers: Record<string, string>, phone: string, password: string) => {
    // next-auth keeps a provider's own settings in `options` (its id "staff" among them).
    const providers = authOptions.providers as unknown as {
      options: {
        id: string;
        authorize: (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
      };
    }[];
    return providers.find((p) => p.options.id === "staff")!.options.authorize({ phone, password }, { headers });
  };

  it("is the socket's, whatever X-Forwarded-For the client sends, and the audit log records it", async () => {
    const account = await staff();
    const headers = { [CLIENT_ADDRESS_HEADER]: "127.0.0.1", "x-forwarded-for": "8.8.8.8" };
    expect(await signIn(headers, account.phone, "wrong")).toBeNull();
    const [failure] = await checkedFailures(maskPhone(account.phone));
    expect(failure?.ip).toBe("127.0.0.1");
    expect(await signIn(headers, account.phone, account.password)).toMatchObject({ id: account.id });
    expect((await db().auditEvent.findFirst({ where: { action: "sign-in:user", entityId: account.id } }))?.ip).toBe("127.0.0.1");
  });

  it("does not change with X-Forwarded-For unless the socket is a trusted proxy", () => {
    const spoofed = { [CLIENT_ADDRESS_HEADER]: "198.51.100.50", "x-forwarded-for": "8.8.8.8" };
    expect(requestOriginOf(spoofed, null).address).toBe("198.51.100.50");
    expect(requestOriginOf(spoofed, parseTrustedProxies("10.0.0.1")).address).toBe("198.51.100.50");

    // Behind a trusted proxy: the hop it appended, not what the client wrote before it.
    const proxied = { [CLIENT_ADDRESS_HEADER]: "10.0.0.1", "x-forwarded-for": "8.8.8.8, 198.51.100.51" };
    expect(requestOriginOf(proxied, parseTrustedProxies("10.0.0.1")).address).toBe("198.51.100.51");
    expect(requestOriginOf(proxied, null).address).toBe("10.0.0.1");
  });

  it("throttles by the address a trusted proxy reports, so clients behind it are told apart", async () => {
    const trusted = parseTrustedProxies("10.0.0.0/8");
    const owner = await staff();
    const viaProxy = (client: string) => requestOriginOf({ [CLIENT_ADDRESS_HEADER]: "10.1.2.3", "x-forwarded-for": client }, trusted);
    for (let i = 0; i < THROTTLE_RULES.pair.free; i++)
      await authenticateStaff({ phone: owner.phone, password: `guess ${i}` }, viaProxy("203.0.113.60"));
    expect(await outcome(authenticateStaff({ phone: owner.phone, password: owner.password }, viaProxy("203.0.113.60")))).toBe("refused");
    expect(await authenticateStaff({ phone: owner.phone, password: owner.password }, viaProxy("198.51.100.60"))).toMatchObject({
      userId: owner.id,
    });
  });
});

describe("residents", () => {
  let code: string;
  beforeAll(async () => {
    const project = await seedProject(db(), { households: 1, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
    const household = await db().household.findFirstOrThrow({ where: { projectId: project.project.id }, select: { id: true, code: true } });
    code = household.code;
    await seedUser(db(), { role: "RESIDENT", householdId: household.id, password: "246810" });
  });

  it("are throttled by household code like staff by phone", async () => {
    const attacker = from("203.0.113.70");
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        outcome(authenticateResident({ householdCode: code, accessCode: String(100000 + i) }, attacker)),
      ),
    );
    expect(results.filter((r) => r === "wrong")).toHaveLength(THROTTLE_RULES.pair.free);
    expect(await checkedFailures(code)).toHaveLength(THROTTLE_RULES.pair.free);
    expect(await authenticateResident({ householdCode: code, accessCode: "246810" }, from("198.51.100.70"))).not.toBeNull();
  });
});
