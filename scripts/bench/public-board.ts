// `npm run bench:public`: the public pages (no sign-in) of the demo project under load, while a
// notice is published. Target (issue "Residents and the public", Speed): ≥ 200 requests/s with
// p95 ≤ 100 ms and 0 errors, the new notice visible on every server process within 2 s.
//  1. The real production portal: scripts/start.ts (migrations, the demo loaded into the empty
//     database, a build when the sources are newer than the last one, then scripts/serve.ts: one
//     Next server process per core behind the front door) on a throw-away embedded Postgres and
//     data dir, on a free port, the portal connecting as its own role (decision 027).
//  2. Each page alone: 20 sequential requests after 3 warm-up requests, each beside the floor
//     `/login` (see FLOOR_PATH), p50/p95 and the ratio to the floor.
//  3. An open-loop load (scripts/lib/open-loop.ts, as bench:dashboard offers it) spread over
//     `/public/HP-BXL` and one published notice's page, at each rate in turn after a warm-up;
//     per rate and page: requests, served, refused (503), errors, p50, p95, slowest answer; and
//     the CPU the portal's processes, Postgres and this process used meanwhile (/proc, Linux).
//  4. A notice published through the real use cases (saveNotice + publishNotice as the demo
//     secretary, loaded with loadActor, in this process on the portal's database) once during the
//     warm-up (the use cases' first call, so its compilation does not stall the measured run's
//     clock) and once in the middle of the highest rate's run. From the moment publishNotice
//     returned (its transaction committed), the project page is requested every 50 ms, each
//     request on a new connection (the cluster hands each new connection to the next server
//     process), until `--fresh` requests in a row (by when sent) contain the new title. The
//     figure: from when on every request sent showed it — the first of that run; the requests
//     before it that did not are the last stale answers. Target ≤ 2 s.
// Prints markdown tables ready to paste, with the commit and the load average before and after.
// Exits non-zero only when the run itself broke (the portal did not start, a page did not answer
// 200 before the load, publishing failed), never for a missed target.
//
//   npm run bench:public                                     # 50, 100 and 200 requests/s, 30 s each
//   npm run bench:public -- --rate 200 --seconds 60          # one offered load (requests/s), longer
//   npm run bench:public -- --rate 100,200,300 --warmup 60   # warm-up seconds at the first rate (default 30)
//   npm run bench:public -- --fresh 20                       # answers in a row that prove the notice everywhere
//   npm run bench:public -- --port 3300                      # the portal's port (default: a free one)
//   LIANXIN_DIST_DIR=.next npm run bench:public              # the build to use (default .next-bench-public)
import "../lib/outside-next.ts";

import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DEMO_ACCOUNTS, DEMO_PROJECT_CODE } from "../../prisma/seed/demo-accounts.ts";
import { offerLoad, percentile, type PageResults } from "../lib/open-loop.ts";
import { findFreePort, startEmbeddedPostgres } from "../lib/postgres.ts";
import { waitForServer } from "../lib/portal-http.ts";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/**
 * The floor each public page is measured beside: the sign-in page. Like the public pages it is
 * rendered on every request for a visitor without a session, in the same (public) route group
 * and root layout, with the translator, and answers 200; unlike them it reads nothing from the
 * database (no session cookie, so no actor is loaded). The not-found page would answer 404, and
 * an unknown /public code costs the project lookup.
 */
const FLOOR_PATH = "/login";
const BOARD_PATH = `/public/${DEMO_PROJECT_CODE}`;

const { values } = parseArgs({
  options: {
    rate: { type: "string", default: "50,100,200" },
    seconds: { type: "string", default: "30" },
    /** Seconds of the first rate before the measured runs, not counted: V8 optimises a fresh
     *  server process for tens of seconds (docs/benchmarks.md). */
    warmup: { type: "string", default: "30" },
    /** Fresh answers in a row that prove every server process shows the new notice. */
    fresh: { type: "string", default: "10" },
    port: { type: "string" },
  },
});
const RATES = values.rate.split(",").map(Number);
const SECONDS = Number(values.seconds);
const WARMUP = Number(values.warmup);
const FRESH = Number(values.fresh);
const TARGET = { rate: 200, p95: 100, visibleMs: 2000 };
if (RATES.some((r) => !(r > 0)) || !(SECONDS > 0) || !(WARMUP >= 0) || !(FRESH >= 1)) {
  console.error("usage: --rate R[,R…] (requests/s) --seconds S --warmup S --fresh N [--port P]");
  process.exit(2);
}

const ms = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : "—");
const loadLine = () => {
  const [one, five, fifteen] = loadavg();
  return `${one!.toFixed(2)} / ${five!.toFixed(2)} / ${fifteen!.toFixed(2)} (1 / 5 / 15 min)`;
};
const git = (...args: string[]) => spawnSync("git", args, { cwd: ROOT, encoding: "utf8" }).stdout.trim();

/** One request on a connection of its own, body read as text (not compressed: no accept-encoding). */
function freshRequest(base: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request({ host: hostname, port, path, agent: false, signal: AbortSignal.timeout(10_000) }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end();
  });
}

/** How often the project page is requested while watching for a new notice: every 50 ms. */
const PROBE_EVERY_MS = 50;

type Probe = { sentAt: number; answeredAt: number | null; outcome: "pending" | "fresh" | "stale" | "refused" | "failed" };

type Visibility = {
  /** From publishNotice's call to its return (the commit), ms. */
  publishMs: number;
  /** Each ms after the commit. Every probe sent from `everywhere` on showed the notice (null: the
   *  FRESH in a row did not come within 30 s). */
  everywhere: number | null;
  /** The last probe that did not show it, sent and answered (null: none). */
  lastStale: { sentAt: number; answeredAt: number } | null;
  firstFresh: number | null;
  /** When the FRESH-th answer in a row with the notice arrived: the proof was complete. */
  proved: number | null;
  probes: number;
  stale: number;
  refused: number;
  failed: number;
};

/**
 * Publishes a new notice through saveNotice + publishNotice as the secretary, then requests the
 * project page every PROBE_EVERY_MS on a fixed schedule (open loop, so a slow answer does not
 * delay the next probe), each on a new connection, until FRESH probes in a row (by when they were
 * sent) contain the notice's title — at most 30 s. A refused probe (503) says nothing about the
 * cache and is skipped; a stale or failed one starts the count again.
 */
async function publishAndWatch(base: string, publish: (title: string) => Promise<void>, label: string): Promise<Visibility> {
  const title = `压测公告 ${label} ${randomBytes(4).toString("hex")}`;
  const t0 = performance.now();
  await publish(title);
  const committed = performance.now();
  const probes: Probe[] = [];
  const inFlight: Promise<void>[] = [];
  /** The probes after the last stale or failed one, if FRESH of them in a row answered fresh. */
  const finalRun = (): Probe[] | null => {
    const last = probes.findLastIndex((p) => p.outcome === "stale" || p.outcome === "failed");
    const run: Probe[] = [];
    for (const p of probes.slice(last + 1)) {
      if (p.outcome === "pending") return null;
      if (p.outcome === "fresh") run.push(p);
      if (run.length >= FRESH) return run;
    }
    return null;
  };
  while (performance.now() - committed < 30_000 && finalRun() === null) {
    const due = committed + probes.length * PROBE_EVERY_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const probe: Probe = { sentAt: performance.now() - committed, answeredAt: null, outcome: "pending" };
    probes.push(probe);
    inFlight.push(
      freshRequest(base, BOARD_PATH).then(
        ({ status, body }) => {
          probe.answeredAt = performance.now() - committed;
          probe.outcome = status === 503 ? "refused" : status !== 200 ? "failed" : body.includes(title) ? "fresh" : "stale";
        },
        () => {
          probe.answeredAt = performance.now() - committed;
          probe.outcome = "failed";
        },
      ),
    );
  }
  await Promise.all(inFlight);
  const run = finalRun();
  const last = probes.findLast((p) => p.outcome === "stale");
  const count = (outcome: Probe["outcome"]) => probes.filter((p) => p.outcome === outcome).length;
  return {
    publishMs: committed - t0,
    everywhere: run ? run[0]!.sentAt : null,
    lastStale: last ? { sentAt: last.sentAt, answeredAt: last.answeredAt! } : null,
    firstFresh: Math.min(...probes.filter((p) => p.outcome === "fresh").map((p) => p.answeredAt!)),
    proved: run ? Math.max(...run.map((p) => p.answeredAt!)) : null,
    probes: probes.length,
    stale: count("stale"),
    refused: count("refused"),
    failed: count("failed"),
  };
}

function visibilityLine(v: Visibility): string {
  const verdict =
    v.everywhere === null
      ? `**not shown by ${FRESH} probes in a row within 30 s (missed)**`
      : v.everywhere <= TARGET.visibleMs
        ? `every request sent from ${ms(v.everywhere)} ms after the commit on showed it (target ≤ ${TARGET.visibleMs} ms: met)`
        : `every request sent from ${ms(v.everywhere)} ms after the commit on showed it (**target ≤ ${TARGET.visibleMs} ms: missed by ${ms(v.everywhere - TARGET.visibleMs)} ms**)`;
  return (
    `publishNotice took ${ms(v.publishMs)} ms; after its commit, probes every ${PROBE_EVERY_MS} ms on new connections: ` +
    (v.lastStale
      ? `the last one without the notice sent at ${ms(v.lastStale.sentAt)} ms (answered at ${ms(v.lastStale.answeredAt)} ms), `
      : `none without the notice, `) +
    `the first answer with it at ${ms(v.firstFresh ?? NaN)} ms, ${FRESH} in a row with it complete at ${ms(v.proved ?? NaN)} ms ` +
    `(${v.probes} probes: ${v.stale} without it, ${v.refused} refused, ${v.failed} failed) — ${verdict}.`
  );
}

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** CPU seconds used so far by the processes under `root` (itself included), from /proc (Linux). */
function treeCpu(root: number, except: Set<number> = new Set()): { seconds: number; pids: Set<number> } {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      stats.set(Number(name), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended meanwhile
    }
  }
  const pids = new Set<number>([root]);
  for (let grown = true; grown;) {
    grown = false;
    for (const [pid, s] of stats)
      if (!pids.has(pid) && pids.has(s.ppid) && !except.has(pid)) {
        pids.add(pid);
        grown = true;
      }
  }
  const ticks = [...pids].reduce((sum, pid) => sum + (stats.get(pid)?.ticks ?? 0), 0);
  return { seconds: ticks / CLOCK_TICKS, pids };
}

/** CPU of the portal's processes, of the rest under this process (Postgres) and of this one. */
function cpuNow(portalPid: number) {
  const portal = treeCpu(portalPid);
  const all = treeCpu(process.pid, portal.pids);
  const own = process.cpuUsage();
  const self = (own.user + own.system) / 1e6;
  const selfTicks = readFileSync(`/proc/${process.pid}/stat`, "utf8");
  const fields = selfTicks.slice(selfTicks.lastIndexOf(")") + 2).split(" ");
  const selfSeconds = (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  return { portal: portal.seconds, postgres: all.seconds - selfSeconds, generator: self };
}

type Row = {
  page: string;
  requests: number;
  served: number;
  refused: number;
  errors: number;
  p50: number;
  p95: number;
  slowest: number;
  kinds: string;
};

type PageResult = PageResults extends Map<string, infer V> ? V : never;

function rowsOf(results: PageResults): Row[] {
  const row = (page: string, xs: PageResult[]): Row => {
    const latencies = xs.flatMap((x) => x.latencies);
    const refused = xs.flatMap((x) => x.refused);
    const errors = xs.reduce((n, x) => n + x.errors, 0);
    const kinds = new Map<string, number>();
    for (const x of xs) for (const [kind, n] of x.kinds) kinds.set(kind, (kinds.get(kind) ?? 0) + n);
    return {
      page,
      requests: latencies.length + refused.length + errors,
      served: latencies.length,
      refused: refused.length,
      errors,
      p50: latencies.length ? percentile(latencies, 50) : NaN,
      p95: latencies.length ? percentile(latencies, 95) : NaN,
      slowest: Math.max(0, ...latencies, ...refused),
      kinds: [...kinds].map(([kind, n]) => `${n} × ${kind}`).join(", "),
    };
  };
  const pages = [...results].map(([path, r]) => row(path, [r]));
  return [...pages, row("both pages", [...results.values()])];
}

async function main() {
  const out: string[] = [];
  const print = (line = "") => {
    out.push(line);
    console.log(line);
  };
  const dir = mkdtempSync(join(tmpdir(), "lianxin-bench-public-"));
  // The postgres OS user must be able to enter every directory above its data dir.
  chmodSync(dir, 0o755);
  const portalDir = join(dir, "portal");
  mkdirSync(portalDir);
  const distDir = process.env.LIANXIN_DIST_DIR ?? ".next-bench-public";
  const postgres = await startEmbeddedPostgres({ dataDir: join(dir, "pg"), port: await findFreePort() });
  let server: ChildProcess | null = null;
  let disconnect: (() => Promise<void>) | null = null;
  try {
    const port = values.port ? Number(values.port) : await findFreePort();
    const base = `http://127.0.0.1:${port}`;
    // This process writes the notices with the portal's role and secrets, as a Next worker would.
    const secrets = { NEXTAUTH_SECRET: randomBytes(32).toString("base64url"), LIANXIN_DATA_KEY: randomBytes(32).toString("hex") };
    Object.assign(process.env, { DATABASE_URL: postgres.appUrl, ...secrets });
    const { LIANXIN_FIGURE_CACHE: _cache, ...inherited } = process.env;
    console.error(`[bench] starting the portal on ${base} (build ${distDir}; the first start builds it)`);
    server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
      cwd: ROOT,
      env: {
        ...inherited,
        ...secrets,
        DATABASE_URL: postgres.appUrl,
        LIANXIN_MIGRATION_DATABASE_URL: postgres.url,
        PORT: String(port),
        LIANXIN_DATA_DIR: portalDir,
        LIANXIN_DIST_DIR: distDir,
      },
      stdio: ["ignore", "pipe", "inherit"],
    });
    // start.ts's own lines (migrations, seed, build, start) as progress; the rest (Next's build
    // output) only when the portal did not start.
    const tail: string[] = [];
    server.stdout!.setEncoding("utf8");
    server.stdout!.on("data", (chunk: string) => {
      for (const line of chunk.split("\n")) {
        if (/^\[lianxin\]|^seed:/.test(line)) console.error(line);
        tail.push(line);
        if (tail.length > 60) tail.shift();
      }
    });
    await waitForServer(base, server, 1_200_000).catch((error: unknown) => {
      console.error(tail.join("\n"));
      throw error;
    });

    const { db } = await import("../../lib/db.ts");
    const { loadActor } = await import("../../lib/auth/load-actor.ts");
    const { saveNotice } = await import("../../lib/server/notices/save-notice.ts");
    const { publishNotice } = await import("../../lib/server/notices/publish-notice.ts");
    const client = db();
    disconnect = () => client.$disconnect();
    const project = await client.project.findUniqueOrThrow({ where: { code: DEMO_PROJECT_CODE }, select: { id: true } });
    const secretaryUser = await client.user.findUniqueOrThrow({ where: { phone: DEMO_ACCOUNTS.secretary.phone }, select: { id: true } });
    const secretary = (await loadActor(client, secretaryUser.id))!;
    const shown = await client.notice.findFirstOrThrow({
      where: { projectId: project.id, publishedAt: { lte: new Date() }, withdrawnAt: null },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      select: { id: true, title: true },
    });
    const noticesBefore = await client.notice.count({ where: { projectId: project.id, publishedAt: { not: null }, withdrawnAt: null } });
    const publish = async (title: string) => {
      const { id } = await saveNotice(secretary, {
        projectId: project.id,
        kind: "ANNOUNCEMENT",
        title,
        body: `${title}：压测时发布的公告。`,
      });
      await publishNotice(secretary, { projectId: project.id, noticeId: id, version: 1, when: "now" });
    };
    const noticePath = `${BOARD_PATH}/notices/${shown.id}`;
    const paths = [BOARD_PATH, noticePath];
    for (const path of [...paths, FLOOR_PATH]) {
      const { status } = await freshRequest(base, path);
      if (status !== 200) throw new Error(`${path} answered ${status} before the run`);
    }

    const command = `npm run bench:public${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
    const dirty = git("status", "--porcelain", "--", "app", "components", "lib", "proxy.ts", "next.config.ts", "scripts", "prisma")
      .split("\n")
      .filter(Boolean).length;
    const cpu = cpus();
    print(`### Public pages under load, a notice published meanwhile`);
    print();
    print(
      `- Machine: ${cpu.length} × ${cpu[0]?.model ?? "CPU"}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ${platform()} ${release()}, Node ${process.version}; Postgres embedded (fsync on)`,
    );
    print(
      `- Commit: \`${git("rev-parse", "--short", "HEAD")}\`${dirty ? ` (${dirty} uncommitted changes under app, components, lib, prisma, scripts)` : ""}; build \`${distDir}\`; ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC`,
    );
    print(`- Command: \`${command}\``);
    print(
      `- Portal: scripts/start.ts → scripts/serve.ts (${process.env.LIANXIN_WEB_WORKERS ?? cpu.length} server processes, front door at ${process.env.LIANXIN_MAX_IN_FLIGHT ?? 8} in flight each), demo data; pages \`${BOARD_PATH}\` (${noticesBefore} published notices) and \`${BOARD_PATH}/notices/<id>\` (“${shown.title}”)`,
    );
    print(`- Load average before: ${loadLine()}`);
    print();

    // 2. Each page alone, beside the floor, in alternating order.
    const timed = async (path: string) => {
      const t0 = performance.now();
      const { status, body } = await freshRequest(base, path);
      if (status !== 200) throw new Error(`${path} answered ${status}`);
      return { ms: performance.now() - t0, bytes: Buffer.byteLength(body) };
    };
    print(
      `#### Each page alone (20 sequential requests after 3 warm-up requests, each on a new connection), beside the floor \`${FLOOR_PATH}\``,
    );
    print();
    print(`| page | p50 | p95 | floor p50 | p50 ratio to the floor | page size (uncompressed) | floor size |`);
    print(`| --- | ---: | ---: | ---: | ---: | ---: | ---: |`);
    for (const path of paths) {
      for (let i = 0; i < 3; i++) {
        await timed(path);
        await timed(FLOOR_PATH);
      }
      const page: number[] = [];
      const floor: number[] = [];
      const sizes = { page: 0, floor: 0 };
      for (let i = 0; i < 20; i++) {
        const first = await timed(i % 2 === 0 ? path : FLOOR_PATH);
        const second = await timed(i % 2 === 0 ? FLOOR_PATH : path);
        const [p, f] = i % 2 === 0 ? [first, second] : [second, first];
        page.push(p.ms);
        floor.push(f.ms);
        sizes.page = p.bytes;
        sizes.floor = f.bytes;
      }
      const p50 = percentile(page, 50);
      const f50 = percentile(floor, 50);
      print(
        `| \`${path.replace(shown.id, "<id>")}\` | ${ms(p50)} ms | ${ms(percentile(page, 95))} ms | ${ms(f50)} ms | ${(p50 / f50).toFixed(2)}× | ${(sizes.page / 1024).toFixed(0)} KB | ${(sizes.floor / 1024).toFixed(0)} KB |`,
      );
    }
    print();

    // 3–4. Warm-up at the first rate with the first publication in its middle, then each rate.
    const highest = Math.max(...RATES);
    const runWithPublish = async (rate: number, seconds: number, label: string) => {
      const load = offerLoad(base, "", paths, rate, seconds);
      await new Promise((r) => setTimeout(r, (seconds * 1000) / 2));
      const publishedAt = performance.now();
      const visibility = await publishAndWatch(base, publish, label);
      return { ...(await load), visibility, publishedAt };
    };
    let loadStarted = performance.now();
    const warm =
      WARMUP > 0
        ? await runWithPublish(RATES[0]!, WARMUP, "warm-up")
        : { visibility: await publishAndWatch(base, publish, "warm-up"), results: new Map() as PageResults };
    const warmRows = rowsOf(warm.results);
    const warmAll = warmRows.at(-1)!;
    print(
      `(Warm-up: ${RATES[0]} requests/s for ${WARMUP} s, not counted: ${warmAll.served} served, ${warmAll.refused} refused, ${warmAll.errors} errors. ` +
        `A notice published in its middle — the use cases' first call in this process: ${visibilityLine(warm.visibility)})`,
    );
    print();

    type RunSummary = { rate: number; all: Row; served: number; elapsed: number };
    const summaries: RunSummary[] = [];
    type LoadRun = Awaited<ReturnType<typeof offerLoad>> & { visibility: Visibility | null; publishedAt: number | null };
    let mainVisibility: Visibility | null = null;
    let publishedInRun = false;
    for (const rate of RATES) {
      await new Promise((r) => setTimeout(r, 5000)); // let the server drain
      const cpuBefore = cpuNow(server.pid!);
      const delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      loadStarted = performance.now();
      const isPublishRun: boolean = rate === highest && !publishedInRun;
      publishedInRun ||= isPublishRun;
      const run: LoadRun = isPublishRun
        ? await runWithPublish(rate, SECONDS, `${rate}rps`)
        : { ...(await offerLoad(base, "", paths, rate, SECONDS)), visibility: null, publishedAt: null };
      delay.disable();
      const cpuAfter = cpuNow(server.pid!);
      const cpu = {
        portal: cpuAfter.portal - cpuBefore.portal,
        postgres: cpuAfter.postgres - cpuBefore.postgres,
        generator: cpuAfter.generator - cpuBefore.generator,
      };
      const rows = rowsOf(run.results);
      const all = rows.at(-1)!;
      summaries.push({ rate, all, served: all.served, elapsed: run.elapsed });
      print(
        `#### ${rate} requests/s for ${SECONDS} s, spread evenly over the two pages${isPublishRun ? `; a notice published at ${SECONDS / 2} s` : ""}`,
      );
      print();
      print(`| page | requests | served | refused (503) | errors | p50 served | p95 served | slowest answer | errors were |`);
      print(`| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |`);
      for (const r of rows)
        print(
          `| ${r.page.startsWith("/") ? `\`${r.page.replace(shown.id, "<id>")}\`` : r.page} | ${r.requests} | ${r.served} | ${r.refused} | ${r.errors} | ${ms(r.p50)} ms | ${ms(r.p95)} ms | ${ms(r.slowest)} ms | ${r.kinds || "—"} |`,
        );
      print();
      const buckets = Array.from({ length: Math.ceil(SECONDS / 5) }, (_, i) =>
        run.timeline.filter((x) => x.status === 200 && x.sentAt >= i * 5000 && x.sentAt < (i + 1) * 5000).map((x) => x.ms),
      );
      print(
        `Served per second: ${(all.served / run.elapsed).toFixed(1)} (the run took ${run.elapsed.toFixed(1)} s). p95 served by when sent, per 5 s: ${buckets.map((b, i) => `${i * 5}–${i * 5 + 5} s ${b.length ? ms(percentile(b, 95)) : "—"} ms`).join(" · ")}. Load generator's event-loop delay: p99 ${ms(delay.percentile(99) / 1e6)} ms, max ${ms(delay.max / 1e6)} ms.`,
      );
      print();
      print(
        `CPU in the run (of ${(cpus().length * run.elapsed).toFixed(0)} core-seconds): portal ${cpu.portal.toFixed(1)} s (${ms((cpu.portal * 1000) / Math.max(1, all.served))} ms per page served), Postgres ${cpu.postgres.toFixed(1)} s, load generator and probes ${cpu.generator.toFixed(1)} s.`,
      );
      print();
      if (run.visibility && run.publishedAt !== null) {
        mainVisibility = run.visibility;
        const at = run.publishedAt - loadStarted;
        const after = run.timeline.filter((x) => x.status === 200 && x.sentAt >= at && x.sentAt < at + 5000).map((x) => x.ms);
        const before = run.timeline.filter((x) => x.status === 200 && x.sentAt >= at - 5000 && x.sentAt < at).map((x) => x.ms);
        print(`The notice published at ${ms(at / 1000)} s: ${visibilityLine(run.visibility)}`);
        print();
        print(
          `p95 served in the 5 s before the publication ${before.length ? ms(percentile(before, 95)) : "—"} ms, in the 5 s after it ${after.length ? ms(percentile(after, 95)) : "—"} ms.`,
        );
        print();
      }
    }
    print(`- Load average after: ${loadLine()}`);
    print();

    // Verdict against the issue's target, at the highest rate offered.
    const top = summaries.find((s) => s.rate === highest)!;
    const problems: string[] = [];
    if (highest < TARGET.rate) problems.push(`only ${highest} requests/s offered (target ${TARGET.rate})`);
    if (top.all.p95 > TARGET.p95) problems.push(`p95 ${ms(top.all.p95)} ms, ${ms(top.all.p95 - TARGET.p95)} ms over ${TARGET.p95} ms`);
    if (top.all.refused > 0) problems.push(`${top.all.refused} of ${top.all.requests} refused (503)`);
    if (top.all.errors > 0) problems.push(`${top.all.errors} errors`);
    const visible = mainVisibility?.everywhere ?? null;
    if (visible === null || visible > TARGET.visibleMs)
      problems.push(
        visible === null
          ? "the new notice not proved on every process within 30 s"
          : `the new notice everywhere only after ${ms(visible)} ms`,
      );
    print(
      problems.length === 0
        ? `**Target met** at ${highest} requests/s: p95 ${ms(top.all.p95)} ms ≤ ${TARGET.p95} ms, 0 refused, 0 errors, the new notice on every server process ${ms(visible!)} ms after its commit (≤ ${TARGET.visibleMs} ms).`
        : `**Target missed** at ${highest} requests/s (≥ ${TARGET.rate} requests/s, p95 ≤ ${TARGET.p95} ms, 0 errors, the new notice everywhere within ${TARGET.visibleMs} ms): ${problems.join("; ")}.`,
    );
    print();
  } finally {
    await disconnect?.();
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.once("exit", r));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    }
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
