import "server-only";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { Prisma } from "../../generated/prisma/client.ts";
import { addressBucket } from "../../security/client-address.ts";
import { recordAudits, type AuditInput } from "../audit.ts";
import type { RequestOrigin } from "../client-address.ts";

// Sign-in throttling (docs/decisions/026). Every attempt is counted BEFORE its password is checked,
// in one transaction of atomic upserts (INSERT … ON CONFLICT DO UPDATE … WHERE not locked … RETURNING),
// so parallel attempts queue on the counter's row and no more than the allowed number are checked.
// Three counters, each with its own bar:
//
//   pair        one identifier from one address: the owner's typos and a single attacker's
//               guesses. 5 free, then each further failure locks the pair for 1 min, doubling to
//               15 min. Another address is not affected, so an attacker does not lock the owner out.
//   identifier  one identifier from any address: a distributed guess at one account. 20 free, then
//               1 min doubling to 15 min.
//   address     distinct identifiers failed from one address: password spraying (one guess for
//               many phones). 10 free, then each new identifier locks the address for 1 min,
//               doubling to 1 h; while it is locked, no untrusted attempt from it is checked.
//
// A pair that signed in within TRUSTED_DAYS is "trusted": it is held only to its own bar, so an
// attack on the identifier from elsewhere, or a neighbour spraying from the same office address,
// does not lock out someone where they usually sign in. Counts are forgotten a day after their
// last failure; a success resets its pair and takes back what the pair added to the others.
// Attempts refused while locked are not counted (they cannot extend a lock) and not audited one
// by one (an attacker could otherwise fill the append-only audit log); each checked failure and
// each lock it started are audited with the address and the masked identifier.

export type ThrottleScope = "pair" | "identifier" | "address";

type ThrottleRule = { free: number; baseLockSeconds: number; maxLockSeconds: number };

export const THROTTLE_RULES: Readonly<Record<ThrottleScope, ThrottleRule>> = {
  pair: { free: 5, baseLockSeconds: 60, maxLockSeconds: 15 * 60 },
  identifier: { free: 20, baseLockSeconds: 60, maxLockSeconds: 15 * 60 },
  address: { free: 10, baseLockSeconds: 60, maxLockSeconds: 60 * 60 },
};

/** A count is forgotten this long after its last failure. */
const FORGET_SECONDS = 24 * 60 * 60;
/** A pair that signed in this recently is spared the identifier's and the address's bars. */
const TRUSTED_DAYS = 30;
/** Stale rows removed per failure, so the table stays as small as the last day's failures. */
const PRUNE_BATCH = 100;

/** Seconds a counter is locked for after its `count`-th failure (0: not locked). */
export function lockSecondsAfter(scope: ThrottleScope, count: number): number {
  const rule = THROTTLE_RULES[scope];
  if (count < rule.free) return 0;
  return Math.min(rule.maxLockSeconds, rule.baseLockSeconds * 2 ** (count - rule.free));
}

/** One sign-in: which way, who (the identifier typed: a phone or a household code) and from where. */
export type SignInAttempt = {
  method: "staff" | "resident";
  identifier: string;
  /** What the audit log shows of the identifier (a phone masked: 138****0001). */
  shownIdentifier: string;
  origin: RequestOrigin;
};

/** What reserveSignInAttempt counted, for settling the attempt once its password is checked. */
export type AttemptTicket = {
  attempt: SignInAttempt;
  keys: Record<ThrottleScope, string>;
  trusted: boolean;
  /** The pair's failures counting this attempt. */
  pairCount: number;
  /** Locks this attempt's count started; they hold if it fails and are audited then. */
  locks: { scope: ThrottleScope; seconds: number }[];
};

export function throttleKeys(attempt: Pick<SignInAttempt, "method" | "identifier" | "origin">): Record<ThrottleScope, string> {
  const who = `${attempt.method}:${attempt.identifier}`;
  return {
    pair: `pair:${who}@${attempt.origin.address ?? "unknown"}`,
    identifier: `id:${who}`,
    address: `addr:${addressBucket(attempt.origin.address)}`,
  };
}

/** The columns are UTC timestamps without a zone, as Prisma writes them. */
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** Adds `increment` to a counter unless it is locked: the new count, or null while locked. One
 *  statement, and the row stays locked until the transaction ends, so concurrent attempts on it
 *  wait and then see this count. */
async function countAttempt(
  tx: Prisma.TransactionClient,
  key: string,
  increment: number,
): Promise<{ count: number; trusted: boolean } | null> {
  const rows = await tx.$queryRaw<{ failures: number; trusted: boolean | null }[]>`
    INSERT INTO "LoginThrottle" ("key", "failures", "lastFailureAt") VALUES (${key}, ${increment}::int, ${NOW})
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."lastFailureAt" < ${NOW} - make_interval(secs => ${FORGET_SECONDS}::int)
                        THEN ${increment}::int ELSE "LoginThrottle"."failures" + ${increment}::int END,
      "lastFailureAt" = CASE WHEN ${increment}::int > 0 THEN ${NOW} ELSE "LoginThrottle"."lastFailureAt" END
    WHERE "LoginThrottle"."lockedUntil" IS NULL OR "LoginThrottle"."lockedUntil" <= ${NOW}
    RETURNING "failures", "succeededAt" > ${NOW} - make_interval(days => ${TRUSTED_DAYS}::int) AS trusted`;
  const row = rows[0];
  return row ? { count: row.failures, trusted: row.trusted === true } : null;
}

async function lock(tx: Prisma.TransactionClient, key: string, seconds: number): Promise<void> {
  await tx.$executeRaw`UPDATE "LoginThrottle" SET "lockedUntil" = ${NOW} + make_interval(secs => ${seconds}::int) WHERE "key" = ${key}`;
}

/** Refuses the attempt: RATE_LIMITED with the minutes until the counter's lock ends. */
async function refuse(tx: Prisma.TransactionClient, key: string): Promise<never> {
  const rows = await tx.$queryRaw<{ minutes: number }[]>`
    SELECT greatest(1, ceil(extract(epoch FROM "lockedUntil" - ${NOW}) / 60))::int AS minutes FROM "LoginThrottle" WHERE "key" = ${key}`;
  throw new AppError("RATE_LIMITED", { detail: String(rows[0]?.minutes ?? 1) });
}

/**
 * Counts the attempt against its pair and, unless the pair is trusted, its address and identifier,
 * all or none. Throws RATE_LIMITED (with the minutes to wait) when any of them is locked; nothing is
 * counted then and no password may be checked.
 */
export async function reserveSignInAttempt(attempt: SignInAttempt): Promise<AttemptTicket> {
  const keys = throttleKeys(attempt);
  return db().$transaction(
    async (tx) => {
      const locks: AttemptTicket["locks"] = [];
      const pair = (await countAttempt(tx, keys.pair, 1)) ?? (await refuse(tx, keys.pair));
      if (lockSecondsAfter("pair", pair.count) > 0) locks.push({ scope: "pair", seconds: lockSecondsAfter("pair", pair.count) });
      if (!pair.trusted) {
        // The address counts identifiers, not guesses: only a pair's first failure adds to it.
        const addressCounted = pair.count === 1;
        const address = (await countAttempt(tx, keys.address, addressCounted ? 1 : 0)) ?? (await refuse(tx, keys.address));
        if (addressCounted && lockSecondsAfter("address", address.count) > 0) {
          locks.push({ scope: "address", seconds: lockSecondsAfter("address", address.count) });
        }
        const identifier = (await countAttempt(tx, keys.identifier, 1)) ?? (await refuse(tx, keys.identifier));
        if (lockSecondsAfter("identifier", identifier.count) > 0) {
          locks.push({ scope: "identifier", seconds: lockSecondsAfter("identifier", identifier.count) });
        }
      }
      for (const { scope, seconds } of locks) await lock(tx, keys[scope], seconds);
      return { attempt, keys, trusted: pair.trusted, pairCount: pair.count, locks };
    },
    // Parallel attempts on one counter queue on its row; each holds it for a few statements.
    { maxWait: 10_000, timeout: 10_000 },
  );
}

/** The attempt's password was wrong (or the account unknown or disabled): its count stands. Audits
 *  the failure and any lock it started, and prunes a batch of stale rows. */
export async function recordSignInFailure(ticket: AttemptTicket): Promise<void> {
  const { attempt, locks } = ticket;
  const what = { method: attempt.method, identifier: attempt.shownIdentifier };
  const events: AuditInput[] = [
    { actorId: null, action: "fail:sign-in", entity: "sign-in", entityId: attempt.shownIdentifier, after: what },
    ...locks.map(({ scope, seconds }) => ({
      actorId: null,
      action: "lock:sign-in",
      entity: "sign-in",
      entityId: attempt.shownIdentifier,
      after: { ...what, scope, seconds },
    })),
  ];
  await db().$transaction(async (tx) => {
    await recordAudits(tx, events, attempt.origin);
    await tx.$executeRaw`
      DELETE FROM "LoginThrottle" WHERE ctid IN (
        SELECT ctid FROM "LoginThrottle"
        WHERE "lastFailureAt" < ${NOW} - make_interval(secs => ${FORGET_SECONDS}::int)
          AND ("lockedUntil" IS NULL OR "lockedUntil" < ${NOW})
          AND ("succeededAt" IS NULL OR "succeededAt" < ${NOW} - make_interval(days => ${TRUSTED_DAYS}::int))
        LIMIT ${PRUNE_BATCH}::int)`;
  });
}

/** The attempt signed in: in the sign-in's transaction, its pair is reset and trusted from now on,
 *  and the identifier and the address take back what the pair added to them (its failures, its one
 *  identifier), lifting their lock if that brings them under their bar. */
export async function recordSignInSuccess(tx: Prisma.TransactionClient, ticket: AttemptTicket): Promise<void> {
  const { keys } = ticket;
  await tx.$executeRaw`UPDATE "LoginThrottle" SET "failures" = 0, "lockedUntil" = NULL, "succeededAt" = ${NOW} WHERE "key" = ${keys.pair}`;
  if (ticket.trusted) return;
  const takeBack = async (scope: ThrottleScope, count: number) => {
    await tx.$executeRaw`
      UPDATE "LoginThrottle" SET "failures" = greatest(0, "failures" - ${count}::int),
        "lockedUntil" = CASE WHEN "failures" - ${count}::int < ${THROTTLE_RULES[scope].free}::int THEN NULL ELSE "lockedUntil" END
      WHERE "key" = ${keys[scope]}`;
  };
  await takeBack("identifier", ticket.pairCount);
  await takeBack("address", 1);
}
