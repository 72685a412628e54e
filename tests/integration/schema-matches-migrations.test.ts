// The migrations are hand-written (docs/decisions/002), so nothing but this test keeps them in
// step with schema.prisma. It reads the schema through Prisma's own parser (the DMMF, from
// @prisma/prisma-schema-wasm) and the migrated database through pg_catalog, renders both in one
// text form and compares them: a mismatch fails with a line diff naming the table and column.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { get_dmmf } from "@prisma/prisma-schema-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../support/test-db.ts";

// ─── The schema side: Prisma's DMMF ───

type TDmmfField = {
  name: string;
  dbName?: string | null;
  kind: "scalar" | "object" | "enum" | "unsupported";
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  isUpdatedAt: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
};
type TDmmfModel = {
  name: string;
  dbName: string | null;
  fields: TDmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
};
type TDmmfIndex = {
  model: string;
  type: "id" | "unique" | "normal" | "fulltext";
  name?: string;
  dbName?: string;
  fields: { name: string; sortOrder?: string }[];
  algorithm?: string;
};
type TDmmf = {
  datamodel: {
    models: TDmmfModel[];
    enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
    indexes: TDmmfIndex[];
  };
};

const SCHEMA_PATH = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

function readDmmf(): TDmmf {
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  return JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [["schema.prisma", schema]] }))) as TDmmf;
}

const ON_DELETE: Record<string, string> = {
  Cascade: "CASCADE",
  Restrict: "RESTRICT",
  NoAction: "NO ACTION",
  SetNull: "SET NULL",
  SetDefault: "SET DEFAULT",
};

/// The Postgres type Prisma's migrate creates for a field (format_type spelling).
function expectedType(field: TDmmfField, enumDbNames: Map<string, string>): string {
  if (field.isList) throw new Error(`List field ${field.name}: extend this test for arrays`);
  const enumName = enumDbNames.get(field.type);
  if (enumName) return enumName;
  const [native, args = []] = field.nativeType ?? [];
  switch (native) {
    case undefined:
      break;
    case "Uuid":
      return "uuid";
    case "Date":
      return "date";
    case "Decimal":
      return `numeric(${args.join(",")})`;
    case "Timestamptz":
      return `timestamp(${args[0] ?? 3}) with time zone`;
    case "VarChar":
      return args.length ? `character varying(${args[0]})` : "character varying";
    default:
      throw new Error(`Native type @db.${native} on ${field.name}: extend this test`);
  }
  const byType: Record<string, string> = {
    String: "text",
    Int: "integer",
    BigInt: "bigint",
    Boolean: "boolean",
    DateTime: "timestamp(3) without time zone",
    Decimal: "numeric(65,30)",
    Float: "double precision",
    Json: "jsonb",
    Bytes: "bytea",
  };
  const type = byType[field.type];
  if (!type) throw new Error(`Prisma type ${field.type} on ${field.name}: extend this test`);
  return type;
}

/// The database default Prisma's migrate creates, normalised like `normaliseDbDefault`.
/// Ids made by the client (uuid(), cuid()) and @updatedAt have none.
function expectedDefault(field: TDmmfField): string | undefined {
  const value = field.default;
  if (value === undefined || value === null) return undefined;
  if (typeof value === "object" && !Array.isArray(value)) {
    const fn = value as { name: string; args: unknown[] };
    if (fn.name === "now") return "now()";
    if (fn.name === "autoincrement") return "autoincrement()";
    if (fn.name === "dbgenerated") return String(fn.args[0]);
    if (["uuid", "cuid", "nanoid", "ulid"].includes(fn.name)) return undefined;
    throw new Error(`Default ${fn.name}() on ${field.name}: extend this test`);
  }
  return String(value);
}

/// Constraint and index names as Prisma derives them when the schema gives no `map:`.
function defaultName(table: string, columns: string[], suffix: "pkey" | "key" | "idx" | "fkey"): string {
  return suffix === "pkey" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`;
}

type TDescription = { enums: string[]; tables: string[]; columns: string[]; keys: string[]; indexes: string[]; foreignKeys: string[] };

function describeSchema(dmmf: TDmmf): TDescription {
  const { models, enums, indexes } = dmmf.datamodel;
  const enumDbNames = new Map(enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tableOf = new Map(models.map((m) => [m.name, m.dbName ?? m.name]));
  const out: TDescription = { enums: [], tables: [], columns: [], keys: [], indexes: [], foreignKeys: [] };

  for (const e of enums) {
    out.enums.push(`${e.dbName ?? e.name} (${e.values.map((v) => v.dbName ?? v.name).join(", ")})`);
  }

  for (const model of models) {
    const table = tableOf.get(model.name)!;
    const columnOf = new Map(model.fields.map((f) => [f.name, f.dbName ?? f.name]));
    out.tables.push(table);

    for (const field of model.fields) {
      if (field.kind === "object") continue;
      const dflt = expectedDefault(field);
      out.columns.push(
        `${table}.${columnOf.get(field.name)} ${expectedType(field, enumDbNames)} ${field.isRequired ? "NOT NULL" : "NULL"}${dflt === undefined ? "" : ` DEFAULT ${dflt}`}`,
      );
    }

    for (const field of model.fields) {
      if (field.kind !== "object" || !field.relationFromFields?.length) continue;
      const from = field.relationFromFields.map((f) => columnOf.get(f)!);
      const target = models.find((m) => m.name === field.type)!;
      const targetColumns = field.relationToFields!.map((f) => target.fields.find((tf) => tf.name === f)!.dbName ?? f);
      // Prisma's referential actions when the schema names none: Restrict for required
      // relations, SetNull for optional ones; Cascade on update.
      const onDelete = field.relationOnDelete ?? (field.isRequired ? "Restrict" : "SetNull");
      const onUpdate = field.relationOnUpdate ?? "Cascade";
      out.foreignKeys.push(
        `${defaultName(table, from, "fkey")}: ${table}(${from.join(", ")}) -> ${tableOf.get(field.type)}(${targetColumns.join(", ")}) ON DELETE ${ON_DELETE[onDelete]} ON UPDATE ${ON_DELETE[onUpdate]}`,
      );
    }
  }

  for (const index of indexes) {
    const model = models.find((m) => m.name === index.model)!;
    const table = tableOf.get(model.name)!;
    const columns = index.fields.map((f) => {
      const column = model.fields.find((mf) => mf.name === f.name)!.dbName ?? f.name;
      return f.sortOrder === "desc" ? `${column} DESC` : column;
    });
    const plainColumns = index.fields.map((f) => model.fields.find((mf) => mf.name === f.name)!.dbName ?? f.name);
    if (index.type === "id") {
      out.keys.push(`${index.dbName ?? defaultName(table, plainColumns, "pkey")}: PRIMARY KEY ${table}(${columns.join(", ")})`);
    } else {
      const unique = index.type === "unique";
      const name = index.dbName ?? defaultName(table, plainColumns, unique ? "key" : "idx");
      const method = (index.algorithm ?? "BTree").toLowerCase();
      out.indexes.push(`${name}: ${unique ? "UNIQUE " : ""}INDEX ${table} USING ${method} (${columns.join(", ")})`);
    }
  }
  return out;
}

// ─── The database side: pg_catalog ───

/// pg_get_expr spelling → the spelling `expectedDefault` produces.
function normaliseDbDefault(expression: string): string {
  if (/^nextval\(/.test(expression)) return "autoincrement()";
  if (expression === "CURRENT_TIMESTAMP") return "now()";
  // 'PREPARATION'::"ProjectPhase", '[]'::jsonb → PREPARATION, []
  const literal = /^'((?:[^']|'')*)'::[\w" ().,]+$/.exec(expression);
  if (literal) return literal[1]!.replace(/''/g, "'");
  return expression;
}

async function describeDatabase(client: pg.Client): Promise<TDescription> {
  const out: TDescription = { enums: [], tables: [], columns: [], keys: [], indexes: [], foreignKeys: [] };
  const q = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql)).rows;

  for (const row of await q<{ name: string; values: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel ORDER BY e.enumsortorder)::text[] AS values
        FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
        JOIN pg_namespace n ON n.oid = t.typnamespace
       WHERE n.nspname = current_schema()
       GROUP BY t.typname`)) {
    out.enums.push(`${row.name} (${row.values.join(", ")})`);
  }

  for (const row of await q<{ table_name: string }>(`
      SELECT table_name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`)) {
    out.tables.push(row.table_name);
  }

  for (const row of await q<{
    table: string;
    column: string;
    type: string;
    notnull: boolean;
    dflt: string | null;
    enum_name: string | null;
  }>(`
      SELECT c.relname AS "table", a.attname AS "column", format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS notnull, pg_get_expr(d.adbin, d.adrelid) AS dflt,
             CASE WHEN t.typtype = 'e' THEN t.typname END AS enum_name
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_type t ON t.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
       WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> '_prisma_migrations'
         AND a.attnum > 0 AND NOT a.attisdropped`)) {
    const dflt = row.dflt === null ? "" : ` DEFAULT ${normaliseDbDefault(row.dflt)}`;
    out.columns.push(`${row.table}.${row.column} ${row.enum_name ?? row.type} ${row.notnull ? "NOT NULL" : "NULL"}${dflt}`);
  }

  for (const row of await q<{
    name: string;
    table: string;
    unique: boolean;
    primary: boolean;
    method: string;
    columns: string[];
    partial: boolean;
  }>(`
      SELECT i.relname AS name, c.relname AS "table", x.indisunique AS unique, x.indisprimary AS primary,
             am.amname AS method, x.indpred IS NOT NULL AS partial,
             ARRAY(SELECT pg_get_indexdef(x.indexrelid, k, true) FROM generate_series(1, x.indnkeyatts) AS k)::text[] AS columns
        FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_class c ON c.oid = x.indrelid
        JOIN pg_am am ON am.oid = i.relam
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relname <> '_prisma_migrations'`)) {
    const columns = row.columns.map((c) => c.replace(/^"(.*)"$/, "$1"));
    if (row.primary) {
      out.keys.push(`${row.name}: PRIMARY KEY ${row.table}(${columns.join(", ")})`);
    } else {
      out.indexes.push(
        `${row.name}: ${row.unique ? "UNIQUE " : ""}INDEX ${row.table} USING ${row.method} (${columns.join(", ")})${row.partial ? " WHERE …" : ""}`,
      );
    }
  }
  // DESC columns: pg_get_indexdef(…, k, true) prints only the column; add the sort order.
  const desc = await q<{ name: string; k: number }>(`
      SELECT i.relname AS name, k
        FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
        JOIN pg_namespace n ON n.oid = i.relnamespace,
             generate_series(1, x.indnkeyatts) AS k
       WHERE n.nspname = current_schema() AND (x.indoption[k - 1] & 1) = 1`);
  expect(desc, "DESC index columns: extend this test").toEqual([]);

  const actions: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };
  for (const row of await q<{
    name: string;
    table: string;
    columns: string[];
    ref_table: string;
    ref_columns: string[];
    del: string;
    upd: string;
  }>(`
      SELECT con.conname AS name, c.relname AS "table", r.relname AS ref_table,
             con.confdeltype AS del, con.confupdtype AS upd,
             ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS columns,
             ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                     JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.ord)::text[] AS ref_columns
        FROM pg_constraint con
        JOIN pg_class c ON c.oid = con.conrelid
        JOIN pg_class r ON r.oid = con.confrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND con.contype = 'f'`)) {
    out.foreignKeys.push(
      `${row.name}: ${row.table}(${row.columns.join(", ")}) -> ${row.ref_table}(${row.ref_columns.join(", ")}) ON DELETE ${actions[row.del]} ON UPDATE ${actions[row.upd]}`,
    );
  }
  return out;
}

/// Sorted lines, one string: the failure message is a line diff of the two descriptions.
function text(lines: string[]): string {
  return `${[...lines].sort().join("\n")}\n`;
}

// ─── The comparison ───

describe("the migrated database matches schema.prisma", () => {
  let client: pg.Client;
  let schema: TDescription;
  let database: TDescription;

  beforeAll(async () => {
    schema = describeSchema(readDmmf());
    client = new pg.Client({ connectionString: testDatabaseUrl() });
    await client.connect();
    database = await describeDatabase(client);
  });

  afterAll(async () => {
    await client?.end();
  });

  it("reads a non-trivial schema (guards against an empty comparison)", () => {
    expect(schema.tables.length).toBeGreaterThanOrEqual(30);
    expect(schema.enums.length).toBeGreaterThanOrEqual(30);
    expect(schema.foreignKeys.length).toBeGreaterThanOrEqual(60);
  });

  it("has every enum with its values in order", () => {
    expect(text(database.enums)).toBe(text(schema.enums));
  });

  it("has a table for every model and no other", () => {
    expect(text(database.tables)).toBe(text(schema.tables));
  });

  it("has every field as a column with its type, nullability and default", () => {
    expect(text(database.columns)).toBe(text(schema.columns));
  });

  it("has every @id / @@id as the primary key", () => {
    expect(text(database.keys)).toBe(text(schema.keys));
  });

  it("has every @unique, @@unique and @@index as an index, and no other", () => {
    expect(text(database.indexes)).toBe(text(schema.indexes));
  });

  it("has every relation as a foreign key with its referential actions", () => {
    expect(text(database.foreignKeys)).toBe(text(schema.foreignKeys));
  });

  it("has only the CHECK constraints and triggers the migration adds on purpose", async () => {
    const checks = await client.query<{ name: string; table: string; def: string }>(`
        SELECT con.conname AS name, c.relname AS "table", pg_get_constraintdef(con.oid) AS def
          FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND con.contype = 'c' ORDER BY c.relname, con.conname`);
    expect(checks.rows.map((r) => `${r.table}.${r.name}`)).toEqual([
      "Appointment.Appointment_cancelled_check",
      "CompensationItem.CompensationItem_params_check",
      "CompensationItem.CompensationItem_position_check",
      "CompensationPolicy.CompensationPolicy_published_check",
      "Notice.Notice_withdrawn_check",
      "NoticeAttachment.NoticeAttachment_size_check",
      "Project.Project_coverage_days_check",
      "ReceptionSlot.ReceptionSlot_cancel_reason_check",
      "ReceptionSlot.ReceptionSlot_capacity_check",
      "ReceptionSlot.ReceptionSlot_ends_after_start_check",
      "ReceptionSlot.ReceptionSlot_seats_check",
      "Task.Task_cancel_reason_check",
      "WorkingGroup.WorkingGroup_specialty_check",
    ]);

    const triggers = await client.query<{ name: string; table: string }>(`
        SELECT t.tgname AS name, c.relname AS "table"
          FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname = current_schema() AND NOT t.tgisinternal ORDER BY t.tgname`);
    expect(triggers.rows.map((r) => `${r.table}.${r.name}`)).toEqual([
      "AuditEvent.AuditEvent_refuse_truncate",
      "AuditEvent.AuditEvent_refuse_update_delete",
    ]);
  });
});
