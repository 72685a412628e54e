// The front door of a server process (scripts/lib/front-door.ts, in front of Next in
// scripts/serve.ts) over real HTTP on loopback, with a stand-in for Next's handler: beyond its
// bound it refuses at once with 503 and Retry-After (a tiny body, nothing queued) and serves again
// once the burst has passed; static files and open event streams do not use up the bound; a 500
// is sent as it was while the database answers, and replaced by "temporarily unavailable" when it
// does not. The real database outage is tests/integration/database-outage.test.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createRequire } from "node:module";
import { createFrontDoor, type FrontDoor } from "../../scripts/lib/front-door.ts";

/** Next's own copy of the compression middleware, which its server puts on every answer. */
const compression = createRequire(import.meta.url)("next/dist/compiled/compression") as () => (
  req: IncomingMessage,
  res: ServerResponse,
  next: () => void,
) => void;

type Stand = { base: string; door: FrontDoor; arrived: string[]; release: () => void; server: Server };

const stands: Stand[] = [];

afterEach(async () => {
  for (const stand of stands.splice(0)) {
    stand.release();
    stand.door.close();
    stand.server.closeAllConnections();
    await new Promise((resolveClose) => stand.server.close(resolveClose));
  }
});

/** A server process with a stand-in for Next: /slow waits until released, /live is an event
 *  stream that stays open, /broken fails with a 500 carrying internal text, anything else is 200. */
async function stand(options: {
  maxInFlight: number;
  probe?: () => Promise<boolean>;
  watch?: (onLost: () => void) => { close: () => void };
}): Promise<Stand> {
  const arrived: string[] = [];
  let open!: () => void;
  const gate = new Promise<void>((resolveGate) => (open = resolveGate));
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const path = req.url ?? "/";
    arrived.push(path);
    if (path === "/slow") await gate;
    if (path === "/live") {
      res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8" });
      res.write("retry: 2000\n: connected\n\n");
      return;
    }
    if (path === "/compressed") {
      // As Next answers a page: its compression wraps the response after the door has, and the
      // page streams in several writes.
      await new Promise<void>((next) => compression()(req, res, next));
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write("<p>first</p>");
      await new Promise((r) => setImmediate(r));
      res.write("<p>second</p>");
      res.end("<p>last</p>");
      return;
    }
    if (path === "/broken") {
      res.statusCode = 500;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.write("<p>Invalid `prisma.user.findFirst()` invocation: ");
      res.end("Can't reach database server at 127.0.0.1:5432</p>");
      return;
    }
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end(`served ${path}`);
  };
  const door = createFrontDoor({
    handle,
    maxInFlight: options.maxInFlight,
    probe: options.probe ?? (async () => true),
    watch: options.watch,
    publicFiles: new Set(["/favicon.ico"]),
    recheckMs: 20,
    log: () => undefined,
  });
  const server = createServer(door.listener);
  await new Promise<void>((resolveListen) => server.listen(0, "127.0.0.1", resolveListen));
  const result = { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, door, arrived, release: open, server };
  stands.push(result);
  return result;
}

async function answer(response: Response) {
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text() };
}

describe("the bound on requests in flight", () => {
  it("refuses the excess at once with 503 and Retry-After, and serves again once the burst has passed", async () => {
    const { base, door, arrived, release } = await stand({ maxInFlight: 2 });
    const held = [fetch(`${base}/slow`), fetch(`${base}/slow`)];
    await expect.poll(() => arrived.length).toBe(2);

    // Three times the bound at once: the two held still run, the rest is refused before they end.
    const burst = await Promise.all(
      ["/slow", "/fast", "/projects", "/api/live?projectId=x"].map((path) => fetch(`${base}${path}`).then(answer)),
    );
    expect(burst.map((a) => [a.status, a.retryAfter])).toEqual(Array(4).fill([503, "1"]));
    const refusal = burst[0]?.body ?? "";
    expect(refusal).toBe("当前访问的人太多，请稍后再试。\n");
    expect(Buffer.byteLength(refusal)).toBeLessThan(100);
    expect(arrived).toEqual(["/slow", "/slow"]);
    expect(door.inFlight).toBe(2);

    // A page load is refused with a small page in the reader's language.
    const page = await fetch(`${base}/projects`, { headers: { accept: "text/html", cookie: "lianxin-locale=en" } });
    expect(page.status).toBe(503);
    expect(page.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await page.text();
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("Too many people are using it right now. Please try again shortly.");

    // Static files do not count and are never refused.
    expect((await fetch(`${base}/_next/static/chunks/app.js`).then(answer)).status).toBe(200);
    expect((await fetch(`${base}/favicon.ico`).then(answer)).status).toBe(200);

    release();
    expect((await Promise.all(held.map((p) => p.then(answer)))).map((a) => a.status)).toEqual([200, 200]);
    await expect.poll(() => door.inFlight).toBe(0);
    // Nothing of the burst was left waiting: the next requests are served straight away.
    for (const path of ["/fast", "/projects", "/slow"]) {
      expect(await fetch(`${base}${path}`).then(answer)).toEqual({ status: 200, retryAfter: null, body: `served ${path}` });
    }
  });

  it("gives a slot back when the client goes away before the answer", async () => {
    const { base, door, arrived } = await stand({ maxInFlight: 1 });
    const client = new AbortController();
    const gone = fetch(`${base}/slow`, { signal: client.signal }).catch(() => "aborted");
    await expect.poll(() => arrived.length).toBe(1);
    expect((await fetch(`${base}/fast`)).status).toBe(503);
    client.abort();
    expect(await gone).toBe("aborted");
    await expect.poll(() => door.inFlight).toBe(0);
    expect((await fetch(`${base}/fast`)).status).toBe(200);
  });

  it("counts a live event stream until it has started, not while it stays open", async () => {
    const { base, door } = await stand({ maxInFlight: 1 });
    const clients = [new AbortController(), new AbortController(), new AbortController()];
    for (const client of clients) {
      const stream = await fetch(`${base}/live`, { signal: client.signal });
      expect(stream.status).toBe(200);
      expect(stream.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    }
    expect(door.inFlight).toBe(0);
    expect((await fetch(`${base}/fast`)).status).toBe(200);
    for (const client of clients) client.abort();
  });

  it("has no bound when it is 0", async () => {
    const { base, arrived, release } = await stand({ maxInFlight: 0 });
    const held = Array.from({ length: 5 }, () => fetch(`${base}/slow`));
    await expect.poll(() => arrived.length).toBe(5);
    release();
    expect((await Promise.all(held)).map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
  });
});

describe("an answer of Next", () => {
  it("ends, compressed or not, when Next wraps the response after the door", async () => {
    const { base, door } = await stand({ maxInFlight: 4 });
    for (const encoding of ["gzip", "identity"]) {
      const response = await fetch(`${base}/compressed`, { headers: { "accept-encoding": encoding }, signal: AbortSignal.timeout(5000) });
      expect(response.status).toBe(200);
      expect(await response.text()).toBe("<p>first</p><p>second</p><p>last</p>");
    }
    expect(door.inFlight).toBe(0);
  });
});

describe("a failed answer of Next", () => {
  it("is sent as it was while the database answers", async () => {
    const probes: string[] = [];
    const { base, door } = await stand({ maxInFlight: 4, probe: async () => (probes.push("probe"), true) });
    const broken = await fetch(`${base}/broken`).then(answer);
    expect(broken.status).toBe(500);
    expect(broken.body).toBe("<p>Invalid `prisma.user.findFirst()` invocation: Can't reach database server at 127.0.0.1:5432</p>");
    expect(probes).toEqual(["probe"]);
    expect(door.databaseDown).toBe(false);
    expect((await fetch(`${base}/fast`)).status).toBe(200);
  });

  it("becomes 'temporarily unavailable' while the database does not answer, and the door opens when it does", async () => {
    let databaseUp = false;
    const { base, door, arrived } = await stand({ maxInFlight: 4, probe: async () => databaseUp });
    const broken = await fetch(`${base}/broken`, { headers: { accept: "text/html" } });
    expect(broken.status).toBe(503);
    expect(broken.headers.get("retry-after")).toBe("5");
    const html = await broken.text();
    expect(html).toContain("系统暂时无法使用");
    expect(html).not.toContain("prisma");
    expect(html).not.toContain("127.0.0.1");
    expect(door.databaseDown).toBe(true);

    // Answered without Next meanwhile, but for server actions (their form keeps its input) and
    // static files.
    const before = arrived.length;
    expect(await fetch(`${base}/projects`).then(answer)).toEqual({
      status: 503,
      retryAfter: "5",
      body: "连心正在恢复服务，通常只需片刻。请稍后再试，已保存的内容不受影响。\n",
    });
    expect(arrived.length).toBe(before);
    const action = await fetch(`${base}/projects/p1/households`, { method: "POST", headers: { "next-action": "abc" }, body: "x" });
    expect(action.status).toBe(200);
    expect((await fetch(`${base}/_next/static/chunks/app.js`)).status).toBe(200);
    expect(arrived.slice(before)).toEqual(["/projects/p1/households", "/_next/static/chunks/app.js"]);

    databaseUp = true;
    await expect.poll(() => door.databaseDown).toBe(false);
    expect(await fetch(`${base}/projects`).then(answer)).toEqual({ status: 200, retryAfter: null, body: "served /projects" });
  });

  it("closes as its watch of the database ends, before any request fails, and watches again once it is back", async () => {
    let databaseUp = true;
    const watches: Array<() => void> = [];
    const { base, door, arrived } = await stand({
      maxInFlight: 4,
      probe: async () => databaseUp,
      watch: (onLost) => {
        watches.push(onLost);
        return { close: () => undefined };
      },
    });
    expect(watches).toHaveLength(1);
    expect((await fetch(`${base}/fast`)).status).toBe(200);

    databaseUp = false;
    watches[0]?.();
    await expect.poll(() => door.databaseDown).toBe(true);
    expect((await fetch(`${base}/fast`)).status).toBe(503);
    expect(arrived).toEqual(["/fast"]);

    databaseUp = true;
    await expect.poll(() => door.databaseDown).toBe(false);
    await expect.poll(() => watches.length).toBe(2);
    expect((await fetch(`${base}/fast`)).status).toBe(200);
  });
});
