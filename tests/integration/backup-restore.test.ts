// `npm run db:backup` and `npm run db:restore` for real: the demo, seeded into this file's
// database, backed up by the command into a file, restored by the command into a fresh data
// dir (its own cluster, initdb included), and compared table by table on the restored cluster:
// row counts and a checksum of every table's rows, the migration history, the sequences, the
// roles and grants, the append-only trigger, and the key that opens the ID numbers. A damaged
// file, a wrong key and an occupied data dir are refused without leaving a cluster behind.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptIdNumber } from "@/lib/security/id-number";
import { seedDemo } from "@/prisma/seed/demo";
import { databaseUrl, testServerUrl } from "../support/databases.ts";
import { testDb } from "../support/test-db.ts";
import { findFreePort, startEmbeddedPostgres, type TEmbeddedPostgres } from "../../scripts/lib/postgres.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const run = promisify(execFile);
/// A role of the original cluster with a password and grants of its own, to be found again.
const EXTRA_ROLE = `lianxin_backup_reader_${process.pid}`;
const EXTRA_PASSWORD = "reader-password-1";

type TRun = { code: number; stdout: string; stderr: string };

async function command(script: "backup" | "restore", args: string[]): Promise<TRun> {
  try {
    const { stdout, stderr } = await run(process.execPath, ["--import", "tsx", `scripts/${script}.ts`, ...args], {
      cwd: ROOT,
      // Neither command may lean on the test's own connection settings.
      env: { ...process.env, DATABASE_URL: "", LIANXIN_MIGRATION_DATABASE_URL: "", LIANXIN_DATA_DIR: "" },
      maxBuffer: 16 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === "number" ? failed.code : 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/// Every table of the public schema with its row count and the md5 of its rows (each row's
/// text, sorted), so equal means the same rows, byte for byte.
async function fingerprint(client: pg.Client): Promise<Record<string, { rows: number; md5: string }>> {
  const { rows: tables } = await client.query<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const result: Record<string, { rows: number; md5: string }> = {};
  for (const { name } of tables) {
    const t = client.escapeIdentifier(name);
    const { rows } = await client.query<{ rows: number; md5: string | null }>(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(r::text, E'\\n' ORDER BY r::text COLLATE "C"), '')) AS md5 FROM public.${t} r`,
    );
    result[name] = { rows: rows[0]!.rows, md5: rows[0]!.md5 ?? "" };
  }
  return result;
}

async function one<T>(client: pg.Client, sql: string, values: unknown[] = []): Promise<T> {
  return (await client.query(sql, values)).rows[0] as T;
}

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

let work: string;
let ownerUrl: string;
let source: pg.Client;
let backupFile: string;
let backupRun: TRun;
let restoreRun: TRun;
let restored: TEmbeddedPostgres | undefined;
let target: pg.Client | undefined;
const KEY = process.env.LIANXIN_DATA_KEY!;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "lianxin-backup-test-"));
  // Postgres runs as the postgres OS user when tests run as root: it must enter these dirs.
  await chmod(work, 0o755);
  const name = decodeURIComponent(new URL(process.env.DATABASE_URL!).pathname.slice(1));
  ownerUrl = databaseUrl(testServerUrl(), name);

  await seedDemo(testDb(), { anchor: "2025-03-14" });
  source = await connect(ownerUrl);
  // The demo has no audit trail of its own: a few events, to restore an append-only table.
  await source.query(`INSERT INTO "AuditEvent" (action, entity, "entityId") SELECT 'create:project', 'Project', id::text FROM "Project"`);
  await source.query(`CREATE ROLE ${EXTRA_ROLE} LOGIN PASSWORD '${EXTRA_PASSWORD}'`);
  await source.query(`GRANT SELECT ON "Household" TO ${EXTRA_ROLE}`);
  await source.query(`GRANT CONNECT ON DATABASE ${source.escapeIdentifier(name)} TO ${EXTRA_ROLE}`);

  let started = performance.now();
  backupRun = await command("backup", ["--url", ownerUrl, "--out", join(work, "backups")]);
  const files = existsSync(join(work, "backups")) ? await readdir(join(work, "backups")) : [];
  backupFile = join(work, "backups", files[0] ?? "missing");

  console.log(`[backup-restore] backup took ${Math.round(performance.now() - started)} ms`);
  await writeFile(join(work, "secrets.json"), JSON.stringify({ NEXTAUTH_SECRET: "s".repeat(43), LIANXIN_DATA_KEY: KEY }), { mode: 0o600 });
  started = performance.now();
  restoreRun = await command("restore", [backupFile, "--data-dir", join(work, "restored"), "--secrets", join(work, "secrets.json")]);
  console.log(`[backup-restore] restore took ${Math.round(performance.now() - started)} ms`);
  if (restoreRun.code === 0) {
    restored = await startEmbeddedPostgres({ dataDir: join(work, "restored", "pg"), port: await findFreePort() });
    target = await connect(restored.url);
  }
}, 240_000);

afterAll(async () => {
  await target?.end();
  await restored?.stop();
  if (source) {
    await source.query(`DROP OWNED BY ${EXTRA_ROLE}`).catch(() => undefined);
    await source.query(`DROP ROLE IF EXISTS ${EXTRA_ROLE}`).catch(() => undefined);
    await source.end();
  }
  if (work) await rm(work, { recursive: true, force: true });
}, 60_000);

describe("npm run db:backup", () => {
  it("writes one file named with the date, mode 0600, and says where it went and how big it is", async () => {
    expect(backupRun.stderr).toBe("");
    expect(backupRun.code).toBe(0);
    expect(backupFile).toMatch(/lianxin-\d{4}-\d{2}-\d{2}-\d{6}Z\.backup\.gz$/);
    const info = await stat(backupFile);
    expect(info.mode & 0o777).toBe(0o600);
    expect(backupRun.stdout).toContain(backupFile);
    expect(backupRun.stdout).toMatch(/\(\d+(\.\d)? (KB|MB)/);
    // The key is not in the backup, and the command says so.
    expect(backupRun.stdout).toMatch(/LIANXIN_DATA_KEY, which the backup does NOT hold/);
    const { gunzipSync } = await import("node:zlib");
    const text = gunzipSync(await readFile(backupFile));
    expect(text.includes(Buffer.from(KEY))).toBe(false);
    // ID numbers only as ciphertext and mask.
    const { cipher } = await one<{ cipher: string }>(
      source,
      `SELECT "idNumberCipher" AS cipher FROM "HouseholdMember" WHERE "idNumberCipher" IS NOT NULL LIMIT 1`,
    );
    expect(text.includes(Buffer.from(decryptIdNumber(cipher, KEY)))).toBe(false);
  });
});

describe("npm run db:restore into a fresh data dir", () => {
  it("restores every table: the same row counts and the same rows (md5), households included", async () => {
    expect(restoreRun.stderr).toBe("");
    expect(restoreRun.code).toBe(0);
    const before = await fingerprint(source);
    const after = await fingerprint(target!);
    expect(Object.keys(after)).toEqual(Object.keys(before));
    expect(after).toEqual(before);
    expect(after.Household!.rows).toBeGreaterThan(2000);
    expect(after.AuditEvent!.rows).toBeGreaterThan(0);
    expect(after._prisma_migrations!.rows).toBeGreaterThan(0);
    expect(restoreRun.stdout).toContain(`LIANXIN_DATA_DIR=${join(work, "restored")} npm start`);
  });

  it("households checksum: md5 of the rows ordered by id is equal", async () => {
    const sql = `SELECT md5(string_agg(h::text, '|' ORDER BY h.id)) AS md5 FROM "Household" h`;
    expect(await one(target!, sql)).toEqual(await one(source, sql));
  });

  it("sets every sequence where the original's was, so new rows get new ids", async () => {
    const sql = `SELECT coalesce(json_object_agg(sequencename, last_value ORDER BY sequencename), '{}') AS v FROM pg_sequences WHERE schemaname = 'public'`;
    const { v } = await one<{ v: Record<string, number> }>(target!, sql);
    expect(v).toEqual((await one<{ v: Record<string, number> }>(source, sql)).v);
    const { max } = await one<{ max: string }>(target!, `SELECT max(id)::text AS max FROM "AuditEvent"`);
    const { id } = await one<{ id: string }>(
      target!,
      `INSERT INTO "AuditEvent" (action, entity, "entityId") VALUES ('create:project', 'Project', 'x') RETURNING id::text`,
    );
    expect(BigInt(id)).toBeGreaterThan(BigInt(max));
  });

  it("keeps the audit trail append-only", async () => {
    await expect(target!.query(`UPDATE "AuditEvent" SET action = action`)).rejects.toThrow(/append-only/);
    await expect(target!.query(`DELETE FROM "AuditEvent"`)).rejects.toThrow(/append-only/);
  });

  it("recreates the original's roles with their passwords and their grants", async () => {
    expect(await one(target!, `SELECT has_table_privilege($1, 'public."Household"', 'SELECT') AS ok`, [EXTRA_ROLE])).toEqual({ ok: true });
    expect(await one(target!, `SELECT has_table_privilege($1, 'public."Household"', 'UPDATE') AS ok`, [EXTRA_ROLE])).toEqual({ ok: false });
    const url = new URL(restored!.url);
    url.username = EXTRA_ROLE;
    url.password = EXTRA_PASSWORD;
    const reader = await connect(url.toString());
    try {
      expect(await one(reader, `SELECT count(*)::int AS n FROM "Household"`)).toEqual(
        await one(source, `SELECT count(*)::int AS n FROM "Household"`),
      );
      await expect(reader.query(`SELECT count(*) FROM "User"`)).rejects.toThrow(/permission denied/);
    } finally {
      await reader.end();
    }
  });

  it("puts the given secrets.json in the data dir (mode 0600) after checking that its key opens the ID numbers", async () => {
    expect(restoreRun.stdout).toContain("opens the ID numbers");
    const copied = join(work, "restored", "secrets.json");
    expect((await stat(copied)).mode & 0o777).toBe(0o600);
    const { LIANXIN_DATA_KEY } = JSON.parse(await readFile(copied, "utf8")) as { LIANXIN_DATA_KEY: string };
    const { cipher, masked } = await one<{ cipher: string; masked: string }>(
      target!,
      `SELECT "idNumberCipher" AS cipher, "idNumberMasked" AS masked FROM "HouseholdMember" WHERE "idNumberCipher" IS NOT NULL ORDER BY id LIMIT 1`,
    );
    const id = decryptIdNumber(cipher, LIANXIN_DATA_KEY);
    expect(`${id.slice(0, 3)}${"*".repeat(id.length - 7)}${id.slice(-4)}`).toBe(masked);
  });
});

describe("npm run db:restore refuses", () => {
  it("a data dir that already holds a cluster, unless --force, and leaves it as it was", async () => {
    const dir = join(work, "restored");
    const before = await readFile(join(dir, "pg", "PG_VERSION"), "utf8");
    const refused = await command("restore", [backupFile, "--data-dir", dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/already holds a cluster: restore into a new data dir, or pass --force/);
    expect(await readFile(join(dir, "pg", "PG_VERSION"), "utf8")).toBe(before);
  });

  it("a running cluster even with --force", async () => {
    const refused = await command("restore", [backupFile, "--data-dir", join(work, "restored"), "--force"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/a Postgres is running on .*: stop the portal first/);
  });

  it("a backup at a migration this checkout does not have, or a file that is no backup, before creating anything", async () => {
    const { gunzipSync, gzipSync } = await import("node:zlib");
    const text = gunzipSync(await readFile(backupFile)).toString("utf8");
    const newline = text.indexOf("\n");
    const header = JSON.parse(text.slice(0, newline)) as { migrations: { name: string; checksum: string }[] };
    header.migrations.push({ name: "29991231000000_from_the_future", checksum: "0".repeat(64) });
    const future = join(work, "future.backup.gz");
    await writeFile(future, gzipSync(JSON.stringify(header) + text.slice(newline)));
    const dir = join(work, "from-future");
    const refused = await command("restore", [future, "--data-dir", dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/at migration 29991231000000_from_the_future, which this checkout does not have/);
    expect(existsSync(dir)).toBe(false);

    const notBackup = join(work, "not-a-backup.gz");
    await writeFile(notBackup, gzipSync('{"hello":"world"}\n'));
    const alsoRefused = await command("restore", [notBackup, "--data-dir", dir]);
    expect(alsoRefused.code).toBe(1);
    expect(alsoRefused.stderr).toMatch(/this file is not a Lianxin backup/);
    expect(existsSync(dir)).toBe(false);
  });

  it("a file cut short, and leaves no cluster", async () => {
    const bytes = await readFile(backupFile);
    const cut = join(work, "cut.backup.gz");
    await writeFile(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    const dir = join(work, "from-cut");
    const refused = await command("restore", [cut, "--data-dir", dir]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/damaged or cut short|cut short/);
    expect(existsSync(join(dir, "pg"))).toBe(false);
    expect((existsSync(dir) ? await readdir(dir) : []).filter((f) => f.startsWith("pg"))).toEqual([]);
  }, 120_000);

  it("a secrets.json whose key does not open the ID numbers, and leaves no cluster", async () => {
    const wrong = join(work, "wrong-secrets.json");
    await writeFile(wrong, JSON.stringify({ LIANXIN_DATA_KEY: "ab".repeat(32) }));
    const dir = join(work, "wrong-key");
    const refused = await command("restore", [backupFile, "--data-dir", dir, "--secrets", wrong]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/does not open this backup's ID numbers/);
    expect((existsSync(dir) ? await readdir(dir) : []).filter((f) => f.startsWith("pg") || f === "secrets.json")).toEqual([]);
  }, 120_000);
});
