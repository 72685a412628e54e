// Restores a backup file (scripts/lib/backup-archive.ts) into a fresh embedded cluster: initdb
// through scripts/pg-server.ts, the roles, the migrations up to the backup's level, then every
// table by COPY in one transaction, the sequences, owners and grants. The cluster is built
// beside <dataDir>/pg and moved there when complete; anything that fails removes it, so a data
// dir never holds half a restore.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chmod, copyFile, mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { decryptIdNumber } from "../../lib/security/id-number.ts";
import { migrate } from "../../prisma/migrator.ts";
import {
  BackupReader,
  assertHeader,
  quoteIdent,
  quoteLiteral,
  readTables,
  type TBackupHeader,
  type TBackupTrailer,
  type TGrant,
  type TRole,
} from "./backup-archive.ts";
import { copyIn } from "./pg-copy.ts";
import { findFreePort, startEmbeddedPostgres, type TEmbeddedPostgres } from "./postgres.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));

export type TRestoreOptions = {
  file: string;
  /// The portal's data dir (LIANXIN_DATA_DIR): the cluster goes into <dataDir>/pg.
  dataDir: string;
  /// Replace a cluster already in <dataDir>/pg (never one that is running).
  force?: boolean;
  /// A secrets.json to copy into the data dir: its LIANXIN_DATA_KEY opens the ID numbers.
  secretsFile?: string;
  log?: (line: string) => void;
};

export type TRestoreResult = {
  clusterDir: string;
  tables: number;
  rows: number;
  migration: string | null;
  createdAt: string;
  /// "ok": the data dir's secrets.json opens the backup's ID numbers; "none": it has a key but
  /// the backup holds no ID number to try it on; "missing": there is no secrets.json, so
  /// LIANXIN_DATA_KEY must come from the environment or the ID numbers stay unreadable.
  key: "ok" | "missing" | "none";
};

function sha256(bytes: Buffer | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/// A copy of prisma/migrations holding only the backup's migrations, so the fresh cluster gets
/// exactly the schema the rows were taken from, even when this checkout has newer migrations.
async function migrationsAtLevel(header: TBackupHeader): Promise<string> {
  const local = new Set((await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name));
  const dir = await mkdtemp(join(tmpdir(), "lianxin-restore-migrations-"));
  for (const { name, checksum } of header.migrations) {
    if (!local.has(name)) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(
        `the backup is at migration ${name}, which this checkout does not have: restore it with the version of the portal that made it, or a newer one`,
      );
    }
    const bytes = await readFile(join(MIGRATIONS_DIR, name, "migration.sql"));
    const text = bytes.toString("utf8");
    const variants = [sha256(bytes), sha256(text.replace(/\r\n/g, "\n")), sha256(text.replace(/\r?\n/g, "\r\n"))];
    if (!variants.includes(checksum)) {
      await rm(dir, { recursive: true, force: true });
      throw new Error(`migration ${name} of this checkout differs from the one the backup's database applied`);
    }
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, "migration.sql"), bytes);
  }
  const lock = join(MIGRATIONS_DIR, "migration_lock.toml");
  if (existsSync(lock)) await copyFile(lock, join(dir, "migration_lock.toml"));
  return dir;
}

/// Whether the postmaster of a pid file is still alive.
function processAlive(pidFile: string): boolean {
  try {
    const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
    if (!Number.isInteger(pid) || pid <= 0) return false;
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function readSecretsKey(file: string): Promise<string> {
  let secrets: { LIANXIN_DATA_KEY?: unknown };
  try {
    secrets = JSON.parse(await readFile(file, "utf8")) as { LIANXIN_DATA_KEY?: unknown };
  } catch (error) {
    throw new Error(`cannot read ${file} as secrets.json: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof secrets.LIANXIN_DATA_KEY !== "string" || !/^[0-9a-f]{64}$/i.test(secrets.LIANXIN_DATA_KEY)) {
    throw new Error(`${file} has no LIANXIN_DATA_KEY of 64 hex characters`);
  }
  return secrets.LIANXIN_DATA_KEY;
}

function roleOptions(role: TRole): string {
  const flag = (on: boolean, name: string) => (on ? name : `NO${name}`);
  return [
    flag(role.superuser, "SUPERUSER"),
    flag(role.inherit, "INHERIT"),
    flag(role.createRole, "CREATEROLE"),
    flag(role.createDb, "CREATEDB"),
    flag(role.canLogin, "LOGIN"),
    flag(role.replication, "REPLICATION"),
    flag(role.bypassRls, "BYPASSRLS"),
    `CONNECTION LIMIT ${Number(role.connectionLimit)}`,
    role.passwordHash ? `PASSWORD ${quoteLiteral(role.passwordHash)}` : "PASSWORD NULL",
    role.validUntil ? `VALID UNTIL ${quoteLiteral(role.validUntil)}` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/// The roles of the backup's cluster that the fresh one lacks, with their password hashes, and
/// their memberships: created before the migrations, which may grant to them. A role the fresh
/// cluster already has (the portal's, which scripts/pg-server.ts makes with the password in the
/// data dir) keeps its own attributes and password.
async function restoreRoles(client: pg.Client, header: TBackupHeader): Promise<void> {
  for (const role of header.roles) {
    const exists = (await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.name])).rowCount;
    if (!exists) await client.query(`CREATE ROLE ${quoteIdent(role.name)} WITH ${roleOptions(role)}`);
  }
  for (const { role, member, admin } of header.memberships) {
    await client.query(`GRANT ${quoteIdent(role)} TO ${quoteIdent(member)}${admin ? " WITH ADMIN OPTION" : ""}`);
  }
}

/// The object of a recorded grant or owner in the restored database. The database itself is
/// the one restored into, whatever the original was called.
function objectName(kind: string, object: string, database: string): string {
  // A function is recorded as its regprocedure text ("f"(integer)), already quoted where needed.
  if (kind === "FUNCTION") return `FUNCTION ${object}`;
  if (kind === "DATABASE") return `DATABASE ${quoteIdent(database)}`;
  if (kind === "SCHEMA") return `SCHEMA ${quoteIdent(object)}`;
  return `${kind} public.${quoteIdent(object)}`;
}

function grantee(name: string | null): string {
  return name === null ? "PUBLIC" : quoteIdent(name);
}

/// Owners and privileges as the backup recorded them. On an object with an explicit ACL,
/// PUBLIC's defaults are revoked first, so a revoke made on the original is kept.
async function restoreGrants(client: pg.Client, header: TBackupHeader): Promise<void> {
  const { rows } = await client.query<{ database: string }>("SELECT current_database() AS database");
  const database = rows[0]!.database;
  for (const { kind, object, owner } of header.owners) {
    await client.query(`ALTER ${objectName(kind, object, database)} OWNER TO ${quoteIdent(owner)}`);
  }
  for (const { kind, object } of header.aclObjects) {
    await client.query(`REVOKE ALL ON ${objectName(kind, object, database)} FROM PUBLIC`);
  }
  for (const grant of header.grants as TGrant[]) {
    const option = grant.grantable ? " WITH GRANT OPTION" : "";
    await client.query(
      `GRANT ${grant.privilege} ON ${objectName(grant.kind, grant.object, database)} TO ${grantee(grant.grantee)}${option}`,
    );
  }
  for (const grant of header.defaultGrants) {
    const option = grant.grantable ? " WITH GRANT OPTION" : "";
    await client.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${quoteIdent(grant.role)} IN SCHEMA public ` +
        `GRANT ${grant.privilege} ON ${grant.objectType} TO ${grantee(grant.grantee)}${option}`,
    );
  }
}

/// The tables the migrations built must be the ones the rows came from, column for column.
async function assertSameTables(client: pg.Client, header: TBackupHeader): Promise<void> {
  const restored = new Map((await readTables(client)).map((t) => [t.name, t.columns.join(",")]));
  const backed = new Map(header.tables.map((t) => [t.name, t.columns.join(",")]));
  for (const [name, columns] of backed) {
    if (restored.get(name) !== columns) throw new Error(`table ${name} of the migrated schema differs from the backup's`);
  }
  for (const name of restored.keys()) {
    if (!backed.has(name)) throw new Error(`the migrated schema has a table ${name} the backup does not`);
  }
}

async function loadRows(client: pg.Client, reader: BackupReader, header: TBackupHeader, log: (line: string) => void): Promise<number> {
  // Rows the migrations themselves wrote (the migration history) give way to the backup's.
  for (const table of [...header.tables].reverse()) {
    await client.query(`DELETE FROM public.${quoteIdent(table.name)}`);
  }
  const copied: Record<string, number> = {};
  for (const table of header.tables) {
    const section = await reader.json<{ table?: string; columns?: string[] }>(`table ${table.name}`);
    if (section.table !== table.name || section.columns?.join(",") !== table.columns.join(",")) {
      throw new Error(`the backup file is damaged: expected table ${table.name}, found ${String(section.table)}`);
    }
    const columns = table.columns.map(quoteIdent).join(", ");
    // COPY fires the INSERT triggers and checks every constraint and foreign key, like INSERT.
    copied[table.name] = await copyIn(
      client,
      `COPY public.${quoteIdent(table.name)} (${columns}) FROM STDIN`,
      reader.tableRows(table.name),
    );
  }
  const trailer = await reader.json<TBackupTrailer>("end");
  if (trailer.end !== true) throw new Error("the backup file is damaged: it has no end record");
  for (const table of header.tables) {
    if (trailer.rows[table.name] !== copied[table.name]) {
      throw new Error(`table ${table.name}: the backup holds ${trailer.rows[table.name]} rows, ${copied[table.name]} were restored`);
    }
  }
  if ((await reader.next()) !== undefined) throw new Error("the backup file is damaged: it goes on after its end record");
  for (const sequence of header.sequences) {
    await client.query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
      `public.${quoteIdent(sequence.name)}`,
      sequence.lastValue,
      sequence.isCalled,
    ]);
  }
  const rows = Object.values(copied).reduce((sum, n) => sum + n, 0);
  log(`restored ${rows} rows in ${header.tables.length} tables`);
  return rows;
}

/// Whether `key` opens the ID numbers of the restored database (one is enough: one key
/// encrypts them all).
async function keyOpensIdNumbers(client: pg.Client, key: string): Promise<boolean | undefined> {
  const { rows: table } = await client.query<{ found: string | null }>(`SELECT to_regclass('public."HouseholdMember"')::text AS found`);
  if (!table[0]?.found) return undefined;
  const { rows } = await client.query<{ cipher: string }>(
    `SELECT "idNumberCipher" AS cipher FROM "HouseholdMember" WHERE "idNumberCipher" IS NOT NULL LIMIT 1`,
  );
  if (rows.length === 0) return undefined;
  try {
    decryptIdNumber(rows[0]!.cipher, key);
    return true;
  } catch {
    return false;
  }
}

export async function restoreBackup(options: TRestoreOptions): Promise<TRestoreResult> {
  const log = options.log ?? (() => undefined);
  const file = resolve(options.file);
  const dataDir = resolve(options.dataDir);
  const clusterDir = join(dataDir, "pg");
  if (!existsSync(file)) throw new Error(`no backup file ${file}`);

  const reader = new BackupReader(file);
  let server: TEmbeddedPostgres | undefined;
  let migrationsDir: string | undefined;
  let building: string | undefined;
  try {
    const header = await reader.json<TBackupHeader>("header");
    assertHeader(header);
    migrationsDir = await migrationsAtLevel(header);

    const targetSecrets = join(dataDir, "secrets.json");
    const secretsSource = options.secretsFile ? resolve(options.secretsFile) : existsSync(targetSecrets) ? targetSecrets : undefined;
    const key = secretsSource ? await readSecretsKey(secretsSource) : undefined;

    if (existsSync(join(clusterDir, "PG_VERSION"))) {
      if (!options.force)
        throw new Error(`${clusterDir} already holds a cluster: restore into a new data dir, or pass --force to replace it`);
      if (processAlive(join(clusterDir, "postmaster.pid"))) {
        throw new Error(`a Postgres is running on ${clusterDir}: stop the portal first`);
      }
    } else if (existsSync(clusterDir) && (await readdir(clusterDir)).length > 0) {
      if (!options.force) throw new Error(`${clusterDir} is not empty: restore into a new data dir, or pass --force to replace it`);
    }

    // Built beside the target and moved into place only when complete: until then a cluster
    // being replaced (--force) stays as it was.
    await mkdir(dataDir, { recursive: true });
    // The postgres OS user must be able to enter the data dir (as scripts/start.ts leaves it).
    await chmod(dataDir, 0o755);
    building = `${clusterDir}.restoring-${process.pid}`;
    await rm(building, { recursive: true, force: true });
    log(`creating a new cluster in ${building}`);
    server = await startEmbeddedPostgres({ dataDir: building, port: await findFreePort() });

    const client = new pg.Client({ connectionString: server.url, application_name: "lianxin-restore" });
    await client.connect();
    client.on("error", () => undefined);
    let rows = 0;
    let opens: boolean | undefined;
    try {
      await restoreRoles(client, header);
      await migrate(server.url, { migrationsDir });
      log(`schema at migration ${header.migrations.at(-1)?.name ?? "(none)"}`);
      await client.query("BEGIN");
      await assertSameTables(client, header);
      rows = await loadRows(client, reader, header, log);
      await restoreGrants(client, header);
      opens = key ? await keyOpensIdNumbers(client, key) : undefined;
      if (opens === false) {
        throw new Error(
          `the LIANXIN_DATA_KEY in ${secretsSource} does not open this backup's ID numbers: give the secrets.json of the data dir the backup came from (--secrets)`,
        );
      }
      await client.query("COMMIT");
    } finally {
      await client.end().catch(() => undefined);
    }
    await server.stop();
    server = undefined;
    if (processAlive(join(clusterDir, "postmaster.pid"))) throw new Error(`a Postgres started on ${clusterDir} meanwhile: stop it first`);
    await rm(clusterDir, { recursive: true, force: true });
    await rename(building, clusterDir);
    building = undefined;

    if (options.secretsFile && secretsSource !== targetSecrets) {
      await copyFile(secretsSource!, targetSecrets);
      await chmod(targetSecrets, 0o600);
    }
    return {
      clusterDir,
      tables: header.tables.length,
      rows,
      migration: header.migrations.at(-1)?.name ?? null,
      createdAt: header.createdAt,
      key: !key ? "missing" : opens === undefined ? "none" : "ok",
    };
  } finally {
    await reader.close().catch(() => undefined);
    if (server) await server.stop().catch(() => undefined);
    if (migrationsDir) await rm(migrationsDir, { recursive: true, force: true });
    if (building) await rm(building, { recursive: true, force: true });
  }
}
