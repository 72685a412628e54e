// `npm run bench:import`: imports a generated 10,000-household roster (.xlsx and .csv) into a
// throw-away embedded Postgres and prints, as markdown, how long reading, checking and writing
// took and the peak memory, for the first import and for importing the same file again.
// The run goes through the real use case (importRoster) as the project's secretary.
//
//   npm run bench:import                 # 10,000 rows, durable Postgres settings (fsync on)
//   npm run bench:import -- --rows 5000  # another size
//   npm run bench:import -- --ephemeral  # fsync off, as the test databases run
import "../lib/outside-next.ts";
import { cpus, freemem, totalmem, tmpdir, platform, release } from "node:os";
import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parseArgs } from "node:util";
import type { Actor } from "../../lib/auth/actor-types.ts";
import { loadActor } from "../../lib/auth/load-actor.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const { values: args } = parseArgs({
  options: { rows: { type: "string", default: "10000" }, ephemeral: { type: "boolean", default: false } },
});
const ROWS = Number(args.rows);

const { startEmbeddedPostgres, findFreePort } = await import("../lib/postgres.ts");
const { migrate } = await import("../../prisma/migrator.ts");

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(0);
const seconds = (ms: number) => (ms / 1000).toFixed(2);

type Sample = { rss: number; heap: number };
function memory(): Sample {
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed };
}

type Run = {
  label: string;
  parseMs: number;
  validateMs: number;
  writeMs: number;
  totalMs: number;
  peakRss: number;
  peakHeap: number;
  baseHeap: number;
  outcome: string;
};

async function main() {
  const dir = mkdtempSync(join(tmpdir(), "lianxin-bench-roster-"));
  chmodSync(dir, 0o755);
  const port = await findFreePort();
  const postgres = await startEmbeddedPostgres({ dataDir: join(dir, "pg"), port, ephemeral: args.ephemeral });
  try {
    await migrate(postgres.url);
    process.env.DATABASE_URL = postgres.url;
    process.env.LIANXIN_DATA_KEY ??= randomBytes(32).toString("hex");

    const { db } = await import("../../lib/db.ts");
    const { seedProject } = await import("../../prisma/seed/factories.ts");
    const { importRoster } = await import("../../lib/server/roster/import-roster.ts");
    const { rosterRecords, rosterRows, xlsxBytes, csvText, utf8Bytes } = await import("../../tests/support/roster-files.ts");
    const pgVersion = (await db().$queryRawUnsafe<{ server_version: string }[]>("SHOW server_version"))[0]!.server_version;

    // Two empty projects with eight signing groups each: one for the .xlsx, one for the .csv.
    const projects: { project: Awaited<ReturnType<typeof seedProject>>; actor: Actor }[] = [];
    for (const code of ["BENCH-XLSX", "BENCH-CSV"]) {
      const project = await seedProject(db(), { code, households: 0, signingGroups: 8, activity: { visitsPerHousehold: 0 } });
      const actor = (await loadActor(db(), project.secretaryId))!;
      projects.push({ project, actor });
    }
    const groupNames = projects[0]!.project.signingGroups.map((g) => g.name);

    let started = performance.now();
    const records = rosterRecords(ROWS, { prefix: "BENCH", groupNames });
    const rows = rosterRows(records);
    const xlsx = await xlsxBytes(rows);
    const csv = utf8Bytes(csvText(rows), true);
    // The same households with every head of household renamed and one group in eight moved.
    const changed = await xlsxBytes(
      rosterRows(
        records.map((r, i) => ({
          ...r,
          headName: `${r.headName}改`,
          signingGroupName:
            i % 8 === 0 ? groupNames[(groupNames.indexOf(r.signingGroupName!) + 1) % groupNames.length]! : r.signingGroupName,
        })),
      ),
    );
    const generateMs = performance.now() - started;

    // Warm-up: load exceljs and compile the hot paths once, so the first run is not mostly that.
    const { readRosterFile } = await import("../../lib/server/roster/read-roster-file.ts");
    await readRosterFile("warm-up.xlsx", await xlsxBytes(rosterRows(rosterRecords(200, { prefix: "WARM" }))));

    const runs: Run[] = [];
    async function measure(label: string, index: number, fileName: string, bytes: Uint8Array) {
      gc();
      const base = memory();
      let peak = { ...base };
      const sample = () => {
        const now = memory();
        peak = { rss: Math.max(peak.rss, now.rss), heap: Math.max(peak.heap, now.heap) };
      };
      const timer = setInterval(sample, 10);
      const marks: Partial<Record<"parse" | "validate" | "write", number>> = {};
      started = performance.now();
      const { project, actor } = projects[index]!;
      const result = await importRoster(actor, { projectId: project.project.id, fileName, bytes }, (progress) => {
        marks[progress.phase] = performance.now();
        sample();
      });
      const ended = performance.now();
      clearInterval(timer);
      sample();
      if (!result.ok) throw new Error(`import refused: ${JSON.stringify(result.problems.slice(0, 3))}`);
      const parseEnd = marks.parse! - started;
      const validateEnd = marks.validate! - started;
      runs.push({
        label,
        parseMs: parseEnd,
        validateMs: validateEnd - parseEnd,
        writeMs: ended - started - validateEnd,
        totalMs: ended - started,
        peakRss: peak.rss,
        peakHeap: peak.heap,
        baseHeap: base.heap,
        outcome: `${result.created.toLocaleString("en")} created · ${result.updated.toLocaleString("en")} updated · ${result.unchanged.toLocaleString("en")} unchanged`,
      });
      process.stderr.write(`[bench] ${label}: ${seconds(ended - started)} s\n`);
    }

    await measure(".xlsx, first import", 0, "roster.xlsx", xlsx);
    await measure(".xlsx, same file again", 0, "roster.xlsx", xlsx);
    await measure(".xlsx, every household changed", 0, "roster.xlsx", changed);
    await measure(".csv (UTF-8 BOM), first import", 1, "roster.csv", csv);
    await measure(".csv (UTF-8 BOM), same file again", 1, "roster.csv", csv);

    const audit = await db().auditEvent.count({ where: { action: { in: ["import:household", "assign:household"] } } });
    await db().$disconnect();

    const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
    const lines = [
      `- Machine: ${cpu}, ${cpus().length} cores, ${mb(totalmem())} MB RAM (${mb(freemem())} MB free), ${platform()} ${release()}`,
      `- Node ${process.version}, PostgreSQL ${pgVersion} (embedded, ${args.ephemeral ? "fsync off" : "fsync on"}), date ${new Date().toISOString().slice(0, 10)}`,
      `- Command: \`npm run bench:import${args.ephemeral || ROWS !== 10_000 ? ` --${ROWS !== 10_000 ? ` --rows ${ROWS}` : ""}${args.ephemeral ? " --ephemeral" : ""}` : ""}\``,
      `- Files: ${ROWS.toLocaleString("en")} households × ${rows[0]!.length} columns, eight signing groups; .xlsx ${(xlsx.byteLength / MB).toFixed(1)} MB, .csv ${(csv.byteLength / MB).toFixed(1)} MB (generated in ${seconds(generateMs)} s)`,
      `- Audit events written in all runs: ${audit.toLocaleString("en")} (import:household per created or updated household, assign:household per group change)`,
      "",
      "| run | read (s) | check (s) | write (s) | total (s) | rows/s | peak RSS (MB) | peak heap (MB) | heap growth (MB) | result |",
      "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
      ...runs.map(
        (r) =>
          `| ${r.label} | ${seconds(r.parseMs)} | ${seconds(r.validateMs)} | ${seconds(r.writeMs)} | ${seconds(r.totalMs)} | ${Math.round((ROWS / r.totalMs) * 1000).toLocaleString("en")} | ${mb(r.peakRss)} | ${mb(r.peakHeap)} | ${mb(r.peakHeap - r.baseHeap)} | ${r.outcome} |`,
      ),
    ];
    console.log(lines.join("\n"));
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
