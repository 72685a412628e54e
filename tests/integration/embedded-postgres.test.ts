// scripts/lib/postgres.ts: the embedded server starts in its own process, fails with one line
// that names the cause, and never leaves a Postgres behind.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { chmod, mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findFreePort, startEmbeddedPostgres, type TEmbeddedPostgres } from "../../scripts/lib/postgres.ts";

/// Command lines of running Postgres servers and pg-server processes for this data directory.
function processesFor(dataDir: string): string[] {
  const lines = execFileSync("ps", ["-eo", "args="], { encoding: "utf8" }).split("\n");
  return lines.filter((line) => line.includes(`-D ${dataDir} `) || line.includes(`--data-dir ${dataDir} `));
}

async function newDataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "lianxin-pg-test-"));
  await chmod(dir, 0o755);
  dirs.push(dir);
  return join(dir, "data");
}

async function startFailure(options: Parameters<typeof startEmbeddedPostgres>[0]): Promise<Error> {
  const result = await startEmbeddedPostgres(options).then(
    async (server) => {
      await server.stop();
      return new Error("unexpectedly started");
    },
    (error: unknown) => error,
  );
  expect(result).toBeInstanceOf(Error);
  expect((result as Error).message).not.toBe("unexpectedly started");
  return result as Error;
}

const dirs: string[] = [];
let dataDir: string;
let running: TEmbeddedPostgres | undefined;

beforeAll(async () => {
  dataDir = await newDataDir();
  running = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), ephemeral: true });
});

afterAll(async () => {
  await running?.stop();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("startEmbeddedPostgres", () => {
  it("serves the lianxin database on 127.0.0.1", async () => {
    const url = new URL(running!.url);
    expect(url.hostname).toBe("127.0.0.1");
    const client = new pg.Client({ connectionString: running!.url });
    await client.connect();
    try {
      const { rows } = await client.query("SELECT current_database() AS name, current_setting('server_version_num')::int AS version");
      expect(rows[0].name).toBe("lianxin");
      expect(rows[0].version).toBeGreaterThanOrEqual(180000);
    } finally {
      await client.end();
    }
  });

  it("refuses a second server on a data directory in use, in one line naming the lock file", async () => {
    const before = processesFor(dataDir);
    const error = await startFailure({ dataDir, port: await findFreePort(), ephemeral: true });
    expect(error.message).toMatch(/lock file "postmaster\.pid" already exists/);
    expect(error.message).toContain(dataDir);
    expect(error.message).not.toContain("\n");
    // Only the first server's processes remain.
    expect(processesFor(dataDir)).toEqual(before);
  });

  it("stops cleanly: no process and no lock file left", async () => {
    await running!.stop();
    running = undefined;
    expect(processesFor(dataDir)).toEqual([]);
    expect(existsSync(join(dataDir, "postmaster.pid"))).toBe(false);
  });

  it("fails clearly when the port is taken, leaving the data directory usable", async () => {
    const blocker: Server = createServer();
    const port = await findFreePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const error = await startFailure({ dataDir, port, ephemeral: true });
      expect(error.message).toContain(`127.0.0.1:${port}`);
      expect(error.message).toMatch(/Address already in use/);
      expect(error.message).not.toContain("\n");
      expect(processesFor(dataDir)).toEqual([]);
      expect(existsSync(join(dataDir, "postmaster.pid"))).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it("after a crash, starts over a stale lock file but refuses one whose PID is alive", async () => {
    const postgresUid = process.getuid?.() === 0 ? Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })) : undefined;
    const lockFile = join(dataDir, "postmaster.pid");

    // The PID in the lock file is reused by another process of the postgres user: Postgres
    // cannot tell the lock is stale and must refuse rather than risk two servers on one directory.
    const squatter = spawn("sleep", ["30"], { uid: postgresUid, stdio: "ignore" });
    try {
      await writeFile(lockFile, `${squatter.pid}\n${dataDir}\n`);
      const error = await startFailure({ dataDir, port: await findFreePort(), ephemeral: true });
      expect(error.message).toMatch(/lock file "postmaster\.pid" already exists/);
      expect(error.message).toContain(`PID ${squatter.pid}`);
      expect(processesFor(dataDir)).toEqual([]);
    } finally {
      squatter.kill();
    }

    // The PID is gone: an ordinary crash. Postgres removes the stale lock and starts.
    const exited = spawn("true");
    await new Promise((resolve) => exited.once("exit", resolve));
    await writeFile(lockFile, `${exited.pid}\n${dataDir}\n`);
    running = await startEmbeddedPostgres({ dataDir, port: await findFreePort(), ephemeral: true });
    const client = new pg.Client({ connectionString: running.url });
    await client.connect();
    await client.end();
  });
});
