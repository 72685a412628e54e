import "server-only";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";

// After FREE_FAILURES consecutive failures for one identifier, each further failure locks it
// for BASE_LOCK seconds, doubling up to MAX_LOCK. Kept in Postgres so every app server agrees.
const FREE_FAILURES = 5;
const BASE_LOCK_SECONDS = 60;
const MAX_LOCK_SECONDS = 15 * 60;

export function lockSecondsAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_LOCK_SECONDS, BASE_LOCK_SECONDS * 2 ** (failures - FREE_FAILURES));
}

/** Throws RATE_LIMITED (with the minutes to wait) while the identifier is locked. */
export async function assertNotThrottled(key: string, now = new Date()): Promise<void> {
  const row = await db().loginThrottle.findUnique({ where: { key } });
  if (row?.lockedUntil && row.lockedUntil > now) {
    const minutes = Math.ceil((row.lockedUntil.getTime() - now.getTime()) / 60000);
    throw new AppError("RATE_LIMITED", { detail: String(minutes) });
  }
}

export async function recordLoginFailure(key: string): Promise<void> {
  // One statement, so concurrent failures all count.
  const rows = await db().$queryRaw<{ failures: number }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt") VALUES (${key}, 1, now())
    ON CONFLICT ("key") DO UPDATE SET "failures" = "LoginThrottle"."failures" + 1, "lastFailureAt" = now()
    RETURNING "failures"`;
  const lock = lockSecondsAfter(rows[0]?.failures ?? 1);
  if (lock > 0) {
    await db().$executeRaw`
      UPDATE "LoginThrottle" SET "lockedUntil" = now() + make_interval(secs => ${lock}) WHERE "key" = ${key}`;
  }
}

export async function clearLoginFailures(key: string): Promise<void> {
  await db().loginThrottle.deleteMany({ where: { key } });
}
