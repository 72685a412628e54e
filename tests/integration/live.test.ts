// Live updates end to end below the HTTP layer: a committed signing is announced on the progress
// channel through the process's one listener, a rolled-back change is not, a project's burst is
// handed out together, the listener comes back after its connection is killed, and the SSE body
// carries a project's events only. Field work (visits, tasks, demands, coverage rules) announces
// one notification of its kind per write and none when refused, and whoever reads a field-work
// page may open its project's stream.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import {
  COALESCE_MS,
  createProgressListener,
  LISTENER_APPLICATION_NAME,
  progressListener,
  subscribeToProgress,
} from "@/lib/server/live/listener";
import { notifyProjectChanged } from "@/lib/server/live/notify-project-changed";
import type { ProgressEvent } from "@/lib/server/live/progress-event";
import { progressEventStream } from "@/lib/server/live/progress-stream";
import { recordSigning } from "@/lib/server/signing/record-signing";
import { getCoverage } from "@/lib/server/coverage/get-coverage";
import { updateCoverageRules } from "@/lib/server/coverage/update-coverage-rules";
import { listDemands } from "@/lib/server/demands/list-demands";
import { raiseDemand } from "@/lib/server/demands/raise-demand";
import { authorizeProgressStream } from "@/lib/server/live/authorize-progress-stream";
import { createTask } from "@/lib/server/tasks/create-task";
import { getCaseload } from "@/lib/server/tasks/get-caseload";
import { listProjectTasks } from "@/lib/server/tasks/list-project-tasks";
import { reassignTasks } from "@/lib/server/tasks/reassign-tasks";
import { taskToday } from "@/lib/server/tasks/task-input";
import { logVisit } from "@/lib/server/visits/log-visit";
import { addDays } from "@/lib/domain/progress";
import type { SeededProject } from "@/prisma/seed/factories";
import { createAuthorizationWorld, outcomeOf, ROLES, type Outcome } from "../support/authorization-world.ts";
import { actorOf, householdsOf, seedSigningProject, setHousehold } from "./signing-helpers.ts";

let project: SeededProject;
let other: SeededProject;
let leader: Actor;
let households: { id: string; code: string }[];

beforeAll(async () => {
  project = await seedSigningProject();
  other = await seedSigningProject({ households: 4, signingGroups: 1 });
  const group = project.signingGroups[0]!;
  leader = await actorOf(group.leaderId);
  households = await householdsOf(project.project.id, group.id);
});

afterAll(async () => {
  await progressListener().close();
});

/** Collects events from the listener; `until` resolves with the first event matching. */
function collect() {
  const events: ProgressEvent[] = [];
  const waiters: { match: (e: ProgressEvent) => boolean; resolve: (e: ProgressEvent) => void }[] = [];
  const unsubscribe = subscribeToProgress((event) => {
    events.push(event);
    for (const w of [...waiters]) {
      if (w.match(event)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(event);
      }
    }
  });
  const until = (match: (e: ProgressEvent) => boolean, what: string) =>
    new Promise<ProgressEvent>((resolve, reject) => {
      const found = events.find(match);
      if (found) return resolve(found);
      const timer = setTimeout(() => reject(new Error(`no event: ${what}`)), 20_000);
      waiters.push({ match, resolve: (e) => (clearTimeout(timer), resolve(e)) });
    });
  return { events, until, unsubscribe };
}

/** A committed marker on the channel: notifications arrive in commit order, so once the marker
 *  is here, anything committed before it would have arrived too. */
async function commitMarker(projectId: string): Promise<void> {
  await db().$transaction(async (tx) => notifyProjectChanged(tx, projectId, "assignment"));
}

describe("notifyProjectChanged + the listener", () => {
  it("a committed signing is announced to subscribers with its project, kind and time", async () => {
    const listen = collect();
    await progressListener().ready();
    const h = households[0]!;
    const version = await setHousehold(h.id, {});
    await recordSigning(leader, {
      projectId: project.project.id,
      householdId: h.id,
      version,
      channel: "ON_SITE",
      agreementNumber: "LIVE-1",
    });
    const event = await listen.until((e) => e.projectId === project.project.id && e.kind === "signing", "signing");
    expect(Number.isNaN(Date.parse(event.at))).toBe(false);
    expect(await db().signing.count({ where: { householdId: h.id } })).toBe(1);
    listen.unsubscribe();
  });

  it("several kinds announced in one statement are each heard, in order, with the project", async () => {
    const listen = collect();
    await progressListener().ready();
    await db().$transaction(async (tx) => notifyProjectChanged(tx, project.project.id, ["task", "visit", "household"]));
    await commitMarker(project.project.id);
    await listen.until((e) => e.projectId === project.project.id && e.kind === "assignment", "marker");
    expect(listen.events.filter((e) => e.projectId === project.project.id).map((e) => e.kind)).toEqual([
      "task",
      "visit",
      "household",
      "assignment",
    ]);
    listen.unsubscribe();
  });

  it("a rolled-back change announces nothing", async () => {
    const listen = collect();
    await progressListener().ready();
    await expect(
      db().$transaction(async (tx) => {
        await notifyProjectChanged(tx, project.project.id, "move-out");
        throw new Error("rolled back on purpose");
      }),
    ).rejects.toThrow("rolled back on purpose");
    // A refused signing (agreement number taken) rolls back too.
    const h = households[1]!;
    const version = await setHousehold(h.id, {});
    await expect(
      recordSigning(leader, { projectId: project.project.id, householdId: h.id, version, channel: "ON_SITE", agreementNumber: "LIVE-1" }),
    ).rejects.toThrow();
    // A project's events are handed out in the order they arrive, so once this project's marker
    // is out, a rolled-back change that had been announced would be out before it.
    await commitMarker(project.project.id);
    await listen.until((e) => e.projectId === project.project.id && e.kind === "assignment", "marker");
    expect(listen.events.filter((e) => e.projectId === project.project.id).map((e) => e.kind)).toEqual(["assignment"]);
    listen.unsubscribe();
  });

  it("hands a project's first event out at once and the ones within COALESCE_MS together after it; other projects are not held back", async () => {
    const listener = createProgressListener(process.env.DATABASE_URL!);
    try {
      const heard: { event: ProgressEvent; at: number; version: number }[] = [];
      listener.subscribe((event) => heard.push({ event, at: performance.now(), version: listener.versionOf(project.project.id) }));
      await listener.ready();
      // Three notifications committed together arrive together, whatever the machine's speed.
      const kinds = ["vote", "signing", "move-out"] as const;
      await db().$transaction(async (tx) => {
        for (const kind of kinds) await notifyProjectChanged(tx, project.project.id, kind);
      });
      await db().$transaction(async (tx) => notifyProjectChanged(tx, other.project.id, "hand-over"));
      await expect.poll(() => heard.filter((h) => h.event.projectId === project.project.id).length, { timeout: 10_000 }).toBe(3);
      const mine = heard.filter((h) => h.event.projectId === project.project.id);
      expect(mine.map((h) => h.event.kind)).toEqual([...kinds]);
      // The second and third waited for the end of the first one's window, and went out together.
      expect(mine[1]!.at - mine[0]!.at).toBeGreaterThanOrEqual(COALESCE_MS - 5);
      expect(mine[2]!.at - mine[1]!.at).toBeLessThan(50);
      // The other project's event, committed after them, did not wait for this project's window.
      const others = heard.filter((h) => h.event.projectId === other.project.id);
      expect(others).toHaveLength(1);
      expect(others[0]!.at).toBeLessThan(mine[1]!.at);
      // The version a reader sees moves with each hand-out, before subscribers hear of it.
      expect(new Set(mine.map((h) => h.version)).size).toBe(3);
    } finally {
      await listener.close();
    }
  });

  it("reconnects after its connection is terminated, says so with a resync, and hears later commits", async () => {
    const listen = collect();
    await progressListener().ready();
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const killed = await admin.query<{ pid: number }>(
        `SELECT pid, pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`,
        [LISTENER_APPLICATION_NAME],
      );
      expect(killed.rowCount).toBe(1);
      await listen.until((e) => e.kind === "resync" && e.projectId === null, "resync");
      const again = await admin.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()`, [
        LISTENER_APPLICATION_NAME,
      ]);
      expect(again.rows.map((r) => r.pid)).not.toContain(killed.rows[0]!.pid);
    } finally {
      await admin.end();
    }
    await commitMarker(project.project.id);
    await listen.until((e) => e.projectId === project.project.id && e.kind === "assignment", "after reconnect");
    listen.unsubscribe();
  });

  it("uses one connection for any number of subscribers", async () => {
    const a = collect();
    const b = collect();
    await progressListener().ready();
    await commitMarker(project.project.id);
    await Promise.all([a.until((e) => e.kind === "assignment", "a"), b.until((e) => e.kind === "assignment", "b")]);
    const rows = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = ${LISTENER_APPLICATION_NAME} AND datname = current_database()`;
    expect(rows[0]!.n).toBe(1);
    a.unsubscribe();
    b.unsubscribe();
  });
});

describe("several app servers on one database", () => {
  it("a signing committed through one server reaches the listeners of every server", async () => {
    // Two more listeners, as two other app server processes would hold them.
    const servers = [createProgressListener(process.env.DATABASE_URL!), createProgressListener(process.env.DATABASE_URL!)];
    try {
      const heard = servers.map(
        (server) =>
          new Promise<ProgressEvent>((resolve, reject) => {
            const timer = setTimeout(() => reject(new Error("not heard")), 20_000);
            server.subscribe((event) => {
              if (event.projectId === project.project.id && event.kind === "signing") {
                clearTimeout(timer);
                resolve(event);
              }
            });
          }),
      );
      await Promise.all(servers.map((server) => server.ready()));
      const h = households[2]!;
      const version = await setHousehold(h.id, {});
      await recordSigning(leader, {
        projectId: project.project.id,
        householdId: h.id,
        version,
        channel: "HOME_VISIT",
        agreementNumber: "LIVE-MULTI",
      });
      const [a, b] = await Promise.all(heard);
      expect(a).toEqual(b);
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  });
});

describe("progressEventStream (the body of GET /api/live)", () => {
  async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string, sofar = ""): Promise<string> {
    const decoder = new TextDecoder();
    let out = sofar;
    while (!out.includes(text)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before "${text}": ${out}`);
      out += decoder.decode(value, { stream: true });
    }
    return out;
  }

  it("sends retry first, then its project's events and not another project's, and stops on abort", async () => {
    await progressListener().ready();
    const abort = new AbortController();
    const reader = progressEventStream(project.project.id, abort.signal).getReader();
    let text = await readUntil(reader, "retry: 2000");
    await db().$transaction(async (tx) => notifyProjectChanged(tx, other.project.id, "signing"));
    await db().$transaction(async (tx) => notifyProjectChanged(tx, project.project.id, "vote"));
    text = await readUntil(reader, `"kind":"vote"`, text);
    expect(text).toContain("event: progress\ndata: ");
    expect(text).toContain(`"projectId":"${project.project.id}"`);
    expect(text).not.toContain(other.project.id);
    abort.abort();
    const end = await reader.read();
    expect(end.done).toBe(true);
  });

  it("the overview stream (no project) carries every project's events", async () => {
    await progressListener().ready();
    const abort = new AbortController();
    const reader = progressEventStream(null, abort.signal).getReader();
    let text = await readUntil(reader, "retry: 2000");
    await db().$transaction(async (tx) => notifyProjectChanged(tx, other.project.id, "hand-over"));
    text = await readUntil(reader, `"kind":"hand-over"`, text);
    expect(text).toContain(other.project.id);
    abort.abort();
  });
});

/** What `work` announced on `projectId`'s channel, in order: every kind heard for the project up
 *  to a marker committed after it (notifications arrive in commit order). */
async function kindsAnnounced(projectId: string, work: () => Promise<unknown>): Promise<string[]> {
  const listen = collect();
  try {
    await progressListener().ready();
    await work();
    await commitMarker(projectId);
    const marker = await listen.until((e) => e.projectId === projectId && e.kind === "assignment", "marker");
    const heard = listen.events.filter((e) => e.projectId === projectId);
    return heard.slice(0, heard.indexOf(marker)).map((e) => e.kind);
  } finally {
    listen.unsubscribe();
  }
}

describe("field work on the channel", () => {
  let field: SeededProject;
  let fieldId: string;
  let secretary: Actor;
  let groupLeader: Actor;
  let memberIds: string[];
  let groupHouseholds: { id: string; code: string }[];
  const minuteAgo = () => new Date(Date.now() - 60_000).toISOString();

  beforeAll(async () => {
    field = await seedSigningProject({
      households: 12,
      signingGroups: 1,
      specialGroups: ["POLICY_CONSULTATION"],
      activity: { visitsPerHousehold: 0, openTaskShare: 0, demandShare: 0 },
    });
    fieldId = field.project.id;
    const group = field.signingGroups[0]!;
    secretary = await actorOf(field.secretaryId);
    groupLeader = await actorOf(group.leaderId);
    memberIds = group.memberIds;
    groupHouseholds = await householdsOf(fieldId, group.id);
  });

  it("logVisit announces one visit (and a household's first visit one household change)", async () => {
    const h = groupHouseholds[0]!;
    const visit = () =>
      logVisit(groupLeader, {
        projectId: fieldId,
        householdId: h.id,
        clientKey: randomUUID(),
        visitedAt: minuteAgo(),
        channel: "DOOR",
        summary: "上门了解搬迁顾虑",
      });
    expect(await kindsAnnounced(fieldId, visit)).toEqual(["visit", "household"]);
    expect(await kindsAnnounced(fieldId, visit)).toEqual(["visit"]);
    expect(await db().visitLog.count({ where: { householdId: h.id } })).toBe(2);
  });

  it("createTask and reassignTasks announce one task change each; a visit against the task announces the task done", async () => {
    const h = groupHouseholds[1]!;
    let taskId = "";
    expect(
      await kindsAnnounced(fieldId, async () => {
        taskId = (
          await createTask(secretary, {
            projectId: fieldId,
            householdId: h.id,
            assigneeId: memberIds[0]!,
            kind: "HOME_VISIT",
            dueDate: addDays(taskToday(), 1),
            priority: "NORMAL",
          })
        ).id;
      }),
    ).toEqual(["task"]);
    expect(
      await kindsAnnounced(fieldId, () =>
        reassignTasks(groupLeader, { projectId: fieldId, mode: "tasks", tasks: `${taskId}:1`, toUserId: memberIds[1]!, reason: "请假" }),
      ),
    ).toEqual(["task"]);
    const member = await actorOf(memberIds[1]!);
    expect(
      await kindsAnnounced(fieldId, () =>
        logVisit(member, {
          projectId: fieldId,
          householdId: h.id,
          taskId,
          taskVersion: "2",
          clientKey: randomUUID(),
          visitedAt: minuteAgo(),
          channel: "PHONE",
          summary: "电话确认安置意向",
        }),
      ),
    ).toEqual(["task", "visit", "household"]);
    expect((await db().task.findUniqueOrThrow({ where: { id: taskId } })).status).toBe("DONE");
  });

  it("raiseDemand announces one demand change", async () => {
    const h = groupHouseholds[2]!;
    expect(
      await kindsAnnounced(fieldId, () =>
        raiseDemand(groupLeader, { projectId: fieldId, householdId: h.id, category: "COMPENSATION", description: "想了解补偿标准" }),
      ),
    ).toEqual(["demand"]);
    expect(await db().demand.count({ where: { householdId: h.id } })).toBe(1);
  });

  it("updateCoverageRules announces one coverage change", async () => {
    const { version } = await db().project.findUniqueOrThrow({ where: { id: fieldId }, select: { version: true } });
    expect(
      await kindsAnnounced(fieldId, () =>
        updateCoverageRules(secretary, { projectId: fieldId, hardshipDays: "5", unsignedDays: "10", version }),
      ),
    ).toEqual(["coverage"]);
    expect(await db().project.findUniqueOrThrow({ where: { id: fieldId }, select: { coverageHardshipDays: true } })).toEqual({
      coverageHardshipDays: 5,
    });
  });

  it("a refused visit announces nothing, although its follow-up task was written and notified before the refusal", async () => {
    const h = groupHouseholds[3]!;
    const before = await db().task.count({ where: { householdId: h.id } });
    expect(
      await kindsAnnounced(fieldId, () =>
        expect(
          logVisit(groupLeader, {
            projectId: fieldId,
            householdId: h.id,
            clientKey: randomUUID(),
            visitedAt: minuteAgo(),
            channel: "DOOR",
            summary: "上门走访",
            followUpKind: "PHONE_CALL",
            followUpDueDate: addDays(taskToday(), 2),
            // No special group of this project: refused inside the transaction, after the
            // follow-up task's insert (and its notification).
            demands: [{ category: "OTHER", description: "想问搬家补贴", routedGroupId: randomUUID() }],
          }),
        ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { routedGroupId: ["demands.errors.groupOutside"] } }),
      ),
    ).toEqual([]);
    expect(await db().visitLog.count({ where: { householdId: h.id } })).toBe(0);
    expect(await db().task.count({ where: { householdId: h.id } })).toBe(before);
    // Out of reach (another project's leader): refused before any write, nothing announced.
    const outsider = await actorOf(project.signingGroups[0]!.leaderId);
    expect(
      await kindsAnnounced(fieldId, () =>
        expect(
          logVisit(outsider, {
            projectId: fieldId,
            householdId: h.id,
            clientKey: randomUUID(),
            visitedAt: minuteAgo(),
            channel: "DOOR",
            summary: "x",
          }),
        ).rejects.toMatchObject({ code: "NOT_FOUND" }),
      ),
    ).toEqual([]);
  });
});

describe("the stream of a field-work page's project", () => {
  it("opens for whoever reads the coverage, tasks or demands page of the project", async () => {
    const world = await createAuthorizationWorld();
    const projectId = world.projectA.project.id;
    const readers = { ...world.actors, specialLeaderA: world.specialLeaderA };
    const pages: Record<string, (actor: Actor) => Promise<unknown>> = {
      coverage: (actor) => getCoverage(actor, { projectId }),
      tasks: (actor) => listProjectTasks(actor, { projectId }),
      caseload: (actor) => getCaseload(actor, { projectId }),
      demands: (actor) => listDemands(actor, { projectId }),
    };
    const reads: Record<string, string[]> = {};
    const stream: Record<string, Outcome> = {};
    for (const [name, actor] of Object.entries(readers)) {
      reads[name] = [];
      for (const [page, read] of Object.entries(pages)) if ((await outcomeOf(() => read(actor))) === "ok") reads[name].push(page);
      stream[name] = await outcomeOf(() => authorizeProgressStream(actor, { projectId }));
    }
    // Who reads which page (so the rule below is not empty): a member their tasks, a special
    // group's leader the demands routed to the group, a resident their own household's demands
    // (on their own page, which has no live stream); outsiders none.
    expect(reads).toEqual({
      districtOfficial: ["coverage", "tasks", "caseload", "demands"],
      secretaryA: ["coverage", "tasks", "caseload", "demands"],
      secretaryB: [],
      leaderA1: ["coverage", "tasks", "caseload", "demands"],
      memberA1: ["tasks", "demands"],
      staffWithoutRole: [],
      residentA1: ["demands"],
      specialLeaderA: ["coverage", "tasks", "caseload", "demands"],
    } satisfies Record<(typeof ROLES)[number] | "specialLeaderA", string[]>);
    for (const [name, pagesRead] of Object.entries(reads)) {
      if (pagesRead.length > 0)
        expect({ name, stream: stream[name] }).toEqual({ name, stream: name === "residentA1" ? "FORBIDDEN" : "ok" });
    }
  });
});
