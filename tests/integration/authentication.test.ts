import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { authenticateStaff } from "@/lib/server/auth/authenticate-staff";
import { lockSecondsAfter } from "@/lib/server/auth/login-throttle";
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

  it("locks an identifier after repeated failures, even for the right password", async () => {
    const target = "13700003333";
    await seedUser(db(), { role: "STAFF", phone: target, password: "right" });
    for (let i = 0; i < 5; i++) expect(await authenticateStaff({ phone: target, password: `wrong${i}` })).toBeNull();
    const error = await authenticateStaff({ phone: target, password: "right" }).catch((e) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe("RATE_LIMITED");
  });

  it("clears the count after a success", async () => {
    const target = "13700004444";
    await seedUser(db(), { role: "STAFF", phone: target, password: "right" });
    for (let i = 0; i < 3; i++) await authenticateStaff({ phone: target, password: "wrong" });
    expect(await authenticateStaff({ phone: target, password: "right" })).not.toBeNull();
    expect(await db().loginThrottle.findUnique({ where: { key: `staff:${target}` } })).toBeNull();
  });

  it("grows the lock from one minute to at most fifteen", () => {
    expect(lockSecondsAfter(4)).toBe(0);
    expect(lockSecondsAfter(5)).toBe(60);
    expect(lockSecondsAfter(6)).toBe(120);
    expect(lockSecondsAfter(20)).toBe(900);
  });
});
