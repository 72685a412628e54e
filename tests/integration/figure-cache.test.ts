// The figure cache against a real listener on a real database: figures are read once and kept
// while nothing changes; a committed signing (through the real use case) makes that project's
// figures be read again and no other's; a rolled-back write does not; a lost listening
// connection drops everything; without a connection nothing is kept; the pages' readers give
// the same counts as a fresh count after a signing; and the signing desk shows its own signing
// before its notification has moved the cache.
process.env.LIANXIN_FIGURE_CACHE = "on";

import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { FigureCache } from "@/lib/server/figures/internal/figure-cache";
import { HOUSEHOLD_STATES } from "@/lib/domain/household-state";
import { wallClockOf } from "@/lib/domain/calendar-day";
import { readDailySignings, readHouseholdCountsByGroup } from "@/lib/server/figures/internal/progress-queries";
import { FIELD_WORK_KINDS } from "@/lib/server/live/progress-event";
import { logVisit } from "@/lib/server/visits/log-visit";
import { createProgressListener, LISTENER_APPLICATION_NAME, progressListener, type ProgressListener } from "@/lib/server/live/listener";
import { notifyProjectChanged } from "@/lib/server/live/notify-project-changed";
import { countHouseholdsByProject, readHouseholdCounts } from "@/lib/server/figures/internal/count-households";
import { readProjectFigures } from "@/lib/server/figures/project-figures";
import { getSigningDesk } from "@/lib/server/signing/get-signing-desk";
import { recordSigning } from "@/lib/server/signing/record-signing";
import type { SeededProject } from "@/prisma/seed/factories";
import { actorOf, householdsOf, seedSigningProject, setHousehold } from "./signing-helpers.ts";

let a: SeededProject;
let b: SeededProject;
let leaderOfA: Actor;
let listener: ProgressListener;

beforeAll(async () => {
  a = await seedSigningProject();
  b = await seedSigningProject({ households: 4, signingGroups: 1 });
  leaderOfA = await actorOf(a.signingGroups[0]!.leaderId);
  listener = createProgressListener(process.env.DATABASE_URL!);
  listener.start();
  await listener.ready();
});

afterAll(async () => {
  await listener.close();
  await progressListener().close();
  (globalThis as { lianxinFigureCache?: unknown }).lianxinFigureCache = undefined;
});

/** A loader that counts households for real and remembers which ids it was asked for. */
function countingLoader() {
  const calls: string[][] = [];
  const load = async (ids: string[]) => {
    calls.push([...ids].sort());
    return countHouseholdsByProject(db(), ids);
  };
  return { calls, load };
}

/** Commits a notification and waits until this listener has it: later notifications too. */
async function settle(projectId: string): Promise<void> {
  const before = listener.versionOf(projectId);
  await db().$transaction(async (tx) => notifyProjectChanged(tx, projectId, "assignment"));
  await expect.poll(() => listener.versionOf(projectId), { timeout: 10_000 }).not.toBe(before);
}

async function signOneOf(project: SeededProject, actor: Actor, agreementNumber: string): Promise<void> {
  const households = await householdsOf(project.project.id, project.signingGroups[0]!.id);
  const unsigned = [];
  for (const h of households) if ((await db().signing.count({ where: { householdId: h.id } })) === 0) unsigned.push(h);
  const h = unsigned[0]!;
  const version = await setHousehold(h.id, {});
  await recordSigning(actor, { projectId: project.project.id, householdId: h.id, version, channel: "ON_SITE", agreementNumber });
}

describe("FigureCache", () => {
  it("reads once, then serves the kept figures while nothing changes", async () => {
    const cache = new FigureCache(listener);
    const { calls, load } = countingLoader();
    const ids = [a.project.id, b.project.id];
    const first = await cache.getMany("counts", ids, load);
    const second = await cache.getMany("counts", ids, load);
    expect(calls).toEqual([[...ids].sort()]);
    expect(second).toEqual(first);
    expect(first.get(a.project.id)!.eligible).toBe(20);
  });

  it("callers asking at the same time share one read", async () => {
    const cache = new FigureCache(listener);
    const { calls, load } = countingLoader();
    const results = await Promise.all(Array.from({ length: 5 }, () => cache.getMany("counts", [a.project.id], load)));
    expect(calls).toHaveLength(1);
    expect(new Set(results.map((r) => r.get(a.project.id)!.eligible))).toEqual(new Set([20]));
  });

  it("a committed signing makes that project's figures be read again, and no other's", async () => {
    const cache = new FigureCache(listener);
    const { calls, load } = countingLoader();
    const ids = [a.project.id, b.project.id];
    const before = (await cache.getMany("counts", ids, load)).get(a.project.id)!;

    await signOneOf(a, leaderOfA, "CACHE-1");
    await settle(a.project.id);

    const after = (await cache.getMany("counts", ids, load)).get(a.project.id)!;
    expect(calls).toEqual([[...ids].sort(), [a.project.id]]);
    expect(after.signed).toBe(before.signed + 1);
    expect(after).toEqual((await countHouseholdsByProject(db(), [a.project.id])).get(a.project.id));
  });

  it("a read that a kind of change cannot alter survives its notifications, and no other kind's", async () => {
    const cache = new FigureCache(listener);
    const { calls, load } = countingLoader();
    const options = { unchangedBy: ["signing"] as const };
    await cache.getMany("activity", [a.project.id], load, options);

    await signOneOf(a, leaderOfA, "CACHE-3");
    await settle(b.project.id); // the signing's notification has arrived too
    await cache.getMany("activity", [a.project.id], load, options);
    expect(calls).toHaveLength(1);

    await settle(a.project.id); // an "assignment"
    await cache.getMany("activity", [a.project.id], load, options);
    expect(calls).toHaveLength(2);
  });

  it("a rolled-back write changes nothing kept", async () => {
    const cache = new FigureCache(listener);
    const { calls, load } = countingLoader();
    await cache.getMany("counts", [a.project.id], load);
    await expect(
      db().$transaction(async (tx) => {
        await notifyProjectChanged(tx, a.project.id, "signing");
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    await settle(b.project.id); // anything committed before this marker has arrived
    await cache.getMany("counts", [a.project.id], load);
    expect(calls).toHaveLength(1);
  });

  it("a lost listening connection drops every kept figure, and figures are kept again once it is back", async () => {
    const cache = new FigureCache(listener);
    const { calls, load } = countingLoader();
    await cache.getMany("counts", [a.project.id, b.project.id], load);

    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()",
      [LISTENER_APPLICATION_NAME],
    );
    await admin.end();
    await expect.poll(() => listener.isConnected, { timeout: 10_000 }).toBe(false);

    // While it is down every call reads the database.
    await cache.getMany("counts", [a.project.id], load);
    await listener.ready();
    await cache.getMany("counts", [a.project.id, b.project.id], load);
    await cache.getMany("counts", [a.project.id, b.project.id], load);
    expect(calls.length).toBeGreaterThanOrEqual(3);
    expect(calls.at(-1)).toEqual([a.project.id, b.project.id].sort());
    const reads = calls.length;
    await cache.getMany("counts", [a.project.id, b.project.id], load);
    expect(calls).toHaveLength(reads);
  });

  it("after a minute reads again in the background, serving the kept figures meanwhile; 15 s later than that it waits for the read", async () => {
    let now = 1_000_000;
    const cache = new FigureCache(
      listener,
      () => now,
      () => 0,
    );
    const calls: number[] = [];
    let release: (() => void) | null = null;
    const load = async (ids: string[]) => {
      calls.push(now);
      const counts = await countHouseholdsByProject(db(), ids);
      if (calls.length === 2) await new Promise<void>((resolve) => (release = resolve));
      return counts;
    };
    await cache.getMany("counts", [b.project.id], load);
    now += 59_000;
    await cache.getMany("counts", [b.project.id], load);
    expect(calls).toHaveLength(1);
    now += 2_000;
    // Answered from the kept entry while its fresh read is still held back; one such read at a time.
    expect((await cache.getMany("counts", [b.project.id], load)).get(b.project.id)!.eligible).toBe(4);
    expect((await cache.getMany("counts", [b.project.id], load)).get(b.project.id)!.eligible).toBe(4);
    expect(calls).toHaveLength(2);
    await expect.poll(() => release !== null).toBe(true);
    release!();
    await new Promise((resolve) => setTimeout(resolve, 0)); // the rest of the read is microtasks
    // The fresh read replaced the entry: within a minute of when it started, nothing is read.
    now += 59_000;
    await cache.getMany("counts", [b.project.id], load);
    expect(calls).toHaveLength(2);
    // Not asked for in the minute and a quarter since: read before answering.
    now += 76_000;
    await cache.getMany("counts", [b.project.id], load);
    expect(calls).toHaveLength(3);
  });

  it("entries loaded together age apart (up to 20 s earlier), so they are read again a few at a time", async () => {
    let now = 1_000_000;
    const spread = [0, 0.5]; // a: the full minute; b: 10 s less
    const cache = new FigureCache(
      listener,
      () => now,
      () => spread.shift() ?? 0,
    );
    const { calls, load } = countingLoader();
    await cache.getMany("counts", [a.project.id, b.project.id], load);
    now += 51_000;
    await cache.getMany("counts", [a.project.id, b.project.id], load);
    await expect.poll(() => calls.length).toBe(2);
    expect(calls[1]).toEqual([b.project.id]);
    now += 10_000;
    await cache.getMany("counts", [a.project.id, b.project.id], load);
    await expect.poll(() => calls.length).toBe(3);
    expect(calls[2]).toEqual([a.project.id]);
  });

  it("a failed background read drops the aged entry, so the next page reads for itself", async () => {
    let now = 1_000_000;
    const cache = new FigureCache(
      listener,
      () => now,
      () => 0,
    );
    let fail = false;
    let calls = 0;
    const load = async (ids: string[]) => {
      calls += 1;
      if (fail) throw new Error("database away");
      return countHouseholdsByProject(db(), ids);
    };
    await cache.getMany("counts", [b.project.id], load);
    now += 61_000;
    fail = true;
    expect((await cache.getMany("counts", [b.project.id], load)).get(b.project.id)!.eligible).toBe(4);
    await expect.poll(() => cache.size).toBe(0);
    await expect(cache.getMany("counts", [b.project.id], load)).rejects.toThrow("database away");
    expect(calls).toBe(3);
  });

  it("drops expired entries of kinds nobody asks for any more (yesterday's activity, say)", async () => {
    let now = 1_000_000;
    const cache = new FigureCache(
      listener,
      () => now,
      () => 0,
    );
    const { load } = countingLoader();
    await cache.getMany("activity:2026-11-21", [a.project.id, b.project.id], load);
    expect(cache.size).toBe(2);
    now += 76_000;
    await cache.getMany("activity:2026-11-22", [a.project.id], load);
    expect(cache.size).toBe(1);
  });

  it("a failed read is not kept", async () => {
    const cache = new FigureCache(listener);
    let fail = true;
    const load = async (ids: string[]) => {
      if (fail) throw new Error("database away");
      return countHouseholdsByProject(db(), ids);
    };
    await expect(cache.getMany("counts", [b.project.id], load)).rejects.toThrow("database away");
    fail = false;
    expect((await cache.getMany("counts", [b.project.id], load)).get(b.project.id)!.eligible).toBe(4);
  });
});

describe("the pages' readers through the process's cache", () => {
  it("give the same counts and daily signings as a fresh read, also right after a signing", async () => {
    const ids = [a.project.id, b.project.id];
    await readHouseholdCounts(ids); // starts the process's listener
    await progressListener().ready();
    await readHouseholdCounts(ids);
    await readDailySignings(ids, "Asia/Shanghai");

    await signOneOf(a, leaderOfA, "CACHE-2");
    const versionBefore = progressListener().versionOf(a.project.id);
    await db().$transaction(async (tx) => notifyProjectChanged(tx, b.project.id, "assignment"));
    await expect.poll(() => progressListener().versionOf(b.project.id), { timeout: 10_000 }).toBeGreaterThan(versionBefore);

    expect(await readHouseholdCounts(ids)).toEqual(await countHouseholdsByProject(db(), ids));
    const daily = await readDailySignings(ids, "Asia/Shanghai");
    const signedA = (await countHouseholdsByProject(db(), [a.project.id])).get(a.project.id)!.signed;
    expect(daily.get(a.project.id)!.reduce((sum, d) => sum + d.count, 0)).toBe(signedA);
  });

  it("the signing desk shows its own signing in the read right after it, while the notification is still held back", async () => {
    const projectId = a.project.id;
    const project = await db().project.findUniqueOrThrow({ where: { id: projectId }, select: { id: true, signingThreshold: true } });
    await readHouseholdCounts([projectId]); // starts the process's listener
    await progressListener().ready();
    /** Commits `change` and waits until the listener has handed its notification out. */
    const handedOut = async (change: () => Promise<unknown>) => {
      const version = progressListener().versionOf(projectId);
      await change();
      await expect.poll(() => progressListener().versionOf(projectId), { timeout: 10_000, interval: 5 }).not.toBe(version);
    };
    // A signing first, so the one below is not this process's first (slower): the check needs it
    // to land within the window opened below. Slower still, it proves less; it never fails.
    await handedOut(() => signOneOf(a, leaderOfA, "CACHE-WARM"));
    let unsigned: string | undefined;
    for (const h of await householdsOf(projectId, a.signingGroups[0]!.id)) {
      if (!unsigned && (await db().signing.count({ where: { householdId: h.id } })) === 0) unsigned = h.id;
    }
    const version = await setHousehold(unsigned!, {});
    // A change handed out just now opens the project's window (COALESCE_MS): the signing's own
    // notification, a moment later, is held back until the window ends, as in a launch-day burst.
    await handedOut(() => db().$transaction(async (tx) => notifyProjectChanged(tx, projectId, "assignment")));
    const before = (await readHouseholdCounts([projectId])).get(projectId)!; // kept at the new version
    await recordSigning(leaderOfA, { projectId, householdId: unsigned!, version, channel: "ON_SITE", agreementNumber: "CACHE-DESK" });
    const after = await getSigningDesk(leaderOfA, { projectId });
    expect(after.figures.signed).toBe(before.signed + 1);
    expect(after.figures).toEqual((await readProjectFigures([project], { fresh: true })).get(projectId));
    expect(after.recent[0]).toMatchObject({ agreementNumber: "CACHE-DESK" });
  });

  it("a household's first visit moves it to VISITED in the counts by state; a later visit is no household change", async () => {
    const projectId = a.project.id;
    const group = a.signingGroups[0]!;
    await readHouseholdCountsByGroup(projectId); // starts the process's listener
    await progressListener().ready();
    let target: string | undefined;
    for (const h of await householdsOf(projectId, group.id)) {
      if (!target && (await db().visitLog.count({ where: { householdId: h.id } })) === 0) target = h.id;
    }
    await setHousehold(target!, { vote: null });
    const settled = progressListener().versionOf(projectId);
    await db().$transaction(async (tx) => notifyProjectChanged(tx, projectId, "household"));
    await expect.poll(() => progressListener().versionOf(projectId), { timeout: 10_000 }).not.toBe(settled);
    const visitedRank = HOUSEHOLD_STATES.indexOf("VISITED");
    const visitedIn = (rows: Awaited<ReturnType<typeof readHouseholdCountsByGroup>>) =>
      rows.filter((r) => r.groupId === group.id && r.stateRank === visitedRank).reduce((sum, r) => sum + r.households, 0);
    const expected = async () => visitedIn(await readHouseholdCountsByGroup(projectId));
    const before = await expected();
    const visit = () =>
      logVisit(leaderOfA, {
        projectId,
        householdId: target!,
        clientKey: randomUUID(),
        visitedAt: wallClockOf(new Date(Date.now() - 60_000), "Asia/Shanghai"),
        channel: "DOOR",
        summary: "上门了解搬迁顾虑",
      });

    await visit();
    await expect.poll(expected, { timeout: 10_000 }).toBe(before + 1);

    const householdVersion = progressListener().versionOf(projectId, FIELD_WORK_KINDS);
    const anyVersion = progressListener().versionOf(projectId);
    await visit();
    await expect.poll(() => progressListener().versionOf(projectId), { timeout: 10_000 }).not.toBe(anyVersion);
    expect(progressListener().versionOf(projectId, FIELD_WORK_KINDS)).toBe(householdVersion);
  });
});
