// `npm run bench:dashboard`: the dashboards at district scale (scripts/bench/generate-district.ts:
// 50 projects, 100,000 households, 1,000,000 visit logs).
//  1. Data queries: getDistrictOverview and getProjectDashboard (the 5,000-household project),
//     each beside a raw-SQL floor — hand-written minimal SQL for the same figures through a plain
//     `pg` pool, no ORM and no figure arithmetic — p50/p95 over N runs. Target: within 1.5× of the
//     floor or +1 ms.
//  2. The pages over HTTP: the real portal (scripts/start.ts, production build) on 127.0.0.1,
//     signed in through the real login, requested on a fixed schedule of R requests/s for D
//     seconds while signings are recorded at 5/s through the real use case (recordSigning, in a
//     process of its own from the warm-up on: scripts/bench/sign-at-pace.ts);
//     server response p95 and the error count (expected: zero). Before the load, each page alone
//     beside the framework floor (the smallest signed-in page, /account/password), as a ratio.
//     With `--visits-per-second N`, visits are logged at N/s through the real use case too
//     (logVisit, as each task's member, closing the task: scripts/bench/log-visits-at-pace.ts),
//     beside the signings; their latencies and errors are reported with each run.
//  3. Exactness: scripts/lib/recompute-figures.ts recomputes every figure with plain COUNTs and
//     compares them with what the dashboards return (the league's visits in 7 days and overdue
//     tasks included); through the figure cache after signings and, with
//     `--visits-per-second`, visits too.
//
//   npm run bench:dashboard                                   # full scale, generated first
//   npm run bench:dashboard -- --keep /tmp/district           # keep (or reuse) the generated data
//   npm run bench:dashboard -- --households 20000 --visits 200000 --projects 10 --largest 5000
//   npm run bench:dashboard -- --runs 50 --rate 30 --seconds 30      # one offered load (default 30,10,3)
//   npm run bench:dashboard -- --warmup 0                                   # measure a cold portal
//   npm run bench:dashboard -- --visits-per-second 20 --rate 30 --seconds 60   # visits logged as well
import "../lib/outside-next.ts";

import { fork, spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import pg from "pg";
import { loadActor } from "../../lib/auth/load-actor.ts";
import { offerLoad, percentile } from "../lib/open-loop.ts";
import { signIn, waitForServer } from "../lib/portal-http.ts";
import type { VisitReport } from "./log-visits-at-pace.ts";
import type { SigningReport } from "./sign-at-pace.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** The smallest signed-in page, measured beside the others as the framework's floor. */
const FLOOR_PATH = "/account/password";

const { values } = parseArgs({
  options: {
    projects: { type: "string", default: "50" },
    households: { type: "string", default: "100000" },
    visits: { type: "string", default: "1000000" },
    largest: { type: "string", default: "5000" },
    keep: { type: "string" },
    runs: { type: "string", default: "30" },
    rate: { type: "string", default: "30,10,3" },
    seconds: { type: "string", default: "30" },
    /** Seconds of the first rate before measuring: V8 was still speeding the portal up after
     *  20 s (docs/benchmarks.md, "Node 24, and a load generator that costs less"). */
    warmup: { type: "string", default: "60" },
    "signings-per-second": { type: "string", default: "5" },
    /** Visits per second through logVisit beside the signings; 0 = none. (`--visits` is the
     *  district's number of generated visit logs.) */
    "visits-per-second": { type: "string", default: "0" },
    port: { type: "string", default: "3261" },
    "skip-http": { type: "boolean", default: false },
    "skip-exactness": { type: "boolean", default: false },
    /** After the runs: this many requests/s for 10 s, then the first rate for 20 s, to see the
     *  excess refused at once and how soon the portal serves normally again; 0 = none. */
    burst: { type: "string", default: "0" },
  },
});

const RUNS = Number(values.runs);
/** Offered loads, requests/s, run one after the other on the same server. */
const RATES = values.rate.split(",").map(Number);
const SECONDS = Number(values.seconds);
const SIGNINGS_PER_SECOND = Number(values["signings-per-second"]);
const VISITS_PER_SECOND = Number(values["visits-per-second"]);

const ms = (x: number) => x.toFixed(1);

async function timeRuns(runs: number, work: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await work(); // warm-up: plans cached, pool connected
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await work();
    samples.push(performance.now() - t0);
  }
  return samples;
}

// ─── Raw-SQL floors: the same figures, minimal hand-written SQL, run in parallel like the use cases ───

const TZ = "Asia/Shanghai";

async function overviewFloor(pool: pg.Pool): Promise<unknown> {
  return Promise.all([
    pool.query(`SELECT id, code, name, kind, phase, district, street, "signingStart", "signingEnd", "signingThreshold", "firstRoundThreshold",
                       "agreementsEffectiveAt", "signingFailedAt" FROM "Project"`),
    pool.query(`SELECT h."projectId", count(*)::int, count(s.id)::int,
                       count(*) FILTER (WHERE h."movedOutAt" IS NOT NULL)::int, count(*) FILTER (WHERE h."firstRoundVote" = 'AGREE')::int
                FROM "Household" h LEFT JOIN "Signing" s ON s."householdId" = h.id WHERE NOT h."isExcluded" GROUP BY 1`),
    pool.query(
      `SELECT s."projectId", ((s."signedAt" AT TIME ZONE 'UTC') AT TIME ZONE $1)::date AS day, count(*)::int
       FROM "Signing" s JOIN "Household" h ON h.id = s."householdId" WHERE NOT h."isExcluded" GROUP BY 1, 2`,
      [TZ],
    ),
  ]);
}

async function dashboardFloor(pool: pg.Pool, projectId: string, since: Date, today: string): Promise<unknown> {
  return Promise.all([
    pool.query(`SELECT * FROM "Project" WHERE id = $1`, [projectId]),
    // Counts per group and per state in one scan of the project's households.
    pool.query(
      `SELECT h."signingGroupId",
              count(*) FILTER (WHERE NOT h."isExcluded")::int AS eligible,
              count(s.id) FILTER (WHERE NOT h."isExcluded")::int AS signed,
              count(*) FILTER (WHERE NOT h."isExcluded" AND h."movedOutAt" IS NOT NULL)::int,
              count(*) FILTER (WHERE NOT h."isExcluded" AND h."firstRoundVote" = 'AGREE')::int,
              count(*) FILTER (WHERE NOT h."isExcluded" AND h."isPartyMemberHousehold")::int,
              count(*) FILTER (WHERE h."isExcluded")::int AS excluded,
              count(*) FILTER (WHERE NOT h."isExcluded" AND h."handedOverAt" IS NOT NULL)::int AS handed_over,
              count(*) FILTER (WHERE NOT h."isExcluded" AND h."handedOverAt" IS NULL AND h."movedOutAt" IS NOT NULL)::int AS moved_out,
              count(*) FILTER (WHERE NOT h."isExcluded" AND h."handedOverAt" IS NULL AND h."movedOutAt" IS NULL AND s.id IS NOT NULL)::int AS signed_state,
              count(*) FILTER (WHERE NOT h."isExcluded" AND h."handedOverAt" IS NULL AND h."movedOutAt" IS NULL AND s.id IS NULL AND h."firstRoundVote" = 'AGREE')::int AS agreed_state,
              count(*) FILTER (WHERE NOT h."isExcluded" AND h."handedOverAt" IS NULL AND h."movedOutAt" IS NULL AND s.id IS NULL
                                AND h."firstRoundVote" IS DISTINCT FROM 'AGREE' AND EXISTS (SELECT 1 FROM "VisitLog" v WHERE v."householdId" = h.id))::int AS visited
       FROM "Household" h LEFT JOIN "Signing" s ON s."householdId" = h.id AND s."projectId" = $1 WHERE h."projectId" = $1 GROUP BY 1`,
      [projectId],
    ),
    pool.query(
      `SELECT ((s."signedAt" AT TIME ZONE 'UTC') AT TIME ZONE $2)::date, h."isPartyMemberHousehold", count(*)::int
       FROM "Signing" s JOIN "Household" h ON h.id = s."householdId" AND h."projectId" = $1 WHERE s."projectId" = $1 AND NOT h."isExcluded" GROUP BY 1, 2`,
      [projectId, TZ],
    ),
    pool.query(
      `SELECT h."signingGroupId", count(*)::int FROM "VisitLog" v JOIN "Household" h ON h.id = v."householdId" AND h."projectId" = $1
       WHERE v."projectId" = $1 AND v."visitedAt" >= $2 GROUP BY 1`,
      [projectId, since],
    ),
    pool.query(
      `SELECT h."signingGroupId", count(*)::int FROM "Task" t JOIN "Household" h ON h.id = t."householdId" AND h."projectId" = $1
       WHERE t."projectId" = $1 AND t.status IN ('OPEN', 'IN_PROGRESS') AND t."dueDate" < $2::date GROUP BY 1`,
      [projectId, today],
    ),
    pool.query(`SELECT id, name FROM "WorkingGroup" WHERE "projectId" = $1 AND kind = 'SIGNING'`, [projectId]),
  ]);
}

// ─── HTTP ───

/**
 * A burst at `burstRate` for 10 s, then `rate` from the moment the burst's last request left, for
 * 20 s. Prints whether every request of the burst was answered (served or refused) within 5 s,
 * and, per second after it, what was served and refused, and when the portal was back to serving
 * every request within 300 ms.
 */
async function burstRun(
  base: string,
  cookie: string,
  paths: string[],
  burstRate: number,
  rate: number,
  print: (line?: string) => void,
  bigId: string,
): Promise<void> {
  const BURST_S = 10;
  const AFTER_S = 20;
  const burst = offerLoad(base, cookie, paths, burstRate, BURST_S);
  await new Promise((r) => setTimeout(r, BURST_S * 1000));
  const after = offerLoad(base, cookie, paths, rate, AFTER_S);
  const [b, a] = await Promise.all([burst, after]);
  const all = (r: Awaited<typeof burst>) => [...r.results.values()];
  const served = (r: Awaited<typeof burst>) => all(r).reduce((n, x) => n + x.latencies.length, 0);
  const refused = (r: Awaited<typeof burst>) => all(r).reduce((n, x) => n + x.refused.length, 0);
  const failed = (r: Awaited<typeof burst>) => all(r).reduce((n, x) => n + x.errors, 0);
  const failureKinds = (r: Awaited<typeof burst>) => {
    const kinds = all(r).flatMap((x) => [...x.kinds].map(([kind, n]) => `${n} × ${kind}`));
    return kinds.length > 0 ? ` (${kinds.join(", ")})` : "";
  };
  const slowest = Math.max(0, ...all(b).flatMap((x) => [...x.latencies, ...x.refused]));
  print();
  print(`#### A burst: ${burstRate} requests/s for ${BURST_S} s, then ${rate} requests/s for ${AFTER_S} s`);
  print();
  print(
    `Burst: ${served(b) + refused(b) + failed(b)} requests, ${served(b)} served, ${refused(b)} refused (503), ${failed(b)} failed${failureKinds(b)}; ` +
      `the slowest answer took ${ms(slowest)} ms — ${slowest <= 5000 && failed(b) === 0 ? "every request answered within 5 s" : "**not every request answered within 5 s**"}.`,
  );
  print();
  const seconds = Array.from({ length: AFTER_S }, (_, i) => a.timeline.filter((x) => x.sentAt >= i * 1000 && x.sentAt < (i + 1) * 1000));
  const healthy = (xs: typeof a.timeline) => {
    const ok = xs.filter((x) => x.status === 200).map((x) => x.ms);
    return ok.length === xs.length && ok.length > 0 && percentile(ok, 95) <= 300;
  };
  let backAt = seconds.length;
  while (backAt > 0 && healthy(seconds[backAt - 1]!)) backAt--;
  print(`| second after the burst | sent | served | refused (503) | p50 served | p95 served |`);
  print(`| ---: | ---: | ---: | ---: | ---: | ---: |`);
  seconds.forEach((xs, i) => {
    const ok = xs.filter((x) => x.status === 200).map((x) => x.ms);
    print(
      `| ${i}–${i + 1} s | ${xs.length} | ${ok.length} | ${xs.filter((x) => x.status === 503).length} | ${ok.length ? ms(percentile(ok, 50)) : "—"} ms | ${ok.length ? ms(percentile(ok, 95)) : "—"} ms |`,
    );
  });
  print();
  print(
    backAt < seconds.length
      ? `Back to serving every request (p95 ≤ 300 ms, none refused) from ${backAt} s after the burst on${backAt <= 5 ? " — within 5 s" : " — **later than 5 s**"}. Pages: ${paths.map((p) => `\`${p.replace(bigId, "<id>")}\``).join(", ")}.`
      : `**Not back to serving every request within the ${AFTER_S} s after the burst.**`,
  );
  print();
}

type Writer<TReport> = { report(): Promise<TReport>; stop(): Promise<void> };
type SigningWriter = Writer<SigningReport>;

/** Forks scripts/bench/sign-at-pace.ts and waits until it has found its households. */
function startSigningWriter(projectId: string, perSecond: number): Promise<SigningWriter> {
  return startWriter<SigningReport>("scripts/bench/sign-at-pace.ts", "the signing writer", projectId, perSecond);
}

/** Forks scripts/bench/log-visits-at-pace.ts and waits until it has found its tasks. */
function startVisitWriter(projectId: string, perSecond: number): Promise<Writer<VisitReport>> {
  return startWriter<VisitReport>("scripts/bench/log-visits-at-pace.ts", "the visit writer", projectId, perSecond);
}

async function startWriter<TReport>(script: string, name: string, projectId: string, perSecond: number): Promise<Writer<TReport>> {
  const child = fork(join(ROOT, script), [projectId, String(perSecond)], {
    cwd: ROOT,
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.once("message", () => resolve());
    child.once("exit", (code) => reject(new Error(`${name} exited (${code}) before it started`)));
  });
  return {
    report: () =>
      new Promise((resolve) => {
        child.once("message", (message) => resolve(message as TReport));
        child.send("report");
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send("stop");
      await exited;
    },
  };
}

type LoadResult = {
  path: string;
  count: number;
  refused: number;
  errors: number;
  kinds: string;
  p50: number;
  p95: number;
  max: number;
  /** The slowest answer of any kind, served or refused. */
  slowest: number;
};

async function main() {
  // The data queries are timed without the figure cache (lib/server/figures/internal/figure-cache.ts);
  // the portal runs with it, and the exactness check runs both ways.
  process.env.LIANXIN_FIGURE_CACHE = "off";
  const { districtDatabase, generateDistrict, districtReport, BENCH_OFFICIAL, machineLine } = await import("./generate-district.ts");
  const { postgres, client, pgVersion, dir } = await districtDatabase({ keep: values.keep });
  const out: string[] = [];
  const print = (line = "") => {
    out.push(line);
    console.log(line);
  };
  let server: ChildProcess | null = null;
  let writer: SigningWriter | null = null;
  let visitWriter: Writer<VisitReport> | null = null;
  let portalDir: string | null = null;
  const pool = new pg.Pool({ connectionString: postgres.url, max: 10 });
  try {
    const command = `npm run bench:dashboard${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
    print(`### Dashboards at district scale`);
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

    const { getDistrictOverview } = await import("../../lib/server/dashboard/get-district-overview.ts");
    const { getProjectDashboard } = await import("../../lib/server/dashboard/get-project-dashboard.ts");
    const { calendarDayOf, instantFromWallClock } = await import("../../lib/domain/calendar-day.ts");
    const { addDays } = await import("../../lib/domain/progress.ts");

    const officialUser = await client.user.findUniqueOrThrow({ where: { phone: BENCH_OFFICIAL.phone }, select: { id: true } });
    const official = (await loadActor(client, officialUser.id))!;
    const big = await client.project.findFirstOrThrow({ orderBy: { households: { _count: "desc" } }, select: { id: true, code: true } });
    const bigHouseholds = await client.household.count({ where: { projectId: big.id } });
    const counts = {
      projects: await client.project.count(),
      households: await client.household.count(),
      visitLogs: await client.visitLog.count(),
    };
    print(
      `Data: ${counts.projects} projects, ${counts.households.toLocaleString("en-US")} households, ${counts.visitLogs.toLocaleString("en-US")} visit logs; dashboard of ${big.code} (${bigHouseholds.toLocaleString("en-US")} households).`,
    );
    print();

    // 1. Data queries beside their floors.
    const now = new Date();
    const today = calendarDayOf(now, TZ);
    const since = instantFromWallClock(`${addDays(today, -6)}T00:00`, TZ)!;
    const rows: [string, number[], number[]][] = [];
    rows.push([
      `district overview (${counts.projects} projects)`,
      await timeRuns(RUNS, () => getDistrictOverview(official, {})),
      await timeRuns(RUNS, () => overviewFloor(pool)),
    ]);
    rows.push([
      `project dashboard (${bigHouseholds.toLocaleString("en-US")} households)`,
      await timeRuns(RUNS, () => getProjectDashboard(official, { projectId: big.id })),
      await timeRuns(RUNS, () => dashboardFloor(pool, big.id, since, today)),
    ]);
    print(`#### Data queries (${RUNS} runs after 3 warm-up runs, one at a time)`);
    print();
    print(`| query | use case p50 | use case p95 | raw-SQL floor p50 | floor p95 | p50 ratio | target (≤ 1.5× floor or floor + 1 ms) |`);
    print(`| --- | ---: | ---: | ---: | ---: | ---: | --- |`);
    for (const [name, useCase, floor] of rows) {
      const u50 = percentile(useCase, 50);
      const f50 = percentile(floor, 50);
      const ok = u50 <= Math.max(1.5 * f50, f50 + 1);
      print(
        `| ${name} | ${ms(u50)} ms | ${ms(percentile(useCase, 95))} ms | ${ms(f50)} ms | ${ms(percentile(floor, 95))} ms | ${(u50 / f50).toFixed(2)}× | ${ok ? "met" : "**missed**"} |`,
      );
    }
    print();

    // 2. Pages over HTTP under load while signings are written.
    if (!values["skip-http"]) {
      const port = Number(values.port);
      const base = `http://127.0.0.1:${port}`;
      const dataDir = mkdtempSync(join(tmpdir(), "lianxin-bench-portal-"));
      portalDir = dataDir;
      server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
        cwd: ROOT,
        env: {
          ...process.env,
          DATABASE_URL: postgres.url,
          PORT: String(port),
          LIANXIN_DATA_DIR: dataDir,
          LIANXIN_DIST_DIR: process.env.LIANXIN_DIST_DIR ?? ".next-live",
          LIANXIN_FIGURE_CACHE: "on",
        },
        stdio: ["ignore", "ignore", "inherit"],
      });
      await waitForServer(base, server, 600_000);
      const { cookie } = await signIn(base, BENCH_OFFICIAL.phone, BENCH_OFFICIAL.password);
      const paths = [`/projects/${big.id}/dashboard`, `/overview`, `/projects/${big.id}`];
      const available: string[] = [];
      for (const path of paths) {
        const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
        await response.arrayBuffer();
        if (response.status === 200) available.push(path);
        else print(`(${path} answered ${response.status} before the run; left out.)`);
      }

      // Service time of each page alone: sequential requests, nothing else offered, each page's
      // request followed by one of the framework floor — the smallest signed-in page, the change
      // of password: the same session check, layout and header, one form, no figures — so a
      // page's cost reads as a ratio to it, whatever the machine's speed that minute.
      const get = async (path: string) => {
        const t0 = performance.now();
        const response = await fetch(`${base}${path}`, { headers: { cookie }, redirect: "manual" });
        const body = await response.arrayBuffer();
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        return { ms: performance.now() - t0, bytes: body.byteLength };
      };
      print();
      print(
        `#### Pages one at a time (20 sequential requests each after 3 warm-up requests, no other load), each beside the floor \`${FLOOR_PATH}\``,
      );
      print();
      print(`| page | p50 | p95 | floor p50 | p50 ratio to the floor | page size (uncompressed) | floor size |`);
      print(`| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
      for (const path of available) {
        for (let i = 0; i < 3; i++) {
          await get(path);
          await get(FLOOR_PATH);
        }
        const page: number[] = [];
        const floor: number[] = [];
        const sizes = { page: 0, floor: 0 };
        for (let i = 0; i < 20; i++) {
          // Alternate which goes first, so neither always follows the other.
          const first = await get(i % 2 === 0 ? path : FLOOR_PATH);
          const second = await get(i % 2 === 0 ? FLOOR_PATH : path);
          const [p, f] = i % 2 === 0 ? [first, second] : [second, first];
          page.push(p.ms);
          floor.push(f.ms);
          sizes.page = p.bytes;
          sizes.floor = f.bytes;
        }
        const p50 = percentile(page, 50);
        const f50 = percentile(floor, 50);
        print(
          `| \`${path.replace(big.id, "<id>")}\` | ${ms(p50)} ms | ${ms(percentile(page, 95))} ms | ${ms(f50)} ms | ${(p50 / f50).toFixed(2)}× | ${(sizes.page / 1024).toFixed(0)} KB | ${(sizes.floor / 1024).toFixed(0)} KB |`,
        );
      }

      // Signings at a fixed pace through the real use case, as the project's secretary, from the
      // warm-up to the end: in a process of its own, so the writer's work cannot stall this
      // process's clock or delay reading the answers (scripts/bench/sign-at-pace.ts).
      writer = SIGNINGS_PER_SECOND > 0 ? await startSigningWriter(big.id, SIGNINGS_PER_SECOND) : null;
      // Visits likewise, as the members of the tasks they answer (scripts/bench/log-visits-at-pace.ts).
      visitWriter = VISITS_PER_SECOND > 0 ? await startVisitWriter(big.id, VISITS_PER_SECOND) : null;

      // A portal serving all day has its code optimised by V8 in every server process; a fresh
      // one runs slower until then. Warm it with WARMUP seconds of the first offered load,
      // signings flowing, before measuring, as the pages under load are meant to show a running
      // portal. (A warm-up of back-to-back requests instead left the first measured seconds to
      // absorb the switch to the fixed schedule: a few seconds' queue in some runs.)
      const warmup = await offerLoad(base, cookie, available, RATES[0] ?? 30, Number(values.warmup));
      const warmupErrors = [...warmup.results.values()].reduce((sum, r) => sum + r.errors, 0);
      print();
      print(
        `(Warm-up before the runs below: ${RATES[0] ?? 30} requests/s for ${values.warmup} s, signings${visitWriter ? " and visits" : ""} written meanwhile, not counted; ${warmupErrors} errors.)`,
      );

      for (const rate of RATES) {
        await writer?.report(); // starts this run's count
        await visitWriter?.report();
        // The load generator's own event loop, watched: if it lagged, its clock and its reading
        // of the answers did too, and the figures below would be the generator's, not the portal's.
        const generatorDelay = monitorEventLoopDelay({ resolution: 10 });
        generatorDelay.enable();

        const { results, timeline, elapsed } = await offerLoad(base, cookie, available, rate, SECONDS);
        generatorDelay.disable();
        const signing: SigningReport = (await writer?.report()) ?? { signed: 0, failed: 0, left: 0, latencies: [] };
        const visiting = (await visitWriter?.report()) ?? null;
        const load: LoadResult[] = [...results].map(([path, r]) => ({
          path,
          count: r.latencies.length + r.refused.length + r.errors,
          refused: r.refused.length,
          errors: r.errors,
          kinds: [...r.kinds].map(([kind, n]) => `${n} × ${kind}`).join(", "),
          p50: r.latencies.length ? percentile(r.latencies, 50) : NaN,
          p95: r.latencies.length ? percentile(r.latencies, 95) : NaN,
          max: r.latencies.length ? Math.max(...r.latencies) : NaN,
          slowest: Math.max(0, ...r.latencies, ...r.refused),
        }));
        print();
        print(
          `#### Pages under load (${rate} requests/s for ${SECONDS} s, spread over the pages, to 127.0.0.1; signings at ${SIGNINGS_PER_SECOND}/s through recordSigning${visitWriter ? ` and visits at ${VISITS_PER_SECOND}/s through logVisit` : ""} meanwhile)`,
        );
        print();
        print(`| page | requests | refused (503) | errors | p50 served | p95 served | max served | slowest answer | errors were |`);
        print(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`);
        for (const r of load)
          print(
            `| \`${r.path.replace(big.id, "<id>")}\` | ${r.count} | ${r.refused} | ${r.errors} | ${ms(r.p50)} ms | ${ms(r.p95)} ms | ${ms(r.max)} ms | ${ms(r.slowest)} ms | ${r.kinds || "—"} |`,
          );
        print();
        const buckets = Array.from({ length: Math.ceil(SECONDS / 5) }, (_, i) =>
          timeline.filter((x) => x.sentAt >= i * 5000 && x.sentAt < (i + 1) * 5000).map((x) => x.ms),
        );
        print(
          `By when sent (every page), p50 per 5 s: ${buckets.map((b, i) => `${i * 5}–${i * 5 + 5} s ${b.length ? ms(percentile(b, 50)) : "—"} ms`).join(" · ")}`,
        );
        print();
        print(
          `Signings recorded: ${signing.signed}, failed: ${signing.failed}` +
            (signing.latencies.length
              ? ` (recordSigning p50 ${ms(percentile(signing.latencies, 50))} ms, p95 ${ms(percentile(signing.latencies, 95))} ms)`
              : "") +
            (writer && signing.left === 0 ? " — **the project ran out of unsigned households**" : "") +
            `; the run took ${elapsed.toFixed(1)} s. Load generator's event-loop delay: p99 ${ms(generatorDelay.percentile(99) / 1e6)} ms, max ${ms(generatorDelay.max / 1e6)} ms.`,
        );
        print();
        if (visiting) {
          const kinds = Object.entries(visiting.errors)
            .map(([kind, n]) => `${n} × ${kind}`)
            .join(", ");
          print(
            `Visits logged: ${visiting.logged} (${visiting.inProject} in ${big.code}, ${visiting.demands} demands raised), failed: ${visiting.failed}${kinds ? ` (${kinds})` : ""}` +
              (visiting.latencies.length
                ? ` (logVisit p50 ${ms(percentile(visiting.latencies, 50))} ms, p95 ${ms(percentile(visiting.latencies, 95))} ms, max ${ms(Math.max(...visiting.latencies))} ms)`
                : "") +
              (visiting.left === 0 ? " — **the district ran out of open tasks**" : `; ${visiting.left} open tasks left.`),
          );
          print();
        }
        // Let the server drain before the next rate.
        await new Promise((r) => setTimeout(r, 5000));
      }
      if (Number(values.burst) > 0) await burstRun(base, cookie, available, Number(values.burst), RATES[0] ?? 30, print, big.id);
      await writer?.stop(); // before the exactness check, which needs the data to hold still
      await visitWriter?.stop();
    }

    // 3. Exactness at full scale: the queries themselves, then through a warm figure cache after
    //    signings in several projects (what a long-running portal shows).
    if (!values["skip-exactness"]) {
      const { recomputeFigures } = await import("../lib/recompute-figures.ts");
      const report = (label: string, result: Awaited<ReturnType<typeof recomputeFigures>>, seconds: number) => {
        print(
          `${label}: ${result.projects} projects, ${result.checkedFigures.toLocaleString("en-US")} figures compared with plain COUNTs, ` +
            `**${result.mismatches.length} mismatches** (${seconds.toFixed(1)} s).`,
        );
        for (const m of result.mismatches.slice(0, 20))
          print(`- ${m.project} ${m.figure}: expected ${JSON.stringify(m.expected)}, got ${JSON.stringify(m.actual)}`);
      };
      print(`#### Exactness`);
      print();
      let t0 = performance.now();
      report("Queries (no cache)", await recomputeFigures(client, official), (performance.now() - t0) / 1000);
      print();

      process.env.LIANXIN_FIGURE_CACHE = "on";
      const { progressListener } = await import("../../lib/server/live/listener.ts");
      const { notifyProjectChanged } = await import("../../lib/server/live/notify-project-changed.ts");
      const { recordSigning } = await import("../../lib/server/signing/record-signing.ts");
      const listener = progressListener();
      listener.start();
      await listener.ready();
      await recomputeFigures(client, official); // fills the cache
      const projects = await client.project.findMany({
        where: { phase: "SIGNING", signingStart: { lte: now } },
        orderBy: { code: "asc" },
        take: 10,
        select: { id: true, memberships: { select: { userId: true }, take: 1 } },
      });
      let signedNow = 0;
      for (const project of projects) {
        const secretary = (await loadActor(client, project.memberships[0]!.userId))!;
        const unsigned = await client.household.findMany({
          where: { projectId: project.id, isExcluded: false, signing: null, movedOutAt: null },
          select: { id: true, version: true },
          take: 3,
        });
        for (const h of unsigned) {
          await recordSigning(secretary, {
            projectId: project.id,
            householdId: h.id,
            version: h.version,
            channel: "ON_SITE",
            agreementNumber: `BENCH-CACHE-${Date.now().toString(36)}-${signedNow}`,
          });
          signedNow += 1;
        }
      }
      // With visits in the run: visits too, each closing its task (the most overdue first), so
      // the league's cached visits and overdue tasks must follow; and the secretary's first
      // visit to a household never contacted, so its state (NOT_CONTACTED → VISITED) must too.
      let visitedNow = 0;
      let firstVisits = 0;
      if (VISITS_PER_SECOND > 0) {
        const { logVisit } = await import("../../lib/server/visits/log-visit.ts");
        for (const project of projects) {
          const secretary = (await loadActor(client, project.memberships[0]!.userId))!;
          const neverContacted = await client.household.findFirst({
            where: {
              projectId: project.id,
              isExcluded: false,
              signing: null,
              movedOutAt: null,
              handedOverAt: null,
              OR: [{ firstRoundVote: null }, { firstRoundVote: "DISAGREE" }],
              visitLogs: { none: {} },
            },
            orderBy: { code: "asc" },
            select: { id: true },
          });
          if (neverContacted) {
            await logVisit(secretary, {
              projectId: project.id,
              householdId: neverContacted.id,
              clientKey: randomUUID(),
              visitedAt: new Date().toISOString(),
              channel: "DOOR",
              summary: "压测首次走访（缓存核对）",
              demands: [],
            });
            firstVisits += 1;
          }
          const open = await client.task.findMany({
            where: { projectId: project.id, status: { in: ["OPEN", "IN_PROGRESS"] }, household: { isExcluded: false, movedOutAt: null } },
            orderBy: [{ dueDate: "asc" }, { id: "asc" }],
            select: { id: true, version: true, householdId: true, assigneeId: true },
            take: 3,
          });
          for (const task of open) {
            await logVisit((await loadActor(client, task.assigneeId))!, {
              projectId: project.id,
              householdId: task.householdId,
              clientKey: randomUUID(),
              taskId: task.id,
              taskVersion: String(task.version),
              visitedAt: new Date().toISOString(),
              channel: "DOOR",
              summary: "压测走访（缓存核对）",
              attitude: "SUPPORTIVE",
              demands: [],
            });
            visitedNow += 1;
          }
        }
      }
      // Wait until every notification of the writes above is handed out — without a marker in
      // these projects: an "assignment" marker would itself drop every cached entry of theirs,
      // and the check below would then prove nothing about what the writes' own kinds drop.
      // Notifications arrive in commit order, so once a marker for a project id of no project
      // has arrived, the writes' notifications have too; each is handed out at most COALESCE_MS
      // after it arrived.
      const { COALESCE_MS } = await import("../../lib/server/live/listener.ts");
      const marker = randomUUID();
      let markerHeard = false;
      const unsubscribe = listener.subscribe((event) => {
        if (event.projectId === marker) markerHeard = true;
      });
      await client.$transaction(async (tx) => notifyProjectChanged(tx, marker, "assignment"));
      while (!markerHeard) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, COALESCE_MS + 100));
      unsubscribe();
      t0 = performance.now();
      report(
        `Through the figure cache (filled, then ${signedNow} signings${visitedNow ? ` and ${visitedNow} visits closing open tasks (the most overdue first)` : ""}${firstVisits ? `, ${firstVisits} first visits to households never contacted` : ""} in ${projects.length} projects)`,
        await recomputeFigures(client, official),
        (performance.now() - t0) / 1000,
      );
      print();
      await listener.close();
    }
  } finally {
    await writer?.stop();
    await visitWriter?.stop();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    }
    await pool.end();
    await client.$disconnect();
    await postgres.stop();
    if (portalDir) rmSync(portalDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
