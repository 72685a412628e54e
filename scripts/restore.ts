// `npm run db:restore -- <backup file> [--data-dir <dir>] [--secrets <secrets.json>] [--force]`:
// restores a backup of `npm run db:backup` into a new embedded cluster in <data dir>/pg
// (default $LIANXIN_DATA_DIR, else .data/), after which `LIANXIN_DATA_DIR=<dir> npm start` runs
// the portal on it. It refuses a data dir that already holds a cluster unless --force, and a
// running one always. The ID numbers need the LIANXIN_DATA_KEY of the original: --secrets
// copies that secrets.json into the data dir after checking that its key opens them.
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { restoreBackup } from "./lib/restore-backup.ts";

const ROOT = resolve(import.meta.dirname, "..");
const USAGE = "Usage: npm run db:restore -- <backup file> [--data-dir <dir>] [--secrets <secrets.json>] [--force]";

function fail(line: string): never {
  console.error(`[restore] ${line}`);
  process.exit(1);
}

let parsed: { values: { "data-dir"?: string; secrets?: string; force?: boolean }; positionals: string[] };
try {
  parsed = parseArgs({
    options: { "data-dir": { type: "string" }, secrets: { type: "string" }, force: { type: "boolean", default: false } },
    allowPositionals: true,
    strict: true,
  });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}. ${USAGE}`);
}
const [file, ...extra] = parsed.positionals;
if (!file || extra.length > 0) fail(USAGE);

const dataDir = resolve(parsed.values["data-dir"] ?? resolve(ROOT, process.env.LIANXIN_DATA_DIR ?? ".data"));
try {
  const result = await restoreBackup({
    file,
    dataDir,
    force: parsed.values.force,
    secretsFile: parsed.values.secrets,
    log: (line) => console.log(`[restore] ${line}`),
  });
  console.log(
    `[restore] restored the backup of ${result.createdAt} into ${result.clusterDir}: ${result.tables} tables, ${result.rows} rows, ` +
      `schema at migration ${result.migration ?? "(none)"}`,
  );
  if (result.key === "ok") console.log(`[restore] ${dataDir}/secrets.json opens the ID numbers`);
  if (result.key === "none") console.log(`[restore] ${dataDir}/secrets.json is in place (the backup holds no ID number to check it on)`);
  if (result.key === "missing") {
    console.log(
      "[restore] WARNING: no secrets.json given, so the ID numbers cannot be read yet. Before the first start, copy the " +
        `original secrets.json to ${dataDir}/secrets.json or start with the original LIANXIN_DATA_KEY in the environment: ` +
        "a start without it generates a new key, and ID numbers entered then would need that one",
    );
  }
  console.log(`[restore] start the portal on it: LIANXIN_DATA_DIR=${dataDir} npm start`);
  process.exit(0);
} catch (error) {
  fail(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
}
