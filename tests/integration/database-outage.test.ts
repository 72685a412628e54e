// A database outage, for real: a Postgres of this test's own is stopped under server processes
// (the front door of scripts/serve.ts with its real probe, and a stand-in for Next whose page
// queries through the portal's Prisma client and fails with a 500 and Prisma's text). One door
// watches the database as scripts/serve.ts does, and closes as Postgres stops; one has no watch (a
// database whose connection does not drop), and closes on the first page that fails. During the
// outage pages and routes answer 503 with Retry-After and the friendly text, in the reader's
// language, never Prisma's; a route handler and a server action answer UNAVAILABLE from the
// driver's own error. Once Postgres runs again, the same servers answer 200 by themselves.
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
import { probeDatabase, watchDatabase } from "../../scripts/lib/database-probe.ts";
import { createFrontDoor, type FrontDoor } from "../../scripts/lib/front-door.ts";
import { findFreePort, startEmbeddedPostgres, type TEmbeddedPostgres } from "../../scripts/lib/postgres.ts";

type Stand = { door: FrontDoor; server: Server; base: string; reachedNext: string[] };

let dir: string;
let dataDir: string;
let pgPort: number;
let postgres: TEmbeddedPostgres | undefined;
let prisma: PrismaClient;
let watched: Stand;
let unwatched: Stand;

/** A server process in front of a stand-in for Next: the page queries; a failure renders an
 *  error page with Prisma's text and a 500. */
async function stand(url: string, withWatch: boolean): Promise<Stand> {
  const reachedNext: string[] = [];
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
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
  };
  const door = createFrontDoor({
    handle,
    maxInFlight: 8,
    probe: () => probeDatabase(url),
    watch: withWatch ? (onLost) => watchDatabase(url, onLost) : undefined,
    recheckMs: 100,
    log: () => undefined,
  });
  const server = createServer(door.listener);
  await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  return { door, server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, reachedNext };
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
  prisma = createPrismaClient(postgres.url, 2);
  watched = await stand(postgres.url, true);
  unwatched = await stand(postgres.url, false);
});

afterAll(async () => {
  for (const { door, server } of [watched, unwatched]) {
    door?.close();
    server?.closeAllConnections();
    await new Promise((resolveClose) => server?.close(resolveClose));
  }
  await prisma?.$disconnect();
  await postgres?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const page = ({ base }: Stand, headers: Record<string, string> = {}) =>
  fetch(`${base}/projects`, { headers: { accept: "text/html", ...headers } });

async function expectFriendlyPage(response: Response, lang: "zh-CN" | "en"): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("5");
  expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
  const html = await response.text();
  expect(html).toContain(`<html lang="${lang}">`);
  if (lang === "zh-CN") {
    expect(html).toContain("<h1>系统暂时无法使用</h1>");
    expect(html).toContain("连心正在恢复服务，通常只需片刻。请稍后再试，已保存的内容不受影响。");
  } else {
    expect(html).toContain("<h1>Temporarily unavailable</h1>");
  }
  for (const leak of ["Can't reach", "prisma", "127.0.0.1", String(pgPort)]) expect(html).not.toContain(leak);
}

describe("a database outage", () => {
  // Upper bounds, not timings: stopping and starting Postgres takes seconds on a busy machine.
  it(
    "answers 503 with Retry-After and the friendly page while Postgres is down, and 200 once it is back",
    { timeout: 120_000 },
    async () => {
      for (const server of [watched, unwatched]) expect((await page(server)).status).toBe(200);

      await postgres!.stop();
      postgres = undefined;

      // The watching door closes as Postgres goes, before any request fails.
      await expect.poll(() => watched.door.databaseDown, { timeout: 20_000 }).toBe(true);
      expect(unwatched.door.databaseDown).toBe(false);

      // The first page of the outage without a watch reaches Next and fails there with Prisma's
      // text; its 500 is replaced by the friendly 503, and the door closes.
      await expectFriendlyPage(await page(unwatched), "zh-CN");
      expect(unwatched.reachedNext.at(-1)).toBe("/projects");
      expect(unwatched.door.databaseDown).toBe(true);

      // Closed doors answer before Next: pages in the reader's language, routes in one line.
      for (const server of [watched, unwatched]) {
        const before = server.reachedNext.length;
        await expectFriendlyPage(await page(server), "zh-CN");
        await expectFriendlyPage(await page(server, { cookie: "lianxin-locale=en" }), "en");
        const route = await fetch(`${server.base}/api/projects/p1/households/export`);
        expect(route.status).toBe(503);
        expect(route.headers.get("retry-after")).toBe("5");
        expect(await route.text()).toBe("连心正在恢复服务，通常只需片刻。请稍后再试，已保存的内容不受影响。\n");
        expect(server.reachedNext.length).toBe(before);
      }

      // Postgres runs again (its supervisor restarts it): the same servers serve by themselves.
      postgres = await startEmbeddedPostgres({ dataDir, port: pgPort, ephemeral: true });
      for (const server of [watched, unwatched]) {
        await expect.poll(async () => (await page(server)).status, { timeout: 20_000, interval: 100 }).toBe(200);
        expect(server.door.databaseDown).toBe(false);
        const back = await page(server, { cookie: "lianxin-locale=en" });
        expect(back.status).toBe(200);
        expect(await back.text()).toBe("<h1>项目</h1>");
      }
      // And the watch is kept again: the next outage closes the door as it starts.
      await postgres.stop();
      postgres = undefined;
      await expect.poll(() => watched.door.databaseDown, { timeout: 20_000 }).toBe(true);
      postgres = await startEmbeddedPostgres({ dataDir, port: pgPort, ephemeral: true });
      await expect.poll(async () => (await page(watched)).status, { timeout: 20_000, interval: 100 }).toBe(200);
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
        { request: new Request("http://portal.test/api/live"), kind: "read", label: "outage" },
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
