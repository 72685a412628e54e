// `node --import tsx scripts/bench/household-list.ts`: seeds one project of 5,000 households
// (seedProject, with visits, tasks and signings) into a throw-away embedded Postgres and measures
// the household list use case (listHouseholds) as the project's secretary — first page, a
// filtered page, a Chinese search, a deep page, sorting by state and by last visit — p50/p95 over
// N runs each, then the .xlsx export of all 5,000 households (time and peak memory). Prints
// markdown for docs/benchmarks.md.
//
//   node --import tsx scripts/bench/household-list.ts                      # 5,000 households, 30 runs
//   node --import tsx scripts/bench/household-list.ts --runs 100 --households 5000
//   node --import tsx scripts/bench/household-list.ts --background 45000   # plus other projects' rows
import "../lib/outside-next.ts";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, freemem, loadavg, platform, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { loadActor } from "../../lib/auth/load-actor.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const { values: args } = parseArgs({
  options: {
    households: { type: "string", default: "5000" },
    runs: { type: "string", default: "30" },
    background: { type: "string", default: "0" },
    ephemeral: { type: "boolean", default: false },
  },
});
const HOUSEHOLDS = Number(args.households);
const RUNS = Number(args.runs);
const BACKGROUND = Number(args.background);

const { startEmbeddedPostgres, findFreePort } = await import("../lib/postgres.ts");
const { migrate } = await import("../../prisma/migrator.ts");

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(0);
const ms = (value: number) => value.toFixed(1);

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "lianxin-bench-households-"));
  chmodSync(dir, 0o755);
  const postgres = await startEmbeddedPostgres({ dataDir: join(dir, "pg"), port: await findFreePort(), ephemeral: args.ephemeral });
  try {
    await migrate(postgres.url);
    process.env.DATABASE_URL = postgres.url;
    process.env.LIANXIN_DATA_KEY ??= randomBytes(32).toString("hex");
    const { db } = await import("../../lib/db.ts");
    const { seedProject } = await import("../../prisma/seed/factories.ts");
    const { listHouseholds } = await import("../../lib/server/households/list-households.ts");
    const { exportHouseholds } = await import("../../lib/server/households/export-households.ts");
    const pgVersion = (await db().$queryRawUnsafe<{ server_version: string }[]>("SHOW server_version"))[0]!.server_version;

    let started = performance.now();
    for (let seeded = 0, k = 0; seeded < BACKGROUND; seeded += 5000, k++) {
      await seedProject(db(), {
        code: `BG-${k}`,
        households: Math.min(5000, BACKGROUND - seeded),
        signingGroups: 10,
        signedShare: 0.5,
        activity: { visitsPerHousehold: 2 },
      });
    }
    const seeded = await seedProject(db(), {
      code: "BENCH-LIST",
      households: HOUSEHOLDS,
      signingGroups: 12,
      excludedHouseholds: 10,
      signedShare: 0.6,
      firstRound: { agreeShare: 0.9, disagreeShare: 0.04 },
      activity: { visitsPerHousehold: 3 },
    });
    await db().$executeRawUnsafe("ANALYZE");
    const seedMs = performance.now() - started;
    const counts = {
      households: await db().household.count(),
      visitLogs: await db().visitLog.count(),
      tasks: await db().task.count(),
    };
    const projectId = seeded.project.id;
    const actor = (await loadActor(db(), seeded.secretaryId))!;
    // A real head-of-household name fragment (two characters) and a group to filter by.
    const someone = await db().household.findFirstOrThrow({
      where: { projectId },
      orderBy: { code: "asc" },
      skip: 1234,
      select: { headName: true },
    });
    const nameFragment = someone.headName.slice(-2);
    const group = seeded.signingGroups[3]!.id;
    const lastPage = String(Math.ceil(HOUSEHOLDS / 50));

    const scenarios: { label: string; query: Record<string, string> }[] = [
      { label: "first page (sort by code)", query: {} },
      { label: "filtered: one group, state VISITED, not visited in 14 days", query: { group, state: "VISITED", notVisitedDays: "14" } },
      { label: "filtered: hardship, private property", query: { hardship: "1", tenure: "PRIVATE_PROPERTY" } },
      { label: `search in Chinese (“${nameFragment}”, head/address/code)`, query: { q: nameFragment } },
      { label: "search by code fragment (“-12”)", query: { q: "-12" } },
      { label: `deep page (page ${lastPage} of ${lastPage}, sort by code)`, query: { page: lastPage } },
      {
        label: "deep page sorted by head of household desc",
        query: { sort: "head", dir: "desc", page: String(Math.ceil(Number(lastPage) / 2)) },
      },
      { label: "sort by last visit (never visited first)", query: { sort: "lastVisit" } },
      { label: "sort by state, deep page", query: { sort: "state", dir: "desc", page: String(Math.ceil(Number(lastPage) / 2)) } },
    ];

    const rows: string[] = [];
    for (const scenario of scenarios) {
      // Warm-up: the first call compiles Prisma's query plan and fills Postgres' caches.
      const first = await listHouseholds(actor, { projectId, ...scenario.query });
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await listHouseholds(actor, { projectId, ...scenario.query });
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      rows.push(
        `| ${scenario.label} | ${first.total.toLocaleString("en")} | ${first.items.length} | ${ms(percentile(times, 50))} | ${ms(percentile(times, 95))} | ${ms(times.at(-1)!)} |`,
      );
      process.stderr.write(`[bench] ${scenario.label}: p50 ${ms(percentile(times, 50))} ms\n`);
    }

    // Export: the whole project, read to the end as a browser would download it.
    const exportRows: string[] = [];
    for (let run = 1; run <= 3; run++) {
      gc();
      const base = process.memoryUsage();
      let peakRss = base.rss;
      let peakHeap = base.heapUsed;
      const timer = setInterval(() => {
        const now = process.memoryUsage();
        peakRss = Math.max(peakRss, now.rss);
        peakHeap = Math.max(peakHeap, now.heapUsed);
      }, 5);
      started = performance.now();
      const file = await exportHouseholds(actor, { projectId });
      const firstByteMs = performance.now() - started;
      let bytes = 0;
      const reader = file.stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
      }
      const totalMs = performance.now() - started;
      clearInterval(timer);
      exportRows.push(
        `| ${run} | ${file.count.toLocaleString("en")} | ${(bytes / MB).toFixed(2)} | ${ms(firstByteMs)} | ${(totalMs / 1000).toFixed(2)} | ${mb(peakRss)} | ${mb(peakHeap - base.heapUsed)} |`,
      );
      process.stderr.write(`[bench] export run ${run}: ${(totalMs / 1000).toFixed(2)} s\n`);
    }
    await db().$disconnect();

    const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
    const flags = [
      HOUSEHOLDS !== 5000 ? `--households ${HOUSEHOLDS}` : "",
      RUNS !== 30 ? `--runs ${RUNS}` : "",
      BACKGROUND ? `--background ${BACKGROUND}` : "",
      args.ephemeral ? "--ephemeral" : "",
    ].filter(Boolean);
    console.log(
      [
        `- Machine: ${cpu}, ${cpus().length} cores, ${mb(totalmem())} MB RAM (${mb(freemem())} MB free), ${platform()} ${release()}; load average at the end ${loadavg()
          .map((l) => l.toFixed(1))
          .join(" / ")} (1/5/15 min)`,
        `- Node ${process.version}, PostgreSQL ${pgVersion} (embedded, ${args.ephemeral ? "fsync off" : "fsync on"}), date ${new Date().toISOString().slice(0, 10)}`,
        `- Command: \`node --import tsx scripts/bench/household-list.ts${flags.length ? ` ${flags.join(" ")}` : ""}\``,
        `- Data: ${counts.households.toLocaleString("en")} households in the database (${HOUSEHOLDS.toLocaleString("en")} in the measured project, 12 signing groups), ${counts.visitLogs.toLocaleString("en")} visit logs, ${counts.tasks.toLocaleString("en")} tasks; seeded in ${(seedMs / 1000).toFixed(1)} s`,
        `- Each query: ${RUNS} runs after one warm-up, through \`listHouseholds\` as the secretary (scope, filter, count and page, as the page calls it); 50 rows per page`,
        "",
        "| query | matching | rows | p50 (ms) | p95 (ms) | max (ms) |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        ...rows,
        "",
        `Export of the whole project to .xlsx (\`exportHouseholds\`, stream read to the end):`,
        "",
        "| run | households | file (MB) | first byte (ms) | total (s) | peak RSS (MB) | heap growth (MB) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ...exportRows,
      ].join("\n"),
    );
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
