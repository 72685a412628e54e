import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authenticateStaff } from "@/lib/server/auth/authenticate-staff";
import { lockSecondsAfter, throttleKeys } from "@/lib/server/auth/login-throttle";
import { seedUser } from "../../prisma/seed/factories.ts";

let phone: string;

beforeAll(async () => {
  const user = await seedUser(db(), { role: "STAFF", phone: "13700001111", password: "correct horse" });
  phone = user.phone!;
  await seedUser(db(), { role: "STAFF", phone: "13700002222", password: "pw", disabledAt: new Date() });
});

describe("staff sign-in", () => {
  it("accepts the right password and records the sign-in", async () => {
    const result = await authenticateStaff({ phone, password: "correct horse" });
    expect(result?.name).toBeTruthy();
    const event = await db().auditEvent.findFirst({ where: { action: "sign-in:user", entityId: result!.userId } });
    expect(event).not.toBeNull();
  });

  it("answers null for a wrong password, an unknown phone and a disabled account alike", async () => {
    expect(await authenticateStaff({ phone, password: "wrong" })).toBeNull();
    expect(await authenticateStaff({ phone: "13799999999", password: "x" })).toBeNull();
    expect(await authenticateStaff({ phone: "13700002222", password: "pw" })).toBeNull();
  });

  it("locks a phone at one address after repeated failures, even for the right password", async () => {
    const target = "13700003333";
    const origin = { address: "192.0.2.1", userAgent: null };
    await seedUser(db(), { role: "STAFF", phone: target, password: "right" });
    for (let i = 0; i < 5; i++) expect(await authenticateStaff({ phone: target, password: `wrong${i}` }, origin)).toBeNull();
    const error = await authenticateStaff({ phone: target, password: "right" }, origin).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("RATE_LIMITED");
  });

  it("clears the phone's count at that address after a success", async () => {
    const target = "13700004444";
    const origin = { address: "192.0.2.2", userAgent: null };
    await seedUser(db(), { role: "STAFF", phone: target, password: "right" });
    for (let i = 0; i < 3; i++) await authenticateStaff({ phone: target, password: "wrong" }, origin);
    expect(await authenticateStaff({ phone: target, password: "right" }, origin)).not.toBeNull();
    const key = throttleKeys({ method: "staff", identifier: target, origin }).pair;
    expect(await db().loginThrottle.findUnique({ where: { key } })).toMatchObject({ failures: 0, lockedUntil: null });
  });

  it("grows each lock from one minute to its longest", () => {
    expect(lockSecondsAfter("pair", 4)).toBe(0);
    expect(lockSecondsAfter("pair", 5)).toBe(60);
    expect(lockSecondsAfter("pair", 6)).toBe(120);
    expect(lockSecondsAfter("pair", 20)).toBe(900);
    expect(lockSecondsAfter("identifier", 19)).toBe(0);
    expect(lockSecondsAfter("identifier", 20)).toBe(60);
    expect(lockSecondsAfter("address", 9)).toBe(0);
    expect(lockSecondsAfter("address", 10)).toBe(60);
    expect(lockSecondsAfter("address", 30)).toBe(3600);
  });
});
