// `npm run bench:import`: imports a generated 10,000-household roster (.xlsx and .csv) into a
// throw-away embedded Postgres and prints, as markdown, how long reading, checking and writing
// took and the peak memory, for the first import and for importing the same file again.
// The run goes through the real use case (importRoster) as the project's secretary.
//
//
// Then sign-in latency during a maximal import: the real portal (scripts/start.ts, production
// build) on 127.0.0.1 over the same database; sign-ins through next-auth's credentials flow over
// HTTP (csrf, then the callback, as the login form does), one after the other, (a) with nothing
// else running, (b) while the largest accepted roster (20,000 households, every column) is
// imported through the import route, (c) while a file of 1,000,000 rows (the size of the one
// that froze the portal, 6 MB) is uploaded and refused, again and again. p50/p95/max of each.
//
//   npm run bench:import                 # 10,000 rows, durable Postgres settings (fsync on)
//   npm run bench:import -- --rows 5000  # another size
//   npm run bench:import -- --ephemeral  # fsync off, as the test databases run
//   npm run bench:import -- --skip-http  # without the sign-in part (no build, no portal)
//   npm run bench:import -- --rows 1000 --sign-in-rows 2000 --refused-rows 100000 --sign-ins 10   # small
import "../lib/outside-next.ts";
import { cpus, freemem, totalmem, tmpdir, platform, release } from "node:os";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import type { Actor } from "../../lib/auth/actor-types.ts";
import { loadActor } from "../../lib/auth/load-actor.ts";
import { signIn, waitForServer } from "../lib/portal-http.ts";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const { values: args } = parseArgs({
  options: {
    rows: { type: "string", default: "10000" },
    ephemeral: { type: "boolean", default: false },
    "skip-http": { type: "boolean", default: false },
    /** Households of the import that sign-ins run beside: the most a file may hold. */
    "sign-in-rows": { type: "string", default: "20000" },
    /** Rows of the file that is refused while sign-ins run. */
    "refused-rows": { type: "string", default: "1000000" },
    /** Sign-ins with nothing else running, and during the refusals. */
    "sign-ins": { type: "string", default: "30" },
    port: { type: "string", default: "3262" },
  },
});
const ROWS = Number(args.rows);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));

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

    let signIn: string[] = [];
    if (!args["skip-http"]) {
      const project = await seedProject(db(), { code: "BENCH-HTTP", households: 0, signingGroups: 8, activity: { visitsPerHousehold: 0 } });
      const secretary = await db().user.findUniqueOrThrow({ where: { id: project.secretaryId }, select: { phone: true } });
      const httpRows = Number(args["sign-in-rows"]);
      const refusedRows = Number(args["refused-rows"]);
      const names = project.signingGroups.map((g) => g.name);
      const largest = await xlsxBytes(rosterRows(rosterRecords(httpRows, { prefix: "HTTP", groupNames: names })));
      started = performance.now();
      const refused = await manyRowsXlsx(refusedRows);
      process.stderr.write(
        `[bench] ${refusedRows.toLocaleString("en")}-row file: ${(refused.byteLength / MB).toFixed(1)} MB in ${seconds(performance.now() - started)} s\n`,
      );
      signIn = await signInDuringImports({
        databaseUrl: postgres.url,
        projectId: project.project.id,
        phone: secretary.phone!,
        password: (await import("../../prisma/seed/demo-accounts.ts")).DEMO_PASSWORD,
        largest: { rows: httpRows, bytes: largest },
        refused: { rows: refusedRows, bytes: refused },
        samples: Number(args["sign-ins"]),
        port: Number(args.port),
      });
    }
    await db().$disconnect();

    const cpu = cpus()[0]?.model.trim() ?? "unknown CPU";
    const lines = [
      `- Machine: ${cpu}, ${cpus().length} cores, ${mb(totalmem())} MB RAM (${mb(freemem())} MB free), ${platform()} ${release()}`,
      `- Node ${process.version}, PostgreSQL ${pgVersion} (embedded, ${args.ephemeral ? "fsync off" : "fsync on"}), date ${new Date().toISOString().slice(0, 10)}`,
      `- Command: \`npm run bench:import${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(" ")}` : ""}\``,
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
    console.log([...lines, ...signIn].join("\n"));
  } finally {
    await postgres.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ─── sign-in latency during imports, over HTTP ───

/** A workbook of `rows` rows of five short cells (the shape of the file that froze the portal),
 *  written part by part so it never exists as one string. */
async function manyRowsXlsx(rows: number): Promise<Uint8Array> {
  const { inlineRow, workbookOf } = await import("../../tests/support/xlsx-zip.ts");
  return workbookOf({
    rows: function* () {
      yield inlineRow(1, ["房屋编号", "幢/栋", "地址", "户主", "建筑面积"]);
      for (let n = 2; n <= rows + 1; n++) yield inlineRow(n, [`M-${n}`, "1号", "某路1号", "张三", "12"]);
    },
  });
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** One upload through the import route; what its last line says and how long it took. */
async function upload(base: string, cookie: string, projectId: string, fileName: string, bytes: Uint8Array) {
  const form = new FormData();
  form.append("file", new Blob([bytes as Uint8Array<ArrayBuffer>]), fileName);
  const t0 = performance.now();
  const response = await fetch(`${base}/api/projects/${projectId}/roster/import`, {
    method: "POST",
    body: form,
    headers: { cookie, origin: base },
  });
  const text = await response.text();
  const ms = performance.now() - t0;
  let outcome = `HTTP ${response.status}`;
  try {
    const last = JSON.parse(text.trim().split("\n").at(-1)!) as Record<string, unknown>;
    if (last.type === "result")
      outcome = `${Number(last.created).toLocaleString("en")} created, ${Number(last.unchanged).toLocaleString("en")} unchanged`;
    else if (last.type === "problems") outcome = `refused: ${(last.problems as { message: string }[])[0]?.message ?? "?"}`;
    else if (typeof last.message === "string") outcome = `${response.status}: ${last.message}`;
  } catch {
    // not JSON: the status says it
  }
  return { ms, outcome };
}

async function signInDuringImports(options: {
  databaseUrl: string;
  projectId: string;
  phone: string;
  password: string;
  largest: { rows: number; bytes: Uint8Array };
  refused: { rows: number; bytes: Uint8Array };
  samples: number;
  port: number;
}): Promise<string[]> {
  const base = `http://127.0.0.1:${options.port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "lianxin-bench-import-portal-"));
  const server = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: options.databaseUrl,
      PORT: String(options.port),
      LIANXIN_DATA_DIR: dataDir,
      LIANXIN_DIST_DIR: process.env.LIANXIN_DIST_DIR ?? ".next-live",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    process.stderr.write("[bench] starting the portal (builds first when the sources changed)\n");
    await waitForServer(base, server, 900_000);
    const signInOnce = () => signIn(base, options.phone, options.password);
    const { cookie } = await signInOnce();
    // Warm-up: the sign-in and import routes compiled and their code loaded once.
    for (let i = 0; i < 3; i++) await signInOnce();
    await upload(base, cookie, options.projectId, "warm-up.xlsx", options.refused.bytes);

    type Row = { label: string; times: number[]; upload: string };
    const rows: Row[] = [];
    const alone: number[] = [];
    for (let i = 0; i < options.samples; i++) alone.push((await signInOnce()).ms);
    rows.push({ label: "no import", times: alone, upload: "—" });

    // (b) Sign-ins one after the other for as long as the largest import runs.
    const during: number[] = [];
    let done = false;
    const importing = upload(base, cookie, options.projectId, "largest.xlsx", options.largest.bytes).finally(() => {
      done = true;
    });
    while (!done) during.push((await signInOnce()).ms);
    const imported = await importing;
    rows.push({
      label: `during the import of ${options.largest.rows.toLocaleString("en")} households (${(options.largest.bytes.byteLength / MB).toFixed(1)} MB)`,
      times: during,
      upload: `${imported.outcome} in ${seconds(imported.ms)} s`,
    });

    // (c) The refused file uploaded back to back while the sign-ins are taken.
    const refusals: number[] = [];
    let outcome = "";
    let stop = false;
    const refusing = (async () => {
      while (!stop) {
        const answer = await upload(base, cookie, options.projectId, "many.xlsx", options.refused.bytes);
        refusals.push(answer.ms);
        outcome = answer.outcome;
      }
    })();
    const whileRefused: number[] = [];
    for (let i = 0; i < options.samples; i++) whileRefused.push((await signInOnce()).ms);
    stop = true;
    await refusing;
    rows.push({
      label: `while a file of ${options.refused.rows.toLocaleString("en")} rows (${(options.refused.bytes.byteLength / MB).toFixed(1)} MB) is refused, again and again`,
      times: whileRefused,
      upload: `${refusals.length} uploads, each ${outcome || "?"}; p50 ${seconds(percentile(refusals, 50))} s, max ${seconds(Math.max(...refusals))} s`,
    });

    const ms = (x: number) => `${x.toFixed(0)} ms`;
    return [
      "",
      `#### Sign-in latency during a maximal import (the portal over HTTP on 127.0.0.1, one sign-in at a time: csrf + credentials callback)`,
      "",
      "| while | sign-ins | p50 | p95 | max | the upload |",
      "| --- | ---: | ---: | ---: | ---: | --- |",
      ...rows.map(
        (r) =>
          `| ${r.label} | ${r.times.length} | ${ms(percentile(r.times, 50))} | ${ms(percentile(r.times, 95))} | ${ms(Math.max(...r.times))} | ${r.upload} |`,
      ),
    ];
  } finally {
    if (server.exitCode === null) {
      server.kill("SIGTERM");
      await new Promise((r) => server.once("exit", r));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
