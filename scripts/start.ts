// `npm start`: the portal on http://localhost:$PORT (default 3000) with demo data.
// Without DATABASE_URL it runs an embedded Postgres 18 whose data stays in $LIANXIN_DATA_DIR
// (default .data/) between starts, and restarts it with back-off whenever it dies; with
// DATABASE_URL it uses that server and starts none. Migrations run as the database's owner (the
// embedded superuser, or LIANXIN_MIGRATION_DATABASE_URL), the portal as a role that owns nothing
// (lianxin_app, or DATABASE_URL's role: docs/decisions/027, docs/operations.md).
// Then: migrate, load the demo data into an empty database, build if the sources changed,
// and run Next. Ctrl-C (or SIGTERM) stops Next, then Postgres.
// `--dev` runs `next dev` instead of a production build.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync, chmodSync } from "node:fs";
import { join, resolve } from "node:path";
import { APP_ROLE, roleOf } from "../prisma/app-role.ts";
import { migrate } from "../prisma/migrator.ts";
import { superviseEmbeddedPostgres, type TSupervisedPostgres } from "./lib/postgres.ts";
import { portalEnvironment } from "./lib/portal-env.ts";
import { loadSecrets, secretsWarning } from "./lib/secrets.ts";

const ROOT = resolve(import.meta.dirname, "..");
const isDev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(ROOT, process.env.LIANXIN_DATA_DIR ?? ".data");
const pgPort = Number(process.env.LIANXIN_PG_PORT ?? 54329);

function log(line: string) {
  console.log(`[lianxin] ${line}`);
}

function fail(line: string): never {
  console.error(`[lianxin] ${line}`);
  process.exit(1);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs);
}

/** A production build is redone only when a source is newer than the last build. */
function needsBuild(): boolean {
  const buildId = join(ROOT, process.env.LIANXIN_DIST_DIR ?? ".next", "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = ["app", "components", "lib", "public", "proxy.ts", "next.config.ts", "package-lock.json", "prisma/schema.prisma"];
  return sources.some((source) => newestMtime(join(ROOT, source)) > built);
}

async function main() {
  mkdirSync(dataDir, { recursive: true });
  // The postgres OS user must be able to enter every directory above its data dir.
  chmodSync(dataDir, 0o755);
  // Secrets the environment lacks are generated into the data dir on first start.
  const loaded = loadSecrets(dataDir);
  const secrets = loaded.secrets;
  const warning = secretsWarning(loaded);
  if (warning) log(warning);

  let postgres: TSupervisedPostgres | undefined;
  // Assigned once the build is done; shutdown() may run before then and must see it unset.
  // eslint-disable-next-line prefer-const
  let next: ChildProcess | undefined;
  let stopping = false;

  async function shutdown(code: number) {
    if (stopping) return;
    stopping = true;
    if (next && next.exitCode === null) {
      next.kill("SIGTERM");
      await new Promise((r) => next!.once("exit", r));
    }
    if (postgres) {
      log("stopping Postgres");
      await postgres.stop();
    }
    process.exit(code);
  }
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));

  // databaseUrl: the portal's (Next workers, seed); migrationUrl: the owner's (migrations);
  // appRole: the role granted the portal's privileges after migrating, when it is not the owner.
  let databaseUrl = process.env.DATABASE_URL;
  let migrationUrl: string;
  let appRole: string | undefined;
  if (databaseUrl) {
    log("using the Postgres server of DATABASE_URL");
    const ownerUrl = process.env.LIANXIN_MIGRATION_DATABASE_URL;
    if (ownerUrl && roleOf(ownerUrl) !== roleOf(databaseUrl)) {
      migrationUrl = ownerUrl;
      appRole = roleOf(databaseUrl);
    } else {
      migrationUrl = ownerUrl ?? databaseUrl;
      log(
        "warning: the portal connects with the role that runs the migrations; set LIANXIN_MIGRATION_DATABASE_URL to the owner's URL and DATABASE_URL to a role of its own (docs/operations.md)",
      );
    }
  } else {
    log(`starting the embedded Postgres (data in ${join(dataDir, "pg")}, port ${pgPort})`);
    try {
      postgres = await superviseEmbeddedPostgres({ dataDir: join(dataDir, "pg"), port: pgPort, log });
    } catch (error) {
      fail(`Postgres did not start: ${error instanceof Error ? error.message : String(error)}`);
    }
    databaseUrl = postgres.appUrl;
    migrationUrl = postgres.url;
    appRole = APP_ROLE;
  }

  // Without the owner's URL (scripts/lib/portal-env.ts).
  const env = portalEnvironment(process.env, { databaseUrl, secrets });

  try {
    const { applied } = await migrate(migrationUrl, { appRole });
    log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is up to date");
  } catch (error) {
    console.error(`[lianxin] migration failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }

  // The seed runs in its own process with the secrets of this data dir (ID numbers are
  // encrypted with LIANXIN_DATA_KEY); it loads the demo only into an empty database.
  const seed = spawnSync(process.execPath, ["--import", "tsx", "prisma/seed.ts"], { cwd: ROOT, env, stdio: "inherit" });
  if (seed.status !== 0) {
    console.error("[lianxin] loading the demo data failed (see above)");
    await shutdown(1);
  }

  const nextBin = join(ROOT, "node_modules", "next", "dist", "bin", "next");
  if (!isDev && needsBuild()) {
    log("building the portal (first start or changed sources)");
    const build = spawnSync(process.execPath, [nextBin, "build"], { cwd: ROOT, env, stdio: "inherit" });
    if (build.status !== 0) {
      console.error("[lianxin] the build failed (see above)");
      await shutdown(1);
    }
  }

  next = isDev
    ? spawn(process.execPath, [nextBin, "dev", "--port", String(port)], { cwd: ROOT, env, stdio: "inherit" })
    : spawn(process.execPath, ["--import", "tsx", "scripts/serve.ts"], {
        cwd: ROOT,
        env: { ...env, PORT: String(port) },
        stdio: "inherit",
      });
  next.once("exit", (code) => {
    if (!stopping) {
      console.error(`[lianxin] Next exited (${code ?? "signal"})`);
      void shutdown(code ?? 1);
    }
  });
  log(`portal starting at http://localhost:${port}`);
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
