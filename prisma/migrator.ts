// Applies prisma/migrations the way `prisma migrate deploy` does, without Prisma's schema engine
// (docs/decisions/002). It keeps Prisma's own `_prisma_migrations` table exactly, so on a machine
// that has the engine `prisma migrate deploy` and `prisma migrate status` see the same history.
//
// Differences from Prisma, all on the safe side:
// - each migration runs in a transaction, so a failing migration leaves the schema unchanged
//   (a migration therefore cannot use statements that refuse to run in a transaction, such as
//   CREATE INDEX CONCURRENTLY);
// - an applied migration whose migration.sql changed afterwards stops the run.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { grantAppRole } from "./app-role.ts";

export type TMigrateOptions = {
  /// Folder of `<timestamp>_<name>/migration.sql` folders. Default: prisma/migrations.
  migrationsDir?: string;
  log?: (line: string) => void;
  /// The portal's database role (prisma/app-role.ts): after the migrations, in the same locked
  /// session, it is granted exactly what the portal needs on every table, new ones included.
  appRole?: string;
};

export type TMigrateResult = {
  /// Names of the migrations applied by this run, in order.
  applied: string[];
};

/// The key Prisma's schema engine locks, so this migrator and Prisma never run at once.
const ADVISORY_LOCK_KEY = 72707369;

/// Prisma's DDL for its history table (schema-engine, postgres flavour), verbatim but for
/// IF NOT EXISTS.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);`;

const DEFAULT_MIGRATIONS_DIR = fileURLToPath(new URL("./migrations", import.meta.url));

type TLocalMigration = { name: string; script: string; checksum: string };

type THistoryRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  rolled_back_at: Date | null;
  started_at: Date;
};

type TPgError = Error & { code?: string; detail?: string; hint?: string; position?: string; where?: string };

export function checksumOf(script: string): string {
  return createHash("sha256").update(script, "utf8").digest("hex");
}

/// Prisma accepts a checksum taken before git changed the line endings, either way.
function scriptMatchesChecksum(script: string, checksum: string): boolean {
  const variants = [script, script.replace(/\r\n/g, "\n"), script.replace(/\r?\n/g, "\r\n")];
  return variants.some((variant) => checksumOf(variant) === checksum);
}

async function readLocalMigrations(migrationsDir: string): Promise<TLocalMigration[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const migrations: TLocalMigration[] = [];
  for (const name of names) {
    const file = join(migrationsDir, name, "migration.sql");
    if (!existsSync(file)) throw new Error(`Migration folder ${name} has no migration.sql`);
    // Checksum of the file's bytes: read as a Buffer, so nothing is normalised on the way.
    const bytes = await readFile(file);
    migrations.push({
      name,
      script: bytes.toString("utf8"),
      checksum: createHash("sha256").update(bytes).digest("hex"),
    });
  }
  return migrations;
}

async function assertLockProvider(migrationsDir: string): Promise<void> {
  const lockFile = join(migrationsDir, "migration_lock.toml");
  if (!existsSync(lockFile)) return;
  const provider = /^\s*provider\s*=\s*"([^"]+)"/m.exec(await readFile(lockFile, "utf8"))?.[1];
  if (provider && provider !== "postgresql") {
    throw new Error(`migration_lock.toml is for "${provider}", not postgresql: these migrations are not for this database`);
  }
}

/// 1-based line of a 1-based character position in the script.
function lineOf(script: string, position: string | undefined): number | undefined {
  const offset = Number(position);
  if (!Number.isInteger(offset) || offset < 1) return undefined;
  return script.slice(0, offset - 1).split("\n").length;
}

function describePgError(error: TPgError, script: string): { short: string; logs: string } {
  const line = lineOf(script, error.position);
  const parts = [
    error.code ? `${error.code} ${error.message}` : error.message,
    error.detail ? `DETAIL: ${error.detail}` : "",
    error.hint ? `HINT: ${error.hint}` : "",
    line ? `at line ${line} of migration.sql` : "",
  ].filter(Boolean);
  const logs = [
    error.code ? `Database error code: ${error.code}` : "",
    `Database error:\n${error.message}`,
    error.detail ? `DETAIL: ${error.detail}` : "",
    error.hint ? `HINT: ${error.hint}` : "",
    error.where ? `WHERE: ${error.where}` : "",
    line ? `Position: line ${line} of migration.sql` : "",
  ].filter(Boolean);
  return { short: parts.join("; "), logs: logs.join("\n\n") };
}

export async function migrate(connectionString: string, options: TMigrateOptions = {}): Promise<TMigrateResult> {
  const migrationsDir = options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR;
  const log = options.log ?? (() => undefined);

  await assertLockProvider(migrationsDir);
  const local = await readLocalMigrations(migrationsDir);

  const client = new pg.Client({ connectionString, application_name: "lianxin-migrate" });
  await client.connect();
  // Without a listener an error on an idle connection (server shut down) would crash the process.
  client.on("error", () => undefined);
  try {
    await client.query("SELECT pg_advisory_lock($1)", [ADVISORY_LOCK_KEY]);
    try {
      const result = await migrateLocked(client, local, log);
      if (options.appRole) {
        await grantAppRole(client, options.appRole);
        log(`Granted the portal's role ${options.appRole} its table privileges`);
      }
      return result;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [ADVISORY_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function migrateLocked(client: pg.Client, local: TLocalMigration[], log: (line: string) => void): Promise<TMigrateResult> {
  const { rows: exists } = await client.query<{ table: string | null }>(`SELECT to_regclass('_prisma_migrations')::text AS "table"`);
  if (!exists[0]?.table) {
    // Like Prisma (P3005): never run the first migration over tables it did not create.
    const { rows } = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM information_schema.tables WHERE table_schema = current_schema()`,
    );
    if ((rows[0]?.count ?? 0) > 0) {
      throw new Error(
        "The database schema is not empty and has no _prisma_migrations table: refusing to migrate a database these migrations did not create (baseline it first)",
      );
    }
    await client.query(CREATE_MIGRATIONS_TABLE);
  }

  const { rows: history } = await client.query<THistoryRow>(
    `SELECT id, checksum, finished_at, migration_name, rolled_back_at, started_at
       FROM _prisma_migrations ORDER BY started_at, migration_name`,
  );

  const failed = history.filter((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed.length > 0) {
    const first = failed[0]!;
    throw new Error(
      `Migration ${first.migration_name} failed at ${first.started_at.toISOString()} and is not resolved; ` +
        "no further migrations will be applied. Its changes were rolled back: fix it, then mark the failed attempt " +
        `rolled back (npx prisma migrate resolve --rolled-back ${first.migration_name}, or UPDATE _prisma_migrations ` +
        `SET rolled_back_at = now() WHERE id = '${first.id}') and migrate again`,
    );
  }

  const applied = new Map<string, THistoryRow>();
  for (const row of history) {
    if (row.finished_at !== null && row.rolled_back_at === null) applied.set(row.migration_name, row);
  }

  const localNames = new Set(local.map((m) => m.name));
  for (const name of applied.keys()) {
    if (!localNames.has(name)) log(`Warning: migration ${name} is applied to the database but missing from the migrations folder`);
  }
  for (const migration of local) {
    const row = applied.get(migration.name);
    if (row && !scriptMatchesChecksum(migration.script, row.checksum)) {
      throw new Error(
        `Migration ${migration.name} was modified after it was applied (checksum ${row.checksum} in the database, ` +
          `${migration.checksum} on disk): restore the original migration.sql and put the change in a new migration`,
      );
    }
  }

  const pending = local.filter((migration) => !applied.has(migration.name));
  if (pending.length === 0) {
    log("No pending migrations.");
    return { applied: [] };
  }

  const done: string[] = [];
  for (const migration of pending) {
    log(`Applying migration ${migration.name}`);
    const startedMs = Date.now();
    await applyOne(client, migration);
    log(`Applied ${migration.name} in ${Date.now() - startedMs} ms`);
    done.push(migration.name);
  }
  return { applied: done };
}

async function applyOne(client: pg.Client, migration: TLocalMigration): Promise<void> {
  const id = randomUUID();
  await client.query("BEGIN");
  let startedAt: Date | undefined;
  try {
    startedAt = (await client.query<{ now: Date }>("SELECT now() AS now")).rows[0]?.now;
    // Simple-query protocol (no parameters): the whole file, many statements, one round trip.
    await client.query(migration.script);
    await client.query(
      `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
       VALUES ($1, $2, clock_timestamp(), $3, NULL, now(), 1)`,
      [id, migration.checksum, migration.name],
    );
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    const { short, logs } = describePgError(error as TPgError, migration.script);
    // Recorded outside the rolled-back transaction, as Prisma does: the failed attempt blocks
    // later runs until someone looks at it.
    let notRecorded = "";
    try {
      await client.query(
        `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, started_at, applied_steps_count)
         VALUES ($1, $2, NULL, $3, $4, COALESCE($5, now()), 0)`,
        [id, migration.checksum, migration.name, `Migration ${migration.name} failed to apply.\n\n${logs}`, startedAt ?? null],
      );
    } catch (recordError) {
      notRecorded = ` (the failed attempt could not be recorded: ${(recordError as Error).message})`;
    }
    throw new Error(`Migration ${migration.name} failed: ${short}. The database is unchanged${notRecorded}.`, { cause: error });
  }
}

/// `prisma migrate resolve --rolled-back <name>` without the schema engine: marks the failed
/// attempt of a migration as rolled back so the next run applies it again.
export async function markRolledBack(connectionString: string, migrationName: string): Promise<void> {
  const client = new pg.Client({ connectionString, application_name: "lianxin-migrate" });
  await client.connect();
  try {
    const { rowCount } = await client.query(
      `UPDATE _prisma_migrations SET rolled_back_at = now()
        WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL`,
      [migrationName],
    );
    if (!rowCount) throw new Error(`Migration ${migrationName} has no failed attempt to mark as rolled back`);
  } finally {
    await client.end();
  }
}
