// `npm run db:backup [-- --out <dir>] [--url <postgres url>]`: one consistent backup of the
// portal's database into a file of mode 0600 named with the date (docs/operations.md). It
// connects to --url, else LIANXIN_MIGRATION_DATABASE_URL, else DATABASE_URL (as the owner); with
// none of them it backs up the embedded cluster of $LIANXIN_DATA_DIR (default
// .data/) as its owner: through the running Postgres when the portal runs, or by starting it
// for the backup when not. The default directory is <data dir>/backups.
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { writeBackup } from "./lib/backup-archive.ts";
import { findFreePort, startEmbeddedPostgres, type TEmbeddedPostgres } from "./lib/postgres.ts";

const ROOT = resolve(import.meta.dirname, "..");

function fail(line: string): never {
  console.error(`[backup] ${line}`);
  process.exit(1);
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/// The port of the postmaster running on `clusterDir` (line 4 of postmaster.pid), if any.
function runningPort(clusterDir: string): number | undefined {
  const pidFile = join(clusterDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  try {
    process.kill(Number(lines[0]), 0);
  } catch {
    return undefined;
  }
  const port = Number(lines[3]);
  return Number.isInteger(port) && port > 0 ? port : undefined;
}

let values: { out?: string; url?: string };
try {
  ({ values } = parseArgs({ options: { out: { type: "string" }, url: { type: "string" } }, strict: true }));
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}. Usage: npm run db:backup [-- --out <dir>] [--url <postgres url>]`);
}

const dataDir = resolve(ROOT, process.env.LIANXIN_DATA_DIR ?? ".data");
const clusterDir = join(dataDir, "pg");
const outDir = resolve(values.out ?? join(dataDir, "backups"));
// The owner's URL: the portal's own role (DATABASE_URL beside LIANXIN_MIGRATION_DATABASE_URL) may
// not read every table, role and grant.
let url = values.url ?? process.env.LIANXIN_MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL;
let started: TEmbeddedPostgres | undefined;

if (!url) {
  if (!existsSync(join(clusterDir, "PG_VERSION")))
    fail(`no database to back up: ${clusterDir} holds no cluster (set DATABASE_URL or --url for another server)`);
  const passwordFile = join(clusterDir, "lianxin-password");
  const password = existsSync(passwordFile) ? readFileSync(passwordFile, "utf8").trim() : "password";
  const port = runningPort(clusterDir);
  if (port) {
    url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/lianxin`;
  } else {
    console.log(`[backup] the portal's Postgres is not running: starting it on ${clusterDir} for the backup`);
    try {
      started = await startEmbeddedPostgres({ dataDir: clusterDir, port: await findFreePort() });
    } catch (error) {
      fail(`Postgres did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    url = started.url;
  }
}

try {
  const result = await writeBackup(url, outDir);
  console.log(
    `[backup] written ${result.file} (${formatBytes(result.bytes)}; ${result.tables} tables, ${result.rows} rows; ` +
      `schema at migration ${result.migration ?? "(none)"})`,
  );
  const secrets = join(dataDir, "secrets.json");
  console.log(
    "[backup] the ID numbers in it are encrypted with LIANXIN_DATA_KEY, which the backup does NOT hold: keep " +
      `${existsSync(secrets) ? secrets : "the key you start the portal with"} safe and apart from the backup; a restore needs it (--secrets)`,
  );
} catch (error) {
  await started?.stop();
  fail(`backup failed: ${error instanceof Error ? error.message : String(error)}`);
}
await started?.stop();
process.exit(0);
