// A database outage, for real: a Postgres of this test's own is stopped under a server process
// (the front door of scripts/serve.ts with its real probe, and a stand-in for Next whose page
// queries through the portal's Prisma client and fails with a 500, as Next's error page does).
// During the outage pages and routes answer 503 with Retry-After and the friendly text, in the
// reader's language, never Prisma's; a route handler and a server action answer UNAVAILABLE from
// the driver's own error. Once Postgres runs again, the same server answers 200 by itself.
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createPrismaClient, type PrismaClient } from "@/lib/db";
import { answerError } from "@/lib/errors";
import { createTranslator } from "@/lib/i18n/translate";
import { runOpenRoute } from "@/lib/server/route";
import { probeDatabase } from "../../scripts/lib/database-probe.ts";
import { createFrontDoor, type FrontDoor } from "../../scripts/lib/front-door.ts";
import { findFreePort, startEmbeddedPostgres, type TEmbeddedPostgres } from "../../scripts/lib/postgres.ts";

let dir: string;
let dataDir: string;
let pgPort: number;
let postgres: TEmbeddedPostgres | undefined;
let prisma: PrismaClient;
let door: FrontDoor;
let server: Server;
let base: string;
const reachedNext: string[] = [];

/** What Next does for a page: the page queries; a failure renders the error page with a 500. */
async function nextStandIn(req: IncomingMessage, res: ServerResponse): Promise<void> {
  reachedNext.push(req.url ?? "/");
  try {
    await prisma.$queryRaw`SELECT 1`;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end("<h1>项目</h1>");
  } catch (error) {
    res.statusCode = 500;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end(`<h1>Error</h1><pre>${error instanceof Error ? error.message : String(error)}</pre>`);
  }
}

/** A query's failure as the portal's code sees it. */
async function failureOfQuery(): Promise<unknown> {
  return prisma.$queryRaw`SELECT 1`.then(
    () => new Error("the query unexpectedly succeeded"),
    (error: unknown) => error,
  );
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "lianxin-outage-"));
  // The postgres OS user must be able to enter it.
  await chmod(dir, 0o755);
  dataDir = join(dir, "data");
  pgPort = await findFreePort();
  postgres = await startEmbeddedPostgres({ dataDir, port: pgPort, ephemeral: true });
  const url = postgres.url;
  prisma = createPrismaClient(url, 2);
  door = createFrontDoor({ handle: nextStandIn, maxInFlight: 8, probe: () => probeDatabase(url), recheckMs: 100, log: () => undefined });
  server = createServer(door.listener);
  await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  door?.close();
  server?.closeAllConnections();
  await new Promise((resolveClose) => server?.close(resolveClose));
  await prisma?.$disconnect();
  await postgres?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const page = (headers: Record<string, string> = {}) => fetch(`${base}/projects`, { headers: { accept: "text/html", ...headers } });

describe("a database outage", () => {
  // Upper bounds, not timings: stopping and starting Postgres takes seconds on a busy machine.
  it(
    "answers 503 with Retry-After and the friendly page while Postgres is down, and 200 once it is back",
    { timeout: 120_000 },
    async () => {
      expect((await page()).status).toBe(200);

      await postgres!.stop();
      postgres = undefined;

      // The first page of the outage reaches Next and fails there; its 500 becomes the friendly 503.
      const first = await page();
      expect(first.status).toBe(503);
      expect(first.headers.get("retry-after")).toBe("5");
      expect(first.headers.get("content-type")).toBe("text/html; charset=utf-8");
      const zh = await first.text();
      expect(zh).toContain('<html lang="zh-CN">');
      expect(zh).toContain("<h1>系统暂时无法使用</h1>");
      expect(zh).toContain("连心正在恢复服务，通常只需片刻。请稍后再试，已保存的内容不受影响。");
      for (const leak of ["Can't reach", "prisma", "127.0.0.1", String(pgPort)]) expect(zh).not.toContain(leak);
      expect(door.databaseDown).toBe(true);

      // From then on it is answered before Next, in the reader's language.
      const before = reachedNext.length;
      const en = await page({ cookie: "lianxin-locale=en" });
      expect(en.status).toBe(503);
      expect(en.headers.get("retry-after")).toBe("5");
      const enHtml = await en.text();
      expect(enHtml).toContain('<html lang="en">');
      expect(enHtml).toContain("<h1>Temporarily unavailable</h1>");
      const route = await fetch(`${base}/api/projects/p1/households/export`);
      expect(route.status).toBe(503);
      expect(route.headers.get("retry-after")).toBe("5");
      expect(await route.text()).toBe("连心正在恢复服务，通常只需片刻。请稍后再试，已保存的内容不受影响。\n");
      expect(reachedNext.length).toBe(before);

      // Postgres runs again (its supervisor restarts it): the same server serves by itself.
      postgres = await startEmbeddedPostgres({ dataDir, port: pgPort, ephemeral: true });
      await expect.poll(async () => (await page()).status, { timeout: 20_000, interval: 100 }).toBe(200);
      expect(door.databaseDown).toBe(false);
      const back = await page({ cookie: "lianxin-locale=en" });
      expect(back.status).toBe(200);
      expect(await back.text()).toBe("<h1>项目</h1>");
    },
  );

  it("makes route handlers and server actions answer UNAVAILABLE from the driver's own error", { timeout: 120_000 }, async () => {
    await postgres!.stop();
    postgres = undefined;
    // The route logs what it met; that is not this test's output.
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const error = await failureOfQuery();
      // What runAction shows a form (the write's answer), and what a route handler sends.
      expect(answerError(error, "write")).toEqual({ status: 503, messageKey: "errors.UNAVAILABLE", retryAfterSeconds: 5 });
      const response = await runOpenRoute(
        { request: new Request("http://portal.test/api/live"), kind: "read", label: "outage" } as Parameters<typeof runOpenRoute>[0],
        async () => {
          await prisma.$queryRaw`SELECT 1`;
          return new Response("never");
        },
        { getTranslator: async () => createTranslator("en"), getActor: async () => null },
      );
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toBe("5");
      expect(await response.text()).toBe("The portal is temporarily unavailable, and this was not done. Please try again shortly.");
    } finally {
      log.mockRestore();
      postgres = await startEmbeddedPostgres({ dataDir, port: pgPort, ephemeral: true });
    }
    expect(await prisma.$queryRaw`SELECT 1 AS up`).toEqual([{ up: 1 }]);
  });
});
