// `npm run bench:district`: a district at the scale DOMAIN.md designs for — 50 projects, 100,000
// households, 1,000,000 visit logs — made by the demo's own generator (planProject + insertPlan,
// prisma/seed/) into a throw-away embedded Postgres, one project at a time so memory stays
// bounded by the largest project, not the district. Prints generation time, rows per table and
// memory as markdown. Also the data set of scripts/bench/dashboard.ts (generateDistrict()).
//
//   npm run bench:district                                   # full scale
//   npm run bench:district -- --households 20000 --visits 200000 --projects 10   # smaller
//   npm run bench:district -- --keep /tmp/district           # keep the data dir for later runs
import "../lib/outside-next.ts";

import { randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { cpus, platform, release, tmpdir, totalmem } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { PrismaClient } from "../../lib/db.ts";
import type { ProjectKind } from "../../lib/generated/prisma/enums.ts";

const MB = 1024 * 1024;

// A full collection after each project measures what stays alive (the bound), not what the
// collector has not got round to freeing yet.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

export type DistrictScale = { projects: number; households: number; visits: number; largestProject: number };
export const FULL_SCALE: DistrictScale = { projects: 50, households: 100_000, visits: 1_000_000, largestProject: 5_000 };

/** The district official of the generated district (signs in through the real login in the benchmark). */
export const BENCH_OFFICIAL = { phone: "13600000001", password: "bench-official-1", name: "区级领导（压测）" };

export type ProjectLine = { code: string; households: number; visitLogs: number; ms: number };
export type DistrictResult = {
  scale: DistrictScale;
  projects: ProjectLine[];
  rows: Record<string, number>;
  totalMs: number;
  analyzeMs: number;
  peakRssMb: number;
  peakHeapMb: number;
  /** Heap in use after a full collection, after each project: the largest of them. */
  retainedHeapMb: { first: number; max: number; last: number };
  largestProjectCode: string;
  officialId: string;
};

/** Project sizes: the largest first, the rest spread ±60% around the mean, summing exactly. */
export function projectSizes(scale: DistrictScale): number[] {
  const rest = scale.projects - 1;
  const remaining = scale.households - scale.largestProject;
  const weights = Array.from({ length: rest }, (_, i) => 0.4 + ((i * 7919) % 100) / 83);
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(20, Math.floor((w / total) * remaining)));
  let diff = remaining - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % rest) {
    const step = diff > 0 ? 1 : -1;
    if (sizes[i]! + step >= 20) {
      sizes[i]! += step;
      diff -= step;
    }
  }
  return [scale.largestProject, ...sizes];
}

const KINDS: ProjectKind[] = ["OLD_DISTRICT", "SHANTYTOWN", "VILLAGE"];
const STREETS = [
  "外滩街道",
  "南京东路街道",
  "半淞园路街道",
  "小东门街道",
  "豫园街道",
  "老西门街道",
  "五里桥街道",
  "打浦桥街道",
  "淮海中路街道",
  "瑞金二路街道",
];

/**
 * Generates the district into `client`'s database, project by project (each in its own
 * transaction, its plan dropped before the next is made). Visit logs are steered towards the
 * target: each project's visits-per-household is corrected by how far the running total is off.
 */
export async function generateDistrict(
  client: PrismaClient,
  scale: DistrictScale,
  options: { anchor?: string; log?: (line: string) => void } = {},
): Promise<DistrictResult> {
  const { planProject } = await import("../../prisma/seed/project-plan.ts");
  const { insertPlan, hashPasswordOnce } = await import("../../prisma/seed/insert.ts");
  const { todayInShanghai } = await import("../../prisma/seed/calendar.ts");
  const anchor = options.anchor ?? todayInShanghai();
  const log = options.log ?? (() => undefined);

  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const sampler = setInterval(sample, 100);
  const started = performance.now();

  const official = await client.user.create({
    data: {
      role: "DISTRICT_OFFICIAL",
      name: BENCH_OFFICIAL.name,
      phone: BENCH_OFFICIAL.phone,
      passwordHash: await hashPasswordOnce(BENCH_OFFICIAL.password),
    },
    select: { id: true },
  });

  const sizes = projectSizes(scale);
  const rows: Record<string, number> = {};
  const lines: ProjectLine[] = [];
  let visitsSoFar = 0;
  let householdsSoFar = 0;
  // Visit logs per unit of `visitsPerHousehold` per household, learnt as we go (the generator's
  // mean depends on who signed and on disputes).
  let yieldPerUnit = 1.1;
  const retained: number[] = [];
  try {
    for (let i = 0; i < sizes.length; i++) {
      const households = sizes[i]!;
      const remainingVisits = Math.max(0, scale.visits - visitsSoFar);
      const remainingHouseholds = scale.households - householdsSoFar;
      const perHousehold = remainingVisits / remainingHouseholds / yieldPerUnit;
      const code = `BD-${String(i + 1).padStart(2, "0")}`;
      const t0 = performance.now();
      // A spread of launch stages: most projects signing, some relocating, some cleared.
      const stage = i === 0 ? 0 : i % 10;
      const signingStart = stage < 6 ? -(5 + stage * 6) : -(60 + stage * 10);
      const result = planProject({
        seed: `bench-district|${code}`,
        anchor,
        code,
        name: `压测项目${String(i + 1).padStart(2, "0")}`,
        kind: KINDS[i % KINDS.length],
        district: "黄浦区",
        street: STREETS[i % STREETS.length],
        households,
        signingGroups: Math.max(2, Math.min(16, Math.round(households / 300))),
        signedShare: stage < 6 ? 0.35 + stage * 0.1 : 0.97,
        schedule: {
          branchEstablished: signingStart - 90,
          noticeStart: signingStart - 75,
          noticeEnd: signingStart - 46,
          consultationStart: signingStart - 40,
          consultationEnd: signingStart - 26,
          signingStart,
          signingEnd: signingStart + 90,
        },
        phoneBlock: 2000 + i,
        activity: { visitsPerHousehold: perHousehold },
      });
      const counts = await client.$transaction((tx) => insertPlan(tx, result.plan), { timeout: 600_000, maxWait: 10_000 });
      for (const [table, n] of Object.entries(counts)) rows[table] = (rows[table] ?? 0) + n;
      const visitLogs = counts.visitLogs;
      if (perHousehold > 0) yieldPerUnit = visitLogs / households / perHousehold || yieldPerUnit;
      visitsSoFar += visitLogs;
      householdsSoFar += households;
      const ms = performance.now() - t0;
      lines.push({ code, households, visitLogs, ms });
      sample();
      gc();
      retained.push(process.memoryUsage().heapUsed / MB);
      log(
        `${code}: ${households} households, ${visitLogs} visit logs in ${(ms / 1000).toFixed(1)} s (rss ${(process.memoryUsage().rss / MB).toFixed(0)} MB, heap alive ${retained[retained.length - 1]!.toFixed(0)} MB)`,
      );
    }
    const a0 = performance.now();
    await client.$executeRawUnsafe("ANALYZE");
    const analyzeMs = performance.now() - a0;
    return {
      scale,
      projects: lines,
      rows,
      totalMs: performance.now() - started,
      analyzeMs,
      peakRssMb: peakRss / MB,
      peakHeapMb: peakHeap / MB,
      retainedHeapMb: { first: retained[0] ?? 0, max: Math.max(...retained), last: retained[retained.length - 1] ?? 0 },
      largestProjectCode: lines[0]!.code,
      officialId: official.id,
    };
  } finally {
    clearInterval(sampler);
  }
}

export function machineLine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model ?? "CPU"}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ${platform()} ${release()}, Node ${process.version}`;
}

export function districtReport(result: DistrictResult, pgVersion: string, command: string): string {
  const s = (ms: number) => (ms / 1000).toFixed(1);
  const n = (x: number) => x.toLocaleString("en-US");
  const byTable = Object.entries(result.rows)
    .filter(([, count]) => count > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([table, count]) => `| ${table} | ${n(count)} |`)
    .join("\n");
  const slowest = [...result.projects].sort((a, b) => b.ms - a.ms)[0]!;
  return [
    `Machine: ${machineLine()}; Postgres ${pgVersion} (embedded). Date: ${new Date().toISOString().slice(0, 10)}. Command: \`${command}\`.`,
    "",
    "| what | value |",
    "| --- | ---: |",
    `| projects | ${result.projects.length} |`,
    `| households | ${n(result.projects.reduce((a, p) => a + p.households, 0))} |`,
    `| visit logs | ${n(result.rows.visitLogs ?? 0)} |`,
    `| all rows | ${n(Object.values(result.rows).reduce((a, b) => a + b, 0))} |`,
    `| generation + insert, total | ${s(result.totalMs)} s |`,
    `| of which ANALYZE | ${s(result.analyzeMs)} s |`,
    `| slowest project (${slowest.code}, ${n(slowest.households)} households) | ${s(slowest.ms)} s |`,
    `| peak RSS / peak heap | ${result.peakRssMb.toFixed(0)} MB / ${result.peakHeapMb.toFixed(0)} MB |`,
    `| heap alive after each project (after GC): first / max / last | ${result.retainedHeapMb.first.toFixed(0)} / ${result.retainedHeapMb.max.toFixed(0)} / ${result.retainedHeapMb.last.toFixed(0)} MB |`,
    "",
    "| table | rows |",
    "| --- | ---: |",
    byTable,
  ].join("\n");
}

/** Starts a throw-away (or kept) embedded Postgres, migrates it and returns a client on it. */
export async function districtDatabase(options: { keep?: string; ephemeral?: boolean }) {
  const { startEmbeddedPostgres, findFreePort } = await import("../lib/postgres.ts");
  const { migrate } = await import("../../prisma/migrator.ts");
  const dir = options.keep ?? mkdtempSync(join(tmpdir(), "lianxin-bench-district-"));
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
  const port = await findFreePort();
  const postgres = await startEmbeddedPostgres({ dataDir: join(dir, "pg"), port, ephemeral: options.ephemeral ?? true });
  await migrate(postgres.url);
  process.env.DATABASE_URL = postgres.url;
  process.env.LIANXIN_DATA_KEY ??= randomBytes(32).toString("hex");
  const { db } = await import("../../lib/db.ts");
  const pgVersion = (await db().$queryRawUnsafe<{ server_version: string }[]>("SHOW server_version"))[0]!.server_version;
  // A throw-away data dir goes with its Postgres.
  const stop = async () => {
    await postgres.stop();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  };
  return { postgres: { url: postgres.url, stop }, dir, client: db(), pgVersion };
}

async function main() {
  const { values } = parseArgs({
    options: {
      projects: { type: "string", default: String(FULL_SCALE.projects) },
      households: { type: "string", default: String(FULL_SCALE.households) },
      visits: { type: "string", default: String(FULL_SCALE.visits) },
      largest: { type: "string", default: String(FULL_SCALE.largestProject) },
      keep: { type: "string" },
      anchor: { type: "string" },
    },
  });
  const scale: DistrictScale = {
    projects: Number(values.projects),
    households: Number(values.households),
    visits: Number(values.visits),
    largestProject: Number(values.largest),
  };
  const { postgres, client, pgVersion, dir } = await districtDatabase({ keep: values.keep });
  try {
    const count = await client.project.count();
    if (count > 0) throw new Error(`${dir} already holds ${count} projects; generate into an empty data dir`);
    const result = await generateDistrict(client, scale, { anchor: values.anchor, log: (line) => console.error(line) });
    const command = `npm run bench:district${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}`;
    console.log(`\n### District generation (${scale.projects} projects, ${scale.households.toLocaleString("en-US")} households)\n`);
    console.log(districtReport(result, pgVersion, command));
    if (values.keep) console.log(`\nData kept in ${values.keep}.`);
  } finally {
    await client.$disconnect();
    await postgres.stop();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
