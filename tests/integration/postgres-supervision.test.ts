// The embedded Postgres is supervised (scripts/lib/postgres.ts superviseEmbeddedPostgres, what
// `npm start` runs): when the postmaster is killed, one line says so, it is started again with
// back-off, and a client that was connected before (the portal's Prisma pool) answers again
// without being recreated. A postmaster left running by a killed server process is stopped and
// replaced by a watched one.
import { execFileSync } from "node:child_process";
import { readFile, chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { APP_ROLE } from "@/prisma/app-role";
import { migrate } from "@/prisma/migrator";
import { findFreePort, superviseEmbeddedPostgres, type TSupervisedPostgres } from "@/scripts/lib/postgres";

let dir: string;
let dataDir: string;
let postgres: TSupervisedPostgres | undefined;
let prisma: PrismaClient;
const lines: string[] = [];

async function postmasterPid(): Promise<number> {
  // The first line of postmaster.pid is the postmaster's process id.
  return Number((await readFile(join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The database answers through the client made before the kill: true, or the error's text. */
async function answers(): Promise<true | string> {
  try {
    const [row] = await prisma.$queryRaw<{ one: number }[]>`SELECT 1 AS one`;
    return row?.one === 1 ? true : "no row";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

async function killPostmaster(): Promise<number> {
  const pid = await postmasterPid();
  process.kill(pid, "SIGKILL");
  await expect.poll(() => isAlive(pid), { timeout: 20_000 }).toBe(false);
  return pid;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lianxin-supervised-pg-"));
  await chmod(dir, 0o755);
  dataDir = join(dir, "data");
  postgres = await superviseEmbeddedPostgres({
    dataDir,
    port: await findFreePort(),
    ephemeral: true,
    log: (line) => lines.push(line),
  });
  await migrate(postgres.url, { appRole: APP_ROLE });
  // A throw-away cluster commits without waiting for its WAL to be written
  // (synchronous_commit=off), so a kill right after migrating could take the last commits (the
  // app role's grants) with it. The tests kill a cluster whose schema is written.
  const owner = new pg.Client({ connectionString: postgres.url });
  await owner.connect();
  await owner.query("CHECKPOINT");
  await owner.end();
  prisma = createPrismaClient(postgres.appUrl, 2);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await postgres?.stop();
  // A failed test may have left a postmaster of this data dir without its supervisor.
  const left = await postmasterPid().catch(() => 0);
  if (left > 1 && isAlive(left)) process.kill(left, "SIGINT");
  for (let i = 0; i < 200 && left > 1 && isAlive(left); i++) await new Promise((resolveWait) => setTimeout(resolveWait, 100));
  await rm(dir, { recursive: true, force: true });
});

describe("the supervised embedded Postgres", () => {
  it("comes back after its postmaster is killed, says so in one line, and the portal's client answers again", async () => {
    expect(await answers()).toBe(true);
    expect(await prisma.project.count()).toBe(0);

    const killed = await killPostmaster();
    await expect.poll(() => lines.some((l) => l.startsWith("Postgres stopped unexpectedly")), { timeout: 20_000 }).toBe(true);
    await expect.poll(answers, { timeout: 60_000, interval: 250 }).toBe(true);

    expect(await postmasterPid()).not.toBe(killed);
    expect(await prisma.project.count()).toBe(0);
    const deaths = lines.filter((l) => l.startsWith("Postgres stopped unexpectedly"));
    expect(deaths).toHaveLength(1);
    expect(deaths[0]).toMatch(/^Postgres stopped unexpectedly: the postmaster exited with signal SIGKILL/);
    expect(deaths[0]).toMatch(/; restarting it in 0\.5 s$/);
    expect(deaths[0]).not.toContain("\n");
    // Postgres answers a moment before its server process reports it ready.
    await expect.poll(() => lines.at(-1), { timeout: 20_000 }).toMatch(/^Postgres is running again/);
  });

  it("waits twice as long when it dies again soon after a restart", async () => {
    const before = lines.length;
    await killPostmaster();
    await expect.poll(answers, { timeout: 60_000, interval: 250 }).toBe(true);
    const deaths = lines.slice(before).filter((l) => l.startsWith("Postgres stopped unexpectedly"));
    expect(deaths).toHaveLength(1);
    // Not back to 0.5 s: the server had not stayed up for a minute (1 s, or more if a restart
    // attempt of the first death failed and doubled the wait already).
    const waitS = Number(/restarting it in ([\d.]+) s$/.exec(deaths[0]!)?.[1]);
    expect(waitS).toBeGreaterThanOrEqual(1);
    // Postgres answers a moment before its server process reports it ready; the next test must
    // not kill that process while the supervisor still counts it as a restart in progress.
    await expect.poll(() => lines.at(-1), { timeout: 20_000 }).toMatch(/^Postgres is running again/);
  });

  it("when the server process is killed but its postmaster lives on, stops that postmaster and starts a watched one", async () => {
    const before = lines.length;
    const orphan = await postmasterPid();
    const ps = execFileSync("ps", ["-eo", "pid=,args="], { encoding: "utf8" }).split("\n");
    const server = ps.find((line) => line.includes("pg-server.ts") && line.includes(`--data-dir ${dataDir} `));
    expect(server).toBeDefined();
    process.kill(Number(server!.trim().split(/\s+/)[0]), "SIGKILL");

    await expect.poll(() => isAlive(orphan), { timeout: 60_000 }).toBe(false);
    await expect.poll(answers, { timeout: 60_000, interval: 250 }).toBe(true);
    expect(await postmasterPid()).not.toBe(orphan);
    await expect.poll(() => lines.at(-1), { timeout: 20_000 }).toMatch(/^Postgres is running again/);
    const said = lines.slice(before);
    expect(said[0]).toMatch(/^Postgres stopped unexpectedly: the server process exited \(code none, signal SIGKILL\)/);
    expect(said).toContain(`stopping the postmaster left running without its supervisor (pid ${orphan})`);
  });

  it("stops for good when asked: no restart afterwards", async () => {
    const pid = await postmasterPid();
    await postgres!.stop();
    postgres = undefined;
    expect(isAlive(pid)).toBe(false);
    const count = lines.length;
    expect(await answers()).not.toBe(true);
    expect(lines).toHaveLength(count);
  });
});
