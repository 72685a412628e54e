// `npm run bench:field-work`: the field-work use cases at district scale (DOMAIN.md: 100,000
// households, 50 projects, 1,000,000 visit logs; scripts/bench/generate-district.ts makes it, and
// `--keep <dir>` reuses one already made).
//  1. Reads, each beside a raw-SQL floor — hand-written minimal SQL returning the same rows through
//     a plain `pg` pool, no ORM and no rule code — interleaved in one run (use case, floor, floor,
//     use case, …; the same number of runs each), p50/p95. Target: use case ≤ 1.5× floor or
//     ≤ floor + 1 ms. The use case's answer and the floor's are compared: the mismatch count
//     printed must be 0.
//       - listMyTasks: the member of the 5,000-household project with the most open tasks;
//       - getCaseload: that project's secretary, and one of its group leaders;
//       - getCoverage: that project, and one of its signing groups.
//  2. Bulk assignment: 2,000 tasks with their audit events through bulkCreateTasks (target ≤ 2 s),
//     beside a raw INSERT of the same tasks and audit events in one transaction; each run's tasks
//     are deleted afterwards, so every run starts from the same tasks (the audit events stay: the
//     trail is append-only).
//
//   npm run bench:field-work -- --keep /tmp/lianxin-district-fw          # reuse (or generate into) a data dir
//   npm run bench:field-work -- --runs 50 --bulk-runs 5 --bulk 2000
//   npm run bench:field-work -- --households 20000 --visits 200000 --projects 10   # smaller district
import "../lib/outside-next.ts";

import { parseArgs } from "node:util";
import pg from "pg";
import { loadActor } from "../../lib/auth/load-actor.ts";
import type { Actor } from "../../lib/auth/actor-types.ts";

const { values } = parseArgs({
  options: {
    projects: { type: "string", default: "50" },
    households: { type: "string", default: "100000" },
    visits: { type: "string", default: "1000000" },
    largest: { type: "string", default: "5000" },
    keep: { type: "string" },
    runs: { type: "string", default: "30" },
    "bulk-runs": { type: "string", default: "3" },
    bulk: { type: "string", default: "2000" },
  },
});

const RUNS = Number(values.runs);
const BULK_RUNS = Number(values["bulk-runs"]);
const BULK = Number(values.bulk);
const TZ = "Asia/Shanghai";

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (x: number) => x.toFixed(1);

/** A use case and its floor, and how many of their answers' values disagree. */
type Pair<U, F> = {
  name: string;
  useCase: () => Promise<U>;
  floor: () => Promise<F>;
  mismatches: (useCase: U, floor: F) => string[];
  /** What was compared, for the report. */
  compared: (useCase: U) => string;
};

/**
 * Use case and floor interleaved: 3 warm-up calls of each, then RUNS rounds, the order within a
 * round alternating, so a slow moment of the shared machine falls on both alike.
 */
async function measurePair<U, F>(pair: Pair<U, F>, runs: number) {
  for (let i = 0; i < 3; i++) {
    await pair.useCase();
    await pair.floor();
  }
  const useCase: number[] = [];
  const floor: number[] = [];
  const time = async (work: () => Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await work();
    into.push(performance.now() - t0);
  };
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) {
      await time(pair.useCase, useCase);
      await time(pair.floor, floor);
    } else {
      await time(pair.floor, floor);
      await time(pair.useCase, useCase);
    }
  }
  const answer = await pair.useCase();
  const mismatches = pair.mismatches(answer, await pair.floor());
  return { useCase, floor, mismatches, compared: pair.compared(answer) };
}

/** Compares two lists of values field by field; returns one line per difference. */
function diff(label: string, expected: unknown, actual: unknown): string[] {
  const a = JSON.stringify(expected);
  const b = JSON.stringify(actual);
  return a === b ? [] : [`${label}: floor ${a.slice(0, 300)}, use case ${b.slice(0, 300)}`];
}

// ─── Raw-SQL floors ───

/** A calendar day column as "YYYY-MM-DD" (the driver reads a date as local midnight otherwise). */
const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

/** The member's open tasks, as listMyTasks lists them. */
async function myTasksFloor(pool: pg.Pool, userId: string) {
  const { rows } = await pool.query<{
    id: string;
    version: number;
    status: string;
    dueDate: string;
    householdId: string;
    projectId: string;
  }>(
    `SELECT t.id, t.version, t.kind, t.priority, t.status, ${day('t."dueDate"')} AS "dueDate", t.note,
            h.id AS "householdId", h.code, h.address, h."headName", p.id AS "projectId", p.name
     FROM "Task" t JOIN "Household" h ON h.id = t."householdId" JOIN "Project" p ON p.id = t."projectId"
     WHERE t."assigneeId" = $1 AND t.status IN ('OPEN', 'IN_PROGRESS')
     ORDER BY t."dueDate", t.priority DESC, t."createdAt" LIMIT 500`,
    [userId],
  );
  return rows;
}

type CoverageFloorRow = {
  groupId: string | null;
  underRule: number;
  within: number;
  never: number;
  days1to7: number;
  days8to14: number;
  over14: number;
  dueWithoutTask: number;
};

/** The coverage figures per signing group, counted in SQL: each household's rule (the stricter of
 *  hardship and unsigned), the calendar days since its last visit, its open task. */
async function coverageFloor(pool: pg.Pool, projectId: string, today: string, groupId: string | null) {
  const { rows } = await pool.query<CoverageFloorRow>(
    `WITH hh AS (
       SELECT h."signingGroupId" AS g,
              LEAST(CASE WHEN h."isHardship" OR h."isElderlySickDisabled" OR h."hasFamilyDispute" THEN p."coverageHardshipDays" END,
                    CASE WHEN s.id IS NULL AND NOT h."isExcluded" THEN p."coverageUnsignedDays" END) AS rule,
              $2::date - ((lv.at AT TIME ZONE 'UTC') AT TIME ZONE $3)::date AS since,
              EXISTS (SELECT 1 FROM "Task" t WHERE t."householdId" = h.id AND t.status IN ('OPEN', 'IN_PROGRESS')) AS open
       FROM "Household" h JOIN "Project" p ON p.id = h."projectId"
       LEFT JOIN "Signing" s ON s."householdId" = h.id
       LEFT JOIN LATERAL (SELECT max(v."visitedAt") AS at FROM "VisitLog" v WHERE v."householdId" = h.id) lv ON true
       WHERE h."projectId" = $1 AND ($4::uuid IS NULL OR h."signingGroupId" = $4::uuid)
     )
     SELECT g::text AS "groupId",
            count(rule)::int AS "underRule",
            count(*) FILTER (WHERE since <= rule)::int AS within,
            count(*) FILTER (WHERE rule IS NOT NULL AND since IS NULL)::int AS never,
            count(*) FILTER (WHERE since - rule BETWEEN 1 AND 7)::int AS "days1to7",
            count(*) FILTER (WHERE since - rule BETWEEN 8 AND 14)::int AS "days8to14",
            count(*) FILTER (WHERE since - rule > 14)::int AS "over14",
            count(*) FILTER (WHERE rule IS NOT NULL AND (since IS NULL OR since > rule) AND NOT open)::int AS "dueWithoutTask"
     FROM hh GROUP BY g`,
    [projectId, today, TZ, groupId],
  );
  return rows;
}

type CaseloadFloorRow = { userId: string; name: string; open: number; dueToday: number; overdue: number; doneLast7Days: number };

/** Per person of the project's groups (or of the given groups): open, due today, overdue, done in
 *  the last 7 days, over the project's tasks (or those of the given groups' households). */
async function caseloadFloor(pool: pg.Pool, projectId: string, today: string, groupIds: string[] | null) {
  const { rows } = await pool.query<CaseloadFloorRow>(
    `WITH people AS (
       SELECT DISTINCT m."userId" FROM "WorkingGroupMember" m JOIN "WorkingGroup" g ON g.id = m."groupId"
       WHERE g."projectId" = $1 AND ($4::uuid[] IS NULL OR g.id = ANY($4::uuid[]))
     ), counts AS (
       SELECT t."assigneeId",
              count(*) FILTER (WHERE t.status IN ('OPEN', 'IN_PROGRESS'))::int AS open,
              count(*) FILTER (WHERE t.status IN ('OPEN', 'IN_PROGRESS') AND t."dueDate" = $2::date)::int AS "dueToday",
              count(*) FILTER (WHERE t.status IN ('OPEN', 'IN_PROGRESS') AND t."dueDate" < $2::date)::int AS overdue,
              count(*) FILTER (WHERE t.status = 'DONE' AND t."completedAt" >= $3)::int AS "doneLast7Days"
       FROM "Task" t
       WHERE t."projectId" = $1 AND t."assigneeId" IN (SELECT "userId" FROM people)
         AND (t.status IN ('OPEN', 'IN_PROGRESS') OR t."completedAt" >= $3)
         AND ($4::uuid[] IS NULL OR t."householdId" IN (SELECT id FROM "Household" WHERE "signingGroupId" = ANY($4::uuid[])))
       GROUP BY 1
     )
     SELECT u.id::text AS "userId", u.name, coalesce(c.open, 0) AS open, coalesce(c."dueToday", 0) AS "dueToday",
            coalesce(c.overdue, 0) AS overdue, coalesce(c."doneLast7Days", 0) AS "doneLast7Days"
     FROM people p JOIN "User" u ON u.id = p."userId" LEFT JOIN counts c ON c."assigneeId" = p."userId"`,
    [projectId, today, new Date(Date.now() - 7 * 24 * 3_600_000), groupIds],
  );
  return rows;
}

type Context = {
  pool: pg.Pool;
  client: import("../../lib/db.ts").PrismaClient;
  project: { id: string; code: string; households: number };
  member: Actor;
  memberOpenTasks: number;
  secretary: Actor;
  leader: Actor;
  group: { id: string; name: string; households: number };
  today: string;
};

function myTasksPair(c: Context, listMyTasks: typeof import("../../lib/server/visits/list-my-tasks.ts").listMyTasks) {
  return {
    name: `my tasks (member with ${c.memberOpenTasks} open tasks)`,
    useCase: () => listMyTasks(c.member),
    floor: () => myTasksFloor(c.pool, c.member.userId),
    mismatches: (u: Awaited<ReturnType<typeof listMyTasks>>, f: Awaited<ReturnType<typeof myTasksFloor>>) => {
      const bucket = (d: string) => (d < c.today ? "overdue" : d === c.today ? "today" : "upcoming");
      return [
        ...diff(
          "my tasks: rows",
          f.map((r) => [r.id, r.version, r.status, r.dueDate, r.householdId, r.projectId, bucket(r.dueDate)]),
          u.tasks.map((t) => [t.id, t.version, t.status, t.dueDate, t.household.id, t.project.id, t.bucket]),
        ),
        ...diff(
          "my tasks: counts",
          ["overdue", "today", "upcoming"].map((b) => f.filter((r) => bucket(r.dueDate) === b).length),
          [u.counts.overdue, u.counts.today, u.counts.upcoming],
        ),
      ];
    },
    compared: (u: Awaited<ReturnType<typeof listMyTasks>>) =>
      `${u.tasks.length} tasks in order (id, version, status, due day, household, project, bucket) and the bucket counts ` +
      `(${u.counts.overdue} overdue, ${u.counts.today} today, ${u.counts.upcoming} upcoming)`,
  } satisfies Pair<Awaited<ReturnType<typeof listMyTasks>>, Awaited<ReturnType<typeof myTasksFloor>>>;
}

type CoverageView = Awaited<ReturnType<typeof import("../../lib/server/coverage/get-coverage.ts").getCoverage>>;

function coveragePair(
  c: Context,
  getCoverage: typeof import("../../lib/server/coverage/get-coverage.ts").getCoverage,
  reader: "project" | "group",
): Pair<CoverageView, CoverageFloorRow[]> {
  const groupId = reader === "group" ? c.group.id : null;
  const actor = reader === "group" ? c.leader : c.secretary;
  // The figures of one row, in one order: under a rule, within, due, due by bucket, queue.
  const figuresOf = (r: Omit<CoverageFloorRow, "groupId">) => [
    r.underRule,
    r.within,
    r.underRule - r.within,
    r.never,
    r.days1to7,
    r.days8to14,
    r.over14,
    r.dueWithoutTask,
  ];
  const ofView = (row: CoverageView["total"]) =>
    figuresOf({ underRule: row.underRule, within: row.within, ...row.dueBy, dueWithoutTask: row.dueWithoutTask }).concat(
      row.due === row.underRule - row.within ? [] : [NaN],
    );
  return {
    name:
      reader === "group"
        ? `coverage, one group (its leader; ${c.group.households} households)`
        : `coverage, whole project (secretary; ${c.project.households.toLocaleString("en-US")} households)`,
    useCase: () => getCoverage(actor, { projectId: c.project.id, ...(groupId ? { groupId } : {}) }),
    floor: () => coverageFloor(c.pool, c.project.id, c.today, groupId),
    mismatches: (u, f) => {
      const sum = f.reduce(
        (t, r) => figuresOf(r).map((x, i) => t[i]! + x),
        figuresOf({ underRule: 0, within: 0, never: 0, days1to7: 0, days8to14: 0, over14: 0, dueWithoutTask: 0 }),
      );
      const floorGroups = Object.fromEntries(f.map((r) => [r.groupId ?? "none", figuresOf(r)]));
      const viewGroups = Object.fromEntries(
        u.groups.filter((g) => g.underRule > 0 || (g.groupId ?? "none") in floorGroups).map((g) => [g.groupId ?? "none", ofView(g)]),
      );
      const sorted = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
      return [...diff("coverage: total", sum, ofView(u.total)), ...diff("coverage: groups", sorted(floorGroups), sorted(viewGroups))];
    },
    compared: (u) =>
      `the total and ${u.groups.length} group row(s) × under a rule, within, due, due by bucket, due without a task ` +
      `(total: ${u.total.underRule} under a rule, ${u.total.within} within, ${u.total.due} due, ${u.total.dueWithoutTask} without a task, coverage ${u.total.coverage}%)`,
  };
}

type BulkDraft = { householdId: string; assigneeId: string; kind: string; dueDate: string; priority: string; note: string };

/** The floor of bulk assignment: the same tasks and one audit event each, raw INSERTs in one
 *  transaction with the live notification, nothing read first. Returns the task ids. */
async function bulkFloor(pool: pg.Pool, actorId: string, projectId: string, drafts: BulkDraft[]): Promise<string[]> {
  const connection = await pool.connect();
  try {
    await connection.query("BEGIN");
    const { rows } = await connection.query<{ id: string; householdId: string; assigneeId: string }>(
      `INSERT INTO "Task" (id, "projectId", "householdId", "assigneeId", "assignedById", kind, "dueDate", priority, note, "updatedAt")
       SELECT uuidv7(), $1, u.h, u.a, $2, u.k::"TaskKind", u.d, u.p::"TaskPriority", u.n, now()
       FROM unnest($3::uuid[], $4::uuid[], $5::text[], $6::date[], $7::text[], $8::text[]) AS u(h, a, k, d, p, n)
       RETURNING id, "householdId", "assigneeId"`,
      [
        projectId,
        actorId,
        drafts.map((d) => d.householdId),
        drafts.map((d) => d.assigneeId),
        drafts.map((d) => d.kind),
        drafts.map((d) => d.dueDate),
        drafts.map((d) => d.priority),
        drafts.map((d) => d.note),
      ],
    );
    await connection.query(
      `INSERT INTO "AuditEvent" ("actorId", action, entity, "entityId", "projectId", after)
       SELECT $1, 'create:task', 'task', u.id, $2, jsonb_build_object('householdId', u.h, 'assigneeId', u.a)
       FROM unnest($3::text[], $4::text[], $5::text[]) AS u(id, h, a)`,
      [actorId, projectId, rows.map((r) => r.id), rows.map((r) => r.householdId), rows.map((r) => r.assigneeId)],
    );
    await connection.query(`SELECT pg_notify('lianxin_progress', $1)`, [
      JSON.stringify({ projectId, kind: "task", at: new Date().toISOString() }),
    ]);
    await connection.query("COMMIT");
    return rows.map((r) => r.id);
  } catch (error) {
    await connection.query("ROLLBACK");
    throw error;
  } finally {
    connection.release();
  }
}

/** Removes a run's tasks, so the next run starts from the same tasks. (Their audit events stay:
 *  the trail is append-only, a trigger refuses to delete from it.) */
async function deleteTasks(pool: pg.Pool, ids: string[]): Promise<void> {
  await pool.query(`DELETE FROM "Task" WHERE id = ANY($1::uuid[])`, [ids]);
}

async function benchBulk(c: Context, print: (line?: string) => void) {
  const { bulkCreateTasks, previewBulkTasks } = await import("../../lib/server/tasks/bulk-create-tasks.ts");
  const { addDays } = await import("../../lib/domain/progress.ts");
  // The secretary spreads the tasks over 20 of the project's group members, of the task kind the
  // project has fewest open tasks of; the filter "not visited in N days", N chosen (not timed)
  // so that it creates about BULK tasks.
  const members = await c.client.workingGroupMember.findMany({
    where: { group: { projectId: c.project.id } },
    select: { userId: true },
    distinct: ["userId"],
    orderBy: { userId: "asc" },
    take: 20,
  });
  const [{ kind }] = (await c.client.$queryRawUnsafe<{ kind: string }[]>(
    `SELECT k::text AS kind FROM unnest(enum_range(NULL::"TaskKind")) AS k
     ORDER BY (SELECT count(*) FROM "Task" t WHERE t."projectId" = $1::uuid AND t.kind = k AND t.status IN ('OPEN', 'IN_PROGRESS')), 1 LIMIT 1`,
    c.project.id,
  )) as [{ kind: string }];
  // Tasks a run of this benchmark left behind (stopped half-way) would skew the next.
  await c.pool.query(`DELETE FROM "Task" WHERE "projectId" = $1 AND note LIKE 'BENCH-BULK-%'`, [c.project.id]);
  const input = (filter: string, note: string) => ({
    projectId: c.project.id,
    mode: "filter",
    filter,
    kind,
    dueDate: addDays(c.today, 7),
    priority: "NORMAL",
    note,
    spread: "spread",
    memberIds: members.map((m) => m.userId),
  });
  // "Not visited in N days", alone or with one more condition: the filter closest above BULK.
  let best: { filter: string; willCreate: number } | null = null;
  for (const extra of ["", "&signed=no", "&eligible=1&hardship=1"]) {
    let lo = 1;
    let hi = 365;
    while (lo < hi) {
      const mid = Math.floor((lo + hi + 1) / 2);
      const { willCreate } = await previewBulkTasks(c.secretary, input(`notVisitedDays=${mid}${extra}`, "preview"));
      if (willCreate >= BULK) lo = mid;
      else hi = mid - 1;
    }
    const filter = `notVisitedDays=${lo}${extra}`;
    const { willCreate } = await previewBulkTasks(c.secretary, input(filter, "preview"));
    if (willCreate >= BULK && (!best || willCreate < best.willCreate)) best = { filter, willCreate };
  }
  if (!best) throw new Error(`no filter of ${c.project.code} gives ${BULK} tasks`);
  const filter = best.filter;
  const previewMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    await previewBulkTasks(c.secretary, input(filter, "preview"));
    previewMs.push(performance.now() - t0);
  }
  const preview = await previewBulkTasks(c.secretary, input(filter, "preview"));

  const stamp = Date.now().toString(36).toUpperCase();
  const useCase: number[] = [];
  const floor: number[] = [];
  let created = 0;
  let audits = 0;
  for (let run = 0; run < BULK_RUNS; run++) {
    const note = `BENCH-BULK-${stamp}-${run}`;
    let t0 = performance.now();
    const result = await bulkCreateTasks(c.secretary, input(filter, note));
    useCase.push(performance.now() - t0);
    created = result.created;
    const tasks = await c.client.task.findMany({
      where: { projectId: c.project.id, note },
      select: { id: true, householdId: true, assigneeId: true },
      orderBy: { id: "asc" },
    });
    audits = await c.client.auditEvent.count({
      where: { entity: "task", action: "create:task", entityId: { in: tasks.map((t) => t.id) } },
    });
    await deleteTasks(
      c.pool,
      tasks.map((t) => t.id),
    );
    const drafts = tasks.map((t) => ({ ...t, kind, dueDate: addDays(c.today, 7), priority: "NORMAL", note: `${note}-floor` }));
    t0 = performance.now();
    const ids = await bulkFloor(c.pool, c.secretary.userId, c.project.id, drafts);
    floor.push(performance.now() - t0);
    await deleteTasks(c.pool, ids);
  }
  print(
    `#### Bulk assignment (${BULK_RUNS} runs; each run's tasks deleted after it, the floor's too; the audit events stay, the trail is append-only)`,
  );
  print();
  print(
    `The secretary of ${c.project.code}, filter \`${filter}\` (${preview.willCreate + preview.skippedOpen + preview.skippedIneligible} households: ` +
      `${preview.willCreate} get a task, ${preview.skippedOpen} skipped with an open ${kind} task, ${preview.skippedIneligible} excluded or moved out), ` +
      `kind ${kind}, spread over ${members.length} members; last run: ${created} tasks created, ${audits} create:task audit events.`,
  );
  print();
  print(`| write | run times | median | target |`);
  print(`| --- | --- | ---: | --- |`);
  const median = (xs: number[]) => percentile(xs, 50);
  print(
    `| bulkCreateTasks, ${created.toLocaleString("en-US")} tasks + audit events | ${useCase.map((x) => `${ms(x)} ms`).join(", ")} | ${ms(median(useCase))} ms | ≤ 2 s: ${Math.max(...useCase) <= 2000 ? "met" : "**missed**"} |`,
  );
  print(
    `| raw INSERT floor, same tasks + audit events, one transaction | ${floor.map((x) => `${ms(x)} ms`).join(", ")} | ${ms(median(floor))} ms | — |`,
  );
  print(
    `| for comparison: previewBulkTasks, the same request's reads without the writes (5 runs) | ${previewMs.map((x) => `${ms(x)} ms`).join(", ")} | ${ms(median(previewMs))} ms | — |`,
  );
  print();
}

type Caseload = Awaited<ReturnType<typeof import("../../lib/server/tasks/get-caseload.ts").getCaseload>>;

function caseloadPair(
  c: Context,
  getCaseload: typeof import("../../lib/server/tasks/get-caseload.ts").getCaseload,
  reader: "secretary" | "leader",
): Pair<Caseload, CaseloadFloorRow[]> {
  const actor = reader === "leader" ? c.leader : c.secretary;
  const groups = reader === "leader" ? c.leader.ledGroups.filter((g) => g.projectId === c.project.id).map((g) => g.groupId) : null;
  const rowsOf = (rows: CaseloadFloorRow[]) =>
    rows
      .map((r) => [r.userId, r.name, r.open, r.dueToday, r.overdue, r.doneLast7Days])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return {
    name: reader === "leader" ? "caseload, one group's leader" : "caseload, the project's secretary",
    useCase: () => getCaseload(actor, { projectId: c.project.id }),
    floor: () => caseloadFloor(c.pool, c.project.id, c.today, groups),
    mismatches: (u, f) => diff(`caseload (${reader}): rows`, rowsOf(f), rowsOf(u.rows)),
    compared: (u) => {
      const sum = (k: "open" | "dueToday" | "overdue" | "doneLast7Days") => u.rows.reduce((t, r) => t + r[k], 0);
      return `${u.rows.length} people × open, due today, overdue, done in 7 days (together ${sum("open")}, ${sum("dueToday")}, ${sum("overdue")}, ${sum("doneLast7Days")})`;
    },
  };
}

async function main() {
  process.env.LIANXIN_FIGURE_CACHE = "off";
  const { districtDatabase, generateDistrict, districtReport, machineLine } = await import("./generate-district.ts");
  const { postgres, client, pgVersion, dir } = await districtDatabase({ keep: values.keep });
  const pool = new pg.Pool({ connectionString: postgres.url, max: 10 });
  const out: string[] = [];
  const print = (line = "") => {
    out.push(line);
    console.log(line);
  };
  try {
    const command = `npm run bench:field-work${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
    print(`### Field work at district scale`);
    print();
    print(
      `Machine: ${machineLine()}; Postgres ${pgVersion} (embedded, fsync off). Date: ${new Date().toISOString().slice(0, 10)}. Command: \`${command}\`.`,
    );
    print();
    if ((await client.project.count()) === 0) {
      const scale = {
        projects: Number(values.projects),
        households: Number(values.households),
        visits: Number(values.visits),
        largestProject: Number(values.largest),
      };
      const generated = await generateDistrict(client, scale, { log: (line) => console.error(line) });
      print(`#### Generation`);
      print();
      print(districtReport(generated, pgVersion, command).split("\n").slice(2).join("\n"));
      print();
    } else {
      print(`(Reusing the district already generated in ${dir}.)`);
      print();
    }

    const { calendarDayOf } = await import("../../lib/domain/calendar-day.ts");
    const today = calendarDayOf(new Date(), TZ);
    const counts = {
      projects: await client.project.count(),
      households: await client.household.count(),
      visitLogs: await client.visitLog.count(),
      tasks: await client.task.count(),
      openTasks: await client.task.count({ where: { status: { in: ["OPEN", "IN_PROGRESS"] } } }),
    };
    const big = await client.project.findFirstOrThrow({ orderBy: { households: { _count: "desc" } }, select: { id: true, code: true } });
    const project = { ...big, households: await client.household.count({ where: { projectId: big.id } }) };

    // Who is measured: the project's member with the most open tasks, its secretary, the leader
    // of its signing group with the most households, and that group.
    const [busiest] = await client.$queryRawUnsafe<{ assigneeId: string; n: number }[]>(
      `SELECT "assigneeId", count(*)::int AS n FROM "Task" WHERE "projectId" = $1::uuid AND status IN ('OPEN', 'IN_PROGRESS')
       GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`,
      project.id,
    );
    const secretaryRow = await client.projectMembership.findFirstOrThrow({
      where: { projectId: project.id, role: "SECRETARY" },
      select: { userId: true },
    });
    const [groupRow] = await client.$queryRawUnsafe<{ id: string; name: string; households: number }[]>(
      `SELECT g.id::text, g.name, count(h.id)::int AS households FROM "WorkingGroup" g JOIN "Household" h ON h."signingGroupId" = g.id
       WHERE g."projectId" = $1::uuid AND g.kind = 'SIGNING' GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1`,
      project.id,
    );
    const leaderRow = await client.workingGroupMember.findFirstOrThrow({
      where: { groupId: groupRow!.id, role: "LEADER" },
      select: { userId: true },
    });
    const c: Context = {
      pool,
      client,
      project,
      member: (await loadActor(client, busiest!.assigneeId))!,
      memberOpenTasks: busiest!.n,
      secretary: (await loadActor(client, secretaryRow.userId))!,
      leader: (await loadActor(client, leaderRow.userId))!,
      group: groupRow!,
      today,
    };
    print(
      `Data: ${counts.projects} projects, ${counts.households.toLocaleString("en-US")} households, ${counts.visitLogs.toLocaleString("en-US")} visit logs, ` +
        `${counts.tasks.toLocaleString("en-US")} tasks (${counts.openTasks.toLocaleString("en-US")} open); measured on ${project.code} ` +
        `(${project.households.toLocaleString("en-US")} households), its group ${c.group.name} (${c.group.households} households). ` +
        `Load average before: ${(await import("node:os"))
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(" / ")}.`,
    );
    print();

    // 1. Reads beside their floors.
    const { listMyTasks } = await import("../../lib/server/visits/list-my-tasks.ts");
    const { getCoverage } = await import("../../lib/server/coverage/get-coverage.ts");
    const { getCaseload } = await import("../../lib/server/tasks/get-caseload.ts");
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- pairs of different answer types in one list
    const pairs: Pair<any, any>[] = [
      myTasksPair(c, listMyTasks),
      caseloadPair(c, getCaseload, "secretary"),
      caseloadPair(c, getCaseload, "leader"),
      coveragePair(c, getCoverage, "project"),
      coveragePair(c, getCoverage, "group"),
    ];

    print(`#### Reads beside a raw-SQL floor (${RUNS} runs each after 3 warm-up runs, use case and floor interleaved, one call at a time)`);
    print();
    print(
      `| read | use case p50 | use case p95 | floor p50 | floor p95 | p50 ratio | target (≤ 1.5× floor or floor + 1 ms) | mismatches |`,
    );
    print(`| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: |`);
    const mismatchLines: string[] = [];
    const comparedLines: string[] = [];
    for (const pair of pairs) {
      const r = await measurePair(pair, RUNS);
      const u50 = percentile(r.useCase, 50);
      const f50 = percentile(r.floor, 50);
      const ok = u50 <= Math.max(1.5 * f50, f50 + 1);
      print(
        `| ${pair.name} | ${ms(u50)} ms | ${ms(percentile(r.useCase, 95))} ms | ${ms(f50)} ms | ${ms(percentile(r.floor, 95))} ms | ${(u50 / f50).toFixed(2)}× | ${ok ? "met" : "**missed**"} | ${r.mismatches.length} |`,
      );
      mismatchLines.push(...r.mismatches);
      comparedLines.push(`${pair.name}: ${r.compared}`);
    }
    print();
    print(`Compared, use case against floor:`);
    print();
    for (const line of comparedLines) print(`- ${line}`);
    print();
    for (const line of mismatchLines.slice(0, 20)) print(`- ${line}`);
    if (mismatchLines.length) print();

    // 2. Bulk assignment.
    await benchBulk(c, print);

    print(
      `Load average after: ${(await import("node:os"))
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(" / ")}.`,
    );
  } finally {
    await pool.end();
    await client.$disconnect();
    await postgres.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
