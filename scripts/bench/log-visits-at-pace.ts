// The visit writer of `npm run bench:dashboard -- --visits 20`, in a process of its own: logs visits
// through the real use case (logVisit, as each task's assignee: a member on a phone) at a fixed
// pace until told to stop. Each visit answers one open task — the most overdue first — and closes
// it, so the league's "visits in 7 days" and "overdue tasks" both move; every tenth raises a
// demand. Tasks are taken in turn from the given project and from the rest of the district (a
// district's members log visits everywhere, not only in the project whose dashboard is loaded).
// It runs apart from the load generator so that its work never holds up the generator's clock.
//
// Forked with DATABASE_URL set and an IPC channel; argv: projectId, visits per second.
// Messages in: "report" (answers with the figures since the last report), "stop".
import "../lib/outside-next.ts";

import { randomUUID } from "node:crypto";

export type VisitReport = {
  logged: number;
  failed: number;
  /** Open tasks still to answer. */
  left: number;
  /** Of the logged visits, those in the given project; and the demands raised. */
  inProject: number;
  demands: number;
  latencies: number[];
  /** Failures by error code or message, counted. */
  errors: Record<string, number>;
};

const [projectId, perSecond] = process.argv.slice(2);
if (!projectId || !(Number(perSecond) > 0) || !process.send) {
  console.error("usage: forked by scripts/bench/dashboard.ts with <projectId> <visits per second>");
  process.exit(2);
}

const { db } = await import("../../lib/db.ts");
const { logVisit } = await import("../../lib/server/visits/log-visit.ts");
const { loadActor } = await import("../../lib/auth/load-actor.ts");
type Actor = NonNullable<Awaited<ReturnType<typeof loadActor>>>;

const client = db();
type OpenTask = { id: string; version: number; projectId: string; householdId: string; assigneeId: string };
const select = { id: true, version: true, projectId: true, householdId: true, assigneeId: true } as const;
const where = { status: { in: ["OPEN" as const, "IN_PROGRESS" as const] }, household: { isExcluded: false, movedOutAt: null } };
const orderBy = [{ dueDate: "asc" as const }, { id: "asc" as const }];
const own: OpenTask[] = await client.task.findMany({ where: { ...where, projectId }, select, orderBy });
const others: OpenTask[] = await client.task.findMany({ where: { ...where, projectId: { not: projectId } }, select, orderBy });

// Actors as a signed-in request builds them, loaded before the first visit (not timed).
const actors = new Map<string, Actor>();
for (const userId of new Set([...own, ...others].map((t) => t.assigneeId))) {
  const actor = await loadActor(client, userId);
  if (actor) actors.set(userId, actor);
}

const CHANNELS = ["DOOR", "PHONE", "WECHAT", "DOOR", "RECEPTION"] as const;
const ATTITUDES = ["SUPPORTIVE", "HESITANT", "OPPOSED", ""] as const;
const empty = (): VisitReport => ({
  logged: 0,
  failed: 0,
  left: own.length + others.length,
  inProject: 0,
  demands: 0,
  latencies: [],
  errors: {},
});
let current = empty();
let sequence = 0;
const pending = new Set<Promise<void>>();

const timer = setInterval(
  () => {
    // Alternately the given project's task and another project's, while both last.
    const task = (sequence % 2 === 0 ? own.shift() : others.shift()) ?? own.shift() ?? others.shift();
    if (!task) return;
    const actor = actors.get(task.assigneeId);
    if (!actor) return;
    sequence += 1;
    const n = sequence;
    const withDemand = n % 10 === 0;
    const t0 = performance.now();
    const visit = logVisit(actor, {
      projectId: task.projectId,
      householdId: task.householdId,
      clientKey: randomUUID(),
      taskId: task.id,
      taskVersion: String(task.version),
      visitedAt: new Date().toISOString(),
      channel: CHANNELS[n % CHANNELS.length],
      summary: `压测走访 ${n}：入户了解诉求，宣讲政策。`,
      attitude: ATTITUDES[n % ATTITUDES.length],
      nextStep: n % 3 === 0 ? "下周再次上门" : "",
      demands: withDemand ? [{ category: "HARDSHIP", description: `压测诉求 ${n}：生活困难，申请帮扶。` }] : [],
    })
      // Counted when they end, in the report window they end in.
      .then((result) => {
        current.logged += 1;
        current.latencies.push(performance.now() - t0);
        if (task.projectId === projectId) current.inProject += 1;
        current.demands += result.demandIds.length;
      })
      .catch((error: unknown) => {
        current.failed += 1;
        const code =
          error && typeof error === "object" && "code" in error
            ? String(error.code)
            : error instanceof Error
              ? error.message
              : String(error);
        current.errors[code] = (current.errors[code] ?? 0) + 1;
        console.error("[bench] visit failed:", error instanceof Error ? error.message : error);
      })
      .finally(() => pending.delete(visit));
    pending.add(visit);
  },
  1000 / Number(perSecond),
);

process.on("message", async (message) => {
  if (message === "report") {
    current.left = own.length + others.length;
    process.send!(current);
    current = empty();
  } else if (message === "stop") {
    clearInterval(timer);
    // The visits under way finish first: the exactness check that follows needs the data still.
    await Promise.all(pending);
    await client.$disconnect();
    process.exit(0);
  }
});
process.send({ ready: true, openTasks: own.length + others.length, inProject: own.length });
