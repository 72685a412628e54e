// prisma/migrator.ts keeps Prisma's history table exactly and never leaves a half-applied
// migration; the init migration's extra rules (WorkingGroup check, append-only AuditEvent) hold.
import { createHash } from "node:crypto";
import { readdirSync } from "node:fs";
import { mkdtemp, mkdir, readFile, rm, writeFile, cp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { markRolledBack, migrate } from "../../prisma/migrator.ts";
import { createDatabase, dropDatabase } from "../support/databases.ts";
import { testDatabaseUrl, testDb, testOwnerDatabaseUrl } from "../support/test-db.ts";

const MIGRATIONS_DIR = fileURLToPath(new URL("../../prisma/migrations", import.meta.url));
const INIT = "20261122000000_init";
/** Every migration of the repository, in the order they apply. */
const ALL = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

type THistoryRow = {
  id: string;
  checksum: string;
  finished_at: Date | null;
  migration_name: string;
  logs: string | null;
  rolled_back_at: Date | null;
  started_at: Date;
  applied_steps_count: number;
};

const createdDatabases: string[] = [];
const tempDirs: string[] = [];

async function emptyDatabase(): Promise<string> {
  const { name, url } = await createDatabase();
  createdDatabases.push(name);
  return url;
}

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function history(url: string): Promise<THistoryRow[]> {
  return withClient(
    url,
    async (c) => (await c.query<THistoryRow>("SELECT * FROM _prisma_migrations ORDER BY started_at, migration_name")).rows,
  );
}

function tableExists(url: string, table: string): Promise<boolean> {
  return withClient(url, async (c) => (await c.query("SELECT to_regclass($1) IS NOT NULL AS ok", [`"${table}"`])).rows[0].ok);
}

async function migrationsDir(migrations: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lianxin-migrations-"));
  tempDirs.push(dir);
  await cp(join(MIGRATIONS_DIR, "migration_lock.toml"), join(dir, "migration_lock.toml"));
  for (const [name, sql] of Object.entries(migrations)) {
    await mkdir(join(dir, name));
    await writeFile(join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

afterAll(async () => {
  for (const name of createdDatabases) await dropDatabase(name);
  for (const dir of tempDirs) await rm(dir, { recursive: true, force: true });
});

describe("migrate()", () => {
  it("applies the migrations once, then nothing", async () => {
    const url = await emptyDatabase();
    const lines: string[] = [];
    expect(await migrate(url, { log: (line) => lines.push(line) })).toEqual({ applied: ALL });
    expect(lines.join("\n")).toContain(INIT);
    expect(await migrate(url)).toEqual({ applied: [] });
    expect(await history(url)).toHaveLength(ALL.length);
  });

  it("records each migration as Prisma does: sha256 of the file, finished_at, one step", async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const expected = createHash("sha256")
      .update(await readFile(join(MIGRATIONS_DIR, INIT, "migration.sql")))
      .digest("hex");
    const [row] = await history(url);
    expect(row).toMatchObject({
      migration_name: INIT,
      checksum: expected,
      logs: null,
      rolled_back_at: null,
      applied_steps_count: 1,
    });
    expect(row!.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(row!.finished_at).toBeInstanceOf(Date);
    expect(row!.finished_at!.getTime()).toBeGreaterThanOrEqual(row!.started_at.getTime());
  });

  it("creates _prisma_migrations with Prisma's exact columns", async () => {
    const url = await emptyDatabase();
    await migrate(url);
    const columns = await withClient(url, async (c) =>
      (
        await c.query(
          `SELECT column_name, data_type, character_maximum_length AS len, is_nullable, column_default
             FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
        )
      ).rows.map(
        (r) =>
          `${r.column_name} ${r.data_type}${r.len ? `(${r.len})` : ""} ${r.is_nullable === "NO" ? "NOT NULL" : "NULL"}${r.column_default ? ` DEFAULT ${r.column_default}` : ""}`,
      ),
    );
    expect(columns).toEqual([
      "id character varying(36) NOT NULL",
      "checksum character varying(64) NOT NULL",
      "finished_at timestamp with time zone NULL",
      "migration_name character varying(255) NOT NULL",
      "logs text NULL",
      "rolled_back_at timestamp with time zone NULL",
      "started_at timestamp with time zone NOT NULL DEFAULT now()",
      "applied_steps_count integer NOT NULL DEFAULT 0",
    ]);
    const primaryKey = await withClient(
      url,
      async (c) =>
        (
          await c.query(
            `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = '_prisma_migrations'::regclass AND contype = 'p'`,
          )
        ).rows,
    );
    expect(primaryKey).toEqual([{ def: "PRIMARY KEY (id)" }]);
  });

  it("leaves the database untouched by a failing migration, records the failure and refuses to go on", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({
      "20260101000000_first": `CREATE TABLE "First" ("id" INTEGER NOT NULL, CONSTRAINT "First_pkey" PRIMARY KEY ("id"));\n`,
      "20260102000000_broken": [
        `CREATE TABLE "Second" ("id" INTEGER NOT NULL);`,
        `ALTER TABLE "First" ADD COLUMN "extra" TEXT;`,
        `INSERT INTO "Missing" VALUES (1);`,
        ``,
      ].join("\n"),
    });

    const failure = await migrate(url, { migrationsDir: dir }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toContain("20260102000000_broken");
    expect(message).toContain('relation "Missing" does not exist');
    expect(message).toContain("line 3");

    // The first migration stays applied; nothing of the broken one remains.
    expect(await tableExists(url, "First")).toBe(true);
    expect(await tableExists(url, "Second")).toBe(false);
    const firstColumns = await withClient(url, async (c) =>
      (await c.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'First'`)).rows.map((r) => r.column_name),
    );
    expect(firstColumns).toEqual(["id"]);

    const rows = await history(url);
    expect(rows.map((r) => [r.migration_name, r.finished_at === null])).toEqual([
      ["20260101000000_first", false],
      ["20260102000000_broken", true],
    ]);
    const broken = rows[1]!;
    expect(broken.rolled_back_at).toBeNull();
    expect(broken.applied_steps_count).toBe(0);
    expect(broken.logs).toContain('relation "Missing" does not exist');
    expect(broken.logs).toContain("42P01");

    // Until someone resolves it, nothing more is applied, not even a corrected script.
    await writeFile(join(dir, "20260102000000_broken", "migration.sql"), `CREATE TABLE "Second" ("id" INTEGER NOT NULL);\n`);
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(/20260102000000_broken.*not resolved/);
    expect(await tableExists(url, "Second")).toBe(false);

    await markRolledBack(url, "20260102000000_broken");
    expect(await migrate(url, { migrationsDir: dir })).toEqual({ applied: ["20260102000000_broken"] });
    expect(await tableExists(url, "Second")).toBe(true);
  });

  it("refuses to run when an applied migration was edited afterwards", async () => {
    const url = await emptyDatabase();
    const dir = await migrationsDir({ "20260101000000_first": `CREATE TABLE "First" ("id" INTEGER NOT NULL);\n` });
    await migrate(url, { migrationsDir: dir });

    // Line endings changed by git are not an edit (Prisma accepts them too).
    await writeFile(join(dir, "20260101000000_first", "migration.sql"), `CREATE TABLE "First" ("id" INTEGER NOT NULL);\r\n`);
    expect(await migrate(url, { migrationsDir: dir })).toEqual({ applied: [] });

    await writeFile(join(dir, "20260101000000_first", "migration.sql"), `CREATE TABLE "First" ("id" BIGINT NOT NULL);\n`);
    await mkdir(join(dir, "20260102000000_second"));
    await writeFile(join(dir, "20260102000000_second", "migration.sql"), `CREATE TABLE "Second" ("id" INTEGER);\n`);
    await expect(migrate(url, { migrationsDir: dir })).rejects.toThrow(/20260101000000_first was modified after it was applied/);
    expect(await tableExists(url, "Second")).toBe(false);
  });

  it("refuses a database that has tables but no migration history", async () => {
    const url = await emptyDatabase();
    await withClient(url, (c) => c.query(`CREATE TABLE "Stray" ("id" INTEGER)`));
    await expect(migrate(url)).rejects.toThrow(/not empty/);
  });

  it("serialises concurrent runs with Prisma's advisory lock", async () => {
    const url = await emptyDatabase();
    const results = await Promise.all([migrate(url), migrate(url), migrate(url)]);
    expect(results.flatMap((r) => r.applied)).toEqual(ALL);
    expect(await history(url)).toHaveLength(ALL.length);
  });
});

describe("rules the init migration adds beyond schema.prisma", () => {
  let auditId: bigint;
  let projectId: string;

  beforeAll(async () => {
    const project = await testDb().project.create({
      data: { code: "P-CHECK", name: "Check", kind: "OLD_DISTRICT", district: "Huangpu", street: "Nanjing Road" },
    });
    projectId = project.id;
    const event = await testDb().auditEvent.create({
      data: { action: "create:project", entity: "Project", entityId: project.id, projectId, after: { code: "P-CHECK" } },
    });
    auditId = event.id;
  });

  it("AuditEvent refuses UPDATE, DELETE and TRUNCATE, even to its owner", async () => {
    await withClient(testOwnerDatabaseUrl(), async (c) => {
      await expect(c.query(`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = $1`, [auditId])).rejects.toThrow(
        /AuditEvent is append-only: UPDATE/,
      );
      await expect(c.query(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [auditId])).rejects.toThrow(/AuditEvent is append-only: DELETE/);
      await expect(c.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/AuditEvent is append-only: TRUNCATE/);
    });
    // The portal's role is not even granted DELETE (tests/integration/app-role.test.ts).
    await expect(testDb().auditEvent.deleteMany({})).rejects.toThrow(/permission denied/);
    const row = await testDb().auditEvent.findUniqueOrThrow({ where: { id: auditId } });
    expect(row.action).toBe("create:project");
  });

  it("AuditEvent still accepts new rows", async () => {
    await testDb().auditEvent.create({ data: { action: "update:project", entity: "Project", entityId: projectId } });
    expect(await testDb().auditEvent.count()).toBe(2);
  });

  it("WorkingGroup has a specialty exactly when it is a SPECIAL group", async () => {
    const groups = testDb().workingGroup;
    await expect(groups.create({ data: { projectId, kind: "SIGNING", name: "Group 1" } })).resolves.toBeDefined();
    await expect(groups.create({ data: { projectId, kind: "SPECIAL", specialty: "PUBLICITY", name: "Publicity" } })).resolves.toBeDefined();

    await withClient(testDatabaseUrl(), async (c) => {
      const insert = `INSERT INTO "WorkingGroup" ("id", "projectId", "kind", "specialty", "name") VALUES (gen_random_uuid(), $1, $2, $3, $4)`;
      await expect(c.query(insert, [projectId, "SIGNING", "PUBLICITY", "Group 2"])).rejects.toThrow(/WorkingGroup_specialty_check/);
      await expect(c.query(insert, [projectId, "SPECIAL", null, "Nameless"])).rejects.toThrow(/WorkingGroup_specialty_check/);
    });
    await expect(groups.create({ data: { projectId, kind: "SPECIAL", name: "No specialty" } })).rejects.toThrow();
    expect(await groups.count()).toBe(2);
  });
});
