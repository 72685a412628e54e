// The portal's own database role (docs/decisions/027). The Next workers connect as a role that
// owns nothing: it reads and writes rows, and that is all. It cannot alter or disable a trigger
// (only a table's owner can), drop or truncate a table, create anything, or change the audit
// trail, whose rows it may only insert and read. Migrations run as the owner, and after every
// migration run the grants below are applied again, so tables added later are granted too
// (default privileges cover tables created outside this migrator).
import pg from "pg";

/// The role the embedded Postgres creates for the portal.
export const APP_ROLE = "lianxin_app";

/// Tables whose rows are only ever inserted and read (a trigger refuses the rest even for the
/// owner; the app role is not granted UPDATE or DELETE on them in the first place).
export const APPEND_ONLY_TABLES = ["AuditEvent"] as const;

/// Read-only for the app role: the migration history.
const READ_ONLY_TABLES = ["_prisma_migrations"] as const;

type TQueryable = Pick<pg.ClientBase, "query" | "escapeIdentifier" | "escapeLiteral">;

/// Creates the login role when missing and (re)sets its password and attributes: never a
/// superuser, never able to create databases or roles, replicate or bypass row security.
/// Run as a role that may create roles (the embedded cluster's superuser).
export async function ensureAppRole(client: TQueryable, role: string, password: string): Promise<void> {
  const name = client.escapeIdentifier(role);
  const attributes = `LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT PASSWORD ${client.escapeLiteral(password)}`;
  const { rowCount } = await client.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role]);
  await client.query(rowCount ? `ALTER ROLE ${name} WITH ${attributes}` : `CREATE ROLE ${name} WITH ${attributes}`);
}

/// The role name of a connection URL.
export function roleOf(url: string): string {
  return decodeURIComponent(new URL(url).username);
}

/// Grants `role` exactly what the portal needs on the current database's schema, in one
/// transaction (no moment with too much or too little): first everything it had is revoked,
/// then SELECT, INSERT, UPDATE, DELETE on every table, only INSERT and SELECT on the append-only
/// tables, SELECT on the migration history, USAGE and SELECT on the sequences, and the same for
/// tables and sequences the current role creates later. The database's TEMPORARY privilege is
/// taken from PUBLIC and CONNECT given to the role, when the current role may change them.
export async function grantAppRole(client: TQueryable, role: string): Promise<void> {
  const r = client.escapeIdentifier(role);
  const { rows } = await client.query<{ schema: string; database: string; me: string; exists: boolean; isOwner: boolean }>(
    `SELECT current_schema() AS schema, current_database() AS database, current_user AS me,
            EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1) AS exists,
            (SELECT pg_has_role(current_user, datdba, 'MEMBER') FROM pg_database WHERE datname = current_database()) AS "isOwner"`,
    [role],
  );
  const { schema, database, me, exists, isOwner } = rows[0]!;
  if (!exists) throw new Error(`The database role "${role}" does not exist: create it first (docs/operations.md)`);
  if (role === me)
    throw new Error(
      `The portal's role "${role}" is the role running the migrations: give the portal a role of its own (docs/operations.md)`,
    );
  const s = client.escapeIdentifier(schema);
  const d = client.escapeIdentifier(database);
  const table = (name: string) => `${s}.${client.escapeIdentifier(name)}`;
  const present = async (name: string) =>
    (await client.query<{ found: string | null }>("SELECT to_regclass($1)::text AS found", [`${s}.${client.escapeIdentifier(name)}`]))
      .rows[0]?.found != null;

  const statements = [
    `GRANT USAGE ON SCHEMA ${s} TO ${r}`,
    `REVOKE CREATE ON SCHEMA ${s} FROM ${r}`,
    `REVOKE ALL ON ALL TABLES IN SCHEMA ${s} FROM ${r}`,
    `REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${s} FROM ${r}`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${s} TO ${r}`,
    `GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${s} TO ${r}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${client.escapeIdentifier(me)} IN SCHEMA ${s} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${r}`,
    `ALTER DEFAULT PRIVILEGES FOR ROLE ${client.escapeIdentifier(me)} IN SCHEMA ${s} GRANT USAGE, SELECT ON SEQUENCES TO ${r}`,
  ];
  for (const name of APPEND_ONLY_TABLES) {
    if (await present(name)) statements.push(`REVOKE UPDATE, DELETE ON ${table(name)} FROM ${r}`);
  }
  for (const name of READ_ONLY_TABLES) {
    if (await present(name)) statements.push(`REVOKE INSERT, UPDATE, DELETE ON ${table(name)} FROM ${r}`);
  }
  if (isOwner) {
    statements.push(`REVOKE TEMPORARY ON DATABASE ${d} FROM PUBLIC`, `GRANT CONNECT ON DATABASE ${d} TO ${r}`);
  }

  await client.query("BEGIN");
  try {
    for (const statement of statements) await client.query(statement);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
