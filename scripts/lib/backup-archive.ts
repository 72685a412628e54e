// The backup file of the portal's database (docs/operations.md, docs/decisions/029): one gzip
// stream of text, written by writeBackup and read back by readBackup.
//
//   line 1        JSON header: format, version, when, the applied migrations (the schema level),
//                 the tables in restore order with their columns, sequences, roles, grants
//   per table     a JSON line {"table": …, "columns": […]}, the rows in COPY text format, "\."
//   last line     JSON trailer {"end": true, "rows": {table: count}}
//
// COPY's text format escapes every backslash and line break inside a value, so no row is the
// line "\." and no row contains a raw line break. Every table comes from one REPEATABLE READ
// transaction: the backup is one consistent snapshot however long it runs.
import { once } from "node:events";
import { createReadStream, createWriteStream } from "node:fs";
import { chmod, mkdir, open, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { createGunzip, createGzip, type Gzip } from "node:zlib";
import pg from "pg";
import { copyOut } from "./pg-copy.ts";

export const FORMAT = "lianxin-backup";
export const FORMAT_VERSION = 1;
export const END_OF_TABLE = "\\.";

export type TMigrationLevel = { name: string; checksum: string };
export type TTable = { name: string; columns: string[] };
export type TSequence = { name: string; lastValue: string; isCalled: boolean };
export type TRole = {
  name: string;
  superuser: boolean;
  inherit: boolean;
  createRole: boolean;
  createDb: boolean;
  canLogin: boolean;
  replication: boolean;
  bypassRls: boolean;
  connectionLimit: number;
  /// The stored SCRAM (or md5) hash, as pg_dumpall --roles-only writes it; never a clear text.
  passwordHash: string | null;
  validUntil: string | null;
};
export type TMembership = { role: string; member: string; admin: boolean };
/// One privilege on one object: kind is TABLE, SEQUENCE, FUNCTION, SCHEMA or DATABASE; grantee
/// null is PUBLIC. Objects whose ACL is the default have no entries and are left as migrated.
export type TGrant = { kind: string; object: string; grantee: string | null; privilege: string; grantable: boolean };
export type TDefaultGrant = { role: string; objectType: string; grantee: string | null; privilege: string; grantable: boolean };
export type TOwner = { kind: "TABLE" | "FUNCTION"; object: string; owner: string };

export type TBackupHeader = {
  format: typeof FORMAT;
  version: typeof FORMAT_VERSION;
  createdAt: string;
  database: string;
  serverVersion: string;
  /// The applied migrations, in order: the restore migrates a fresh cluster to exactly these.
  migrations: TMigrationLevel[];
  /// Referenced tables before the tables that reference them.
  tables: TTable[];
  sequences: TSequence[];
  roles: TRole[];
  memberships: TMembership[];
  owners: TOwner[];
  grants: TGrant[];
  defaultGrants: TDefaultGrant[];
  /// Objects with an explicit ACL: restore revokes PUBLIC's defaults there before granting.
  aclObjects: { kind: string; object: string }[];
};

export type TBackupTrailer = { end: true; rows: Record<string, number> };

export type TBackupResult = { file: string; bytes: number; tables: number; rows: number; migration: string | null };

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/// Tables ordered so that every table comes after the tables its foreign keys reference
/// (a self-reference is checked at the end of its own COPY statement, so it does not count).
export function dependencyOrder(tables: string[], references: { from: string; to: string }[]): string[] {
  const pending = new Map(tables.map((table) => [table, new Set<string>()]));
  for (const { from, to } of references) {
    if (from !== to && pending.has(from) && pending.has(to)) pending.get(from)!.add(to);
  }
  const ordered: string[] = [];
  while (pending.size > 0) {
    const ready = [...pending.entries()].filter(([, needs]) => needs.size === 0).map(([table]) => table);
    if (ready.length === 0) throw new Error(`foreign keys form a cycle among ${[...pending.keys()].sort().join(", ")}`);
    for (const table of ready.sort()) {
      ordered.push(table);
      pending.delete(table);
      for (const needs of pending.values()) needs.delete(table);
    }
  }
  return ordered;
}

/// Tables of the public schema with the columns COPY carries (generated columns are recomputed).
export async function readTables(client: pg.Client): Promise<TTable[]> {
  const { rows: columns } = await client.query<{ table: string; column: string }>(`
    SELECT c.relname AS "table", a.attname AS "column"
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
     WHERE n.nspname = 'public' AND c.relkind = 'r'
     ORDER BY c.relname, a.attnum`);
  const { rows: references } = await client.query<{ from: string; to: string }>(`
    SELECT f.relname AS "from", t.relname AS "to"
      FROM pg_constraint k
      JOIN pg_class f ON f.oid = k.conrelid
      JOIN pg_class t ON t.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = f.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public'`);
  const byTable = new Map<string, string[]>();
  for (const { table, column } of columns) byTable.set(table, [...(byTable.get(table) ?? []), column]);
  return dependencyOrder([...byTable.keys()], references).map((name) => ({ name, columns: byTable.get(name)! }));
}

async function readHeader(client: pg.Client, createdAt: Date): Promise<TBackupHeader> {
  const { rows: me } = await client.query<{ superuser: boolean; database: string; version: string }>(
    `SELECT rolsuper AS superuser, current_database() AS database, current_setting('server_version') AS version
       FROM pg_roles WHERE rolname = current_user`,
  );
  if (!me[0]?.superuser) {
    throw new Error("the backup must connect as the cluster owner (a superuser): it reads every table, role and grant");
  }
  const hasHistory = (await client.query<{ t: string | null }>(`SELECT to_regclass('public._prisma_migrations')::text AS t`)).rows[0]?.t;
  const migrations = hasHistory
    ? (
        await client.query<TMigrationLevel>(
          `SELECT migration_name AS name, checksum FROM _prisma_migrations
            WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY started_at, migration_name`,
        )
      ).rows
    : [];
  const tables = await readTables(client);

  const sequences: TSequence[] = [];
  const { rows: sequenceNames } = await client.query<{ name: string }>(
    `SELECT sequencename AS name FROM pg_sequences WHERE schemaname = 'public' ORDER BY sequencename`,
  );
  for (const { name } of sequenceNames) {
    const { rows } = await client.query<{ last_value: string; is_called: boolean }>(
      `SELECT last_value::text, is_called FROM public.${quoteIdent(name)}`,
    );
    sequences.push({ name, lastValue: rows[0]!.last_value, isCalled: rows[0]!.is_called });
  }

  // Roles are the cluster's, not the database's: every role but Postgres's own and the
  // bootstrap superuser that owns the cluster (the restore's cluster has its own).
  const { rows: roles } = await client.query<TRole>(`
    SELECT rolname AS name, rolsuper AS superuser, rolinherit AS inherit, rolcreaterole AS "createRole",
           rolcreatedb AS "createDb", rolcanlogin AS "canLogin", rolreplication AS replication,
           rolbypassrls AS "bypassRls", rolconnlimit AS "connectionLimit", rolpassword AS "passwordHash",
           rolvaliduntil::text AS "validUntil"
      FROM pg_authid WHERE rolname !~ '^pg_' AND oid <> 10 ORDER BY rolname`);
  const { rows: memberships } = await client.query<TMembership>(`
    SELECT r.rolname AS role, m.rolname AS member, a.admin_option AS admin
      FROM pg_auth_members a JOIN pg_roles r ON r.oid = a.roleid JOIN pg_roles m ON m.oid = a.member
     WHERE m.oid <> 10 AND m.rolname !~ '^pg_'
     ORDER BY 1, 2`);

  // Every object with an explicit ACL, as (kind, name, acl): tables, sequences and functions of
  // the public schema, the schema itself and this database.
  const aclSource = `
    SELECT CASE WHEN c.relkind = 'S' THEN 'SEQUENCE' ELSE 'TABLE' END AS kind, c.relname AS object, c.relacl AS acl
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm', 'S') AND c.relacl IS NOT NULL
    UNION ALL
    SELECT 'FUNCTION', p.oid::regprocedure::text, p.proacl
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' AND p.proacl IS NOT NULL
    UNION ALL
    SELECT 'SCHEMA', nspname, nspacl FROM pg_namespace WHERE nspname = 'public' AND nspacl IS NOT NULL
    UNION ALL
    SELECT 'DATABASE', datname, datacl FROM pg_database WHERE datname = current_database() AND datacl IS NOT NULL`;
  const { rows: aclObjects } = await client.query<{ kind: string; object: string }>(
    `SELECT kind, object FROM (${aclSource}) o ORDER BY 1, 2`,
  );
  const { rows: grants } = await client.query<TGrant>(`
    SELECT o.kind, o.object, CASE WHEN x.grantee = 0 THEN NULL ELSE pg_get_userbyid(x.grantee) END AS grantee,
           x.privilege_type AS privilege, x.is_grantable AS grantable
      FROM (${aclSource}) o, aclexplode(o.acl) x
     ORDER BY 1, 2, 3, 4`);
  const { rows: defaultGrants } = await client.query<TDefaultGrant>(`
    SELECT pg_get_userbyid(d.defaclrole) AS role,
           CASE d.defaclobjtype WHEN 'r' THEN 'TABLES' WHEN 'S' THEN 'SEQUENCES' WHEN 'f' THEN 'FUNCTIONS'
                                WHEN 'T' THEN 'TYPES' WHEN 'n' THEN 'SCHEMAS' END AS "objectType",
           CASE WHEN x.grantee = 0 THEN NULL ELSE pg_get_userbyid(x.grantee) END AS grantee,
           x.privilege_type AS privilege, x.is_grantable AS grantable
      FROM pg_default_acl d
      LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace, aclexplode(d.defaclacl) x
     WHERE n.nspname IS NULL OR n.nspname = 'public'
     ORDER BY 1, 2, 3, 4`);
  // Owners other than the bootstrap superuser (who owns everything a restore's migrations create).
  const { rows: owners } = await client.query<TOwner>(`
    SELECT 'TABLE' AS kind, c.relname AS object, pg_get_userbyid(c.relowner) AS owner
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'm') AND c.relowner <> 10
    UNION ALL
    SELECT 'FUNCTION', p.oid::regprocedure::text, pg_get_userbyid(p.proowner)
      FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
     WHERE n.nspname = 'public' AND p.proowner <> 10
     ORDER BY 1, 2`);

  return {
    format: FORMAT,
    version: FORMAT_VERSION,
    createdAt: createdAt.toISOString(),
    database: me[0].database,
    serverVersion: me[0].version,
    migrations,
    tables,
    sequences,
    roles,
    memberships,
    owners,
    grants,
    defaultGrants,
    aclObjects,
  };
}

/// lianxin-2026-12-01-191500Z.backup.gz: sorts by time, says it is UTC.
export function backupFileName(at: Date): string {
  const iso = at.toISOString();
  return `lianxin-${iso.slice(0, 10)}-${iso.slice(11, 19).replace(/:/g, "")}Z.backup.gz`;
}

async function write(gzip: Gzip, text: string | Buffer): Promise<void> {
  if (!gzip.write(text)) await once(gzip, "drain");
}

/// Writes one consistent backup of the database at `connectionString` into `outDir` (created
/// 0700 when missing) as a file of mode 0600. The file appears under its name only when it is
/// complete and on disk; a failed backup leaves nothing behind.
export async function writeBackup(connectionString: string, outDir: string, now = new Date()): Promise<TBackupResult> {
  await mkdir(outDir, { recursive: true, mode: 0o700 });
  const file = join(outDir, backupFileName(now));
  const partial = `${file}.partial`;

  const client = new pg.Client({ connectionString, application_name: "lianxin-backup" });
  await client.connect();
  client.on("error", () => undefined);
  const gzip = createGzip();
  const written = pipeline(gzip, createWriteStream(partial, { flags: "wx", mode: 0o600 }));
  // Reported by `await written` below; without this an early failure would be unhandled.
  written.catch(() => undefined);
  try {
    // One snapshot for every table; READ ONLY: the backup can change nothing.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const header = await readHeader(client, now);
    await write(gzip, `${JSON.stringify(header)}\n`);
    const counts: Record<string, number> = {};
    for (const table of header.tables) {
      await write(gzip, `${JSON.stringify({ table: table.name, columns: table.columns })}\n`);
      const columns = table.columns.map(quoteIdent).join(", ");
      counts[table.name] = await copyOut(client, `COPY public.${quoteIdent(table.name)} (${columns}) TO STDOUT`, gzip);
      await write(gzip, `${END_OF_TABLE}\n`);
    }
    const trailer: TBackupTrailer = { end: true, rows: counts };
    await write(gzip, `${JSON.stringify(trailer)}\n`);
    await client.query("COMMIT");
    gzip.end();
    await written;

    const handle = await open(partial, "r+");
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await chmod(partial, 0o600);
    await rename(partial, file);
    const directory = await open(outDir, "r");
    await directory.sync().finally(() => directory.close());

    return {
      file,
      bytes: (await stat(file)).size,
      tables: header.tables.length,
      rows: Object.values(counts).reduce((sum, n) => sum + n, 0),
      migration: header.migrations.at(-1)?.name ?? null,
    };
  } catch (error) {
    gzip.destroy();
    await written.catch(() => undefined);
    await rm(partial, { force: true });
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/// The lines of a backup file, in order, without their line breaks. Throws a clear error on a
/// file that is not gzip or is cut short.
export class BackupReader {
  private readonly lines: AsyncGenerator<Buffer>;

  constructor(file: string) {
    this.lines = splitLines(createReadStream(file).pipe(createGunzip()));
  }

  async next(): Promise<Buffer | undefined> {
    try {
      const { value, done } = await this.lines.next();
      return done ? undefined : value;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new Error(`the backup file is damaged or cut short (${message})`, { cause: error });
    }
  }

  async json<T>(what: string): Promise<T> {
    const line = await this.next();
    if (line === undefined) throw new Error(`the backup file ends before its ${what}: it is cut short`);
    try {
      return JSON.parse(line.toString("utf8")) as T;
    } catch {
      throw new Error(`the backup file has no valid ${what}: it is not a Lianxin backup or it is damaged`);
    }
  }

  /// The rows of the current table in chunks of about 64 KB, up to its "\." line.
  async *tableRows(table: string): AsyncGenerator<Buffer> {
    const chunk: Buffer[] = [];
    let size = 0;
    for (;;) {
      const line = await this.next();
      if (line === undefined) throw new Error(`the backup file ends inside table ${table}: it is cut short`);
      if (line.length === 2 && line.toString("latin1") === END_OF_TABLE) break;
      chunk.push(line, NEWLINE);
      size += line.length + 1;
      if (size >= 65_536) {
        yield Buffer.concat(chunk);
        chunk.length = 0;
        size = 0;
      }
    }
    if (size > 0) yield Buffer.concat(chunk);
  }

  async close(): Promise<void> {
    await this.lines.return(undefined);
  }
}

const NEWLINE = Buffer.from("\n");

async function* splitLines(input: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of input) {
    const buffer = rest.length > 0 ? Buffer.concat([rest, chunk]) : chunk;
    let start = 0;
    for (let newline = buffer.indexOf(10, start); newline >= 0; newline = buffer.indexOf(10, start)) {
      yield buffer.subarray(start, newline);
      start = newline + 1;
    }
    rest = Buffer.from(buffer.subarray(start));
  }
  // A last line without its line break: the file was cut inside a line.
  if (rest.length > 0) throw new Error("the last line has no end");
}

/// Reads only the header of a backup file.
export async function readBackupHeader(file: string): Promise<TBackupHeader> {
  const reader = new BackupReader(file);
  try {
    const header = await reader.json<TBackupHeader>("header");
    assertHeader(header);
    return header;
  } finally {
    await reader.close();
  }
}

export function assertHeader(header: TBackupHeader): void {
  if (header?.format !== FORMAT) throw new Error("this file is not a Lianxin backup");
  if (header.version !== FORMAT_VERSION) {
    throw new Error(`this backup has format version ${String(header.version)}; this version of the portal reads version ${FORMAT_VERSION}`);
  }
}
