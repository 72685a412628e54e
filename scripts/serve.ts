// The production server `npm start` runs (scripts/start.ts): one Next.js server process per CPU
// core on one port (Node's cluster module hands each new connection to the next worker), so
// rendering — the portal's main cost per request — uses every core (docs/decisions/011). The
// workers are app servers like any other: nothing is shared in memory, the live listener and the
// figure cache are per process, everything else is in Postgres.
//
// In each worker a front door (scripts/lib/front-door.ts, decision 028) meets every request
// before Next: it answers 503 "temporarily unavailable" while the database is down and 503
// "busy" beyond LIANXIN_MAX_IN_FLIGHT requests at once, both with Retry-After and without Next.
//
//   node --import tsx scripts/serve.ts      PORT (default 3000), LIANXIN_WEB_WORKERS (default: cores),
//                                           LIANXIN_MAX_IN_FLIGHT (per server process, default 8; 0: no bound)
import cluster, { type Worker } from "node:cluster";
import { readdirSync } from "node:fs";
import { createServer } from "node:http";
import { availableParallelism } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { stampSocketAddress } from "../lib/security/client-address.ts";
import { probeDatabase, watchDatabase } from "./lib/database-probe.ts";
import { createFrontDoor } from "./lib/front-door.ts";

const ROOT = resolve(import.meta.dirname, "..");
const port = Number(process.env.PORT ?? 3000);
const workerCount = Math.max(1, Number(process.env.LIANXIN_WEB_WORKERS ?? availableParallelism()));
// A core renders one page at a time: with 8 in flight at some 50 ms of work each, the last one
// admitted waits about 0.4 s, and all of them fit the database pool (DB_POOL_MAX, 10) at once.
// A request beyond that is better refused at once than answered seconds late.
const maxInFlight = Number(process.env.LIANXIN_MAX_IN_FLIGHT ?? 8);
if (!Number.isInteger(maxInFlight) || maxInFlight < 0) {
  console.error(`[lianxin] LIANXIN_MAX_IN_FLIGHT must be a whole number (0 for no bound), not "${process.env.LIANXIN_MAX_IN_FLIGHT}"`);
  process.exit(1);
}

function log(line: string) {
  console.log(`[lianxin] ${line}`);
}

/** URL paths of the files in public/, which Next serves from disk as they are. */
function publicFiles(dir: string): Set<string> {
  const paths = readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(dir, join(entry.parentPath, entry.name)).split(sep).map(encodeURIComponent).join("/")}`);
  return new Set(paths);
}

async function runWorker(): Promise<void> {
  // Next reads NODE_ENV when it loads; `next start` sets it the same way.
  (process.env as Record<string, string>).NODE_ENV = "production";
  const { default: next } = await import("next");
  // No hostname: request URLs then keep the Host the browser used (redirects stay on its origin).
  const app = next({ dev: false, dir: ROOT, port });
  const handle = app.getRequestHandler();
  await app.prepare();
  const databaseUrl = process.env.DATABASE_URL;
  const frontDoor = createFrontDoor({
    handle,
    maxInFlight,
    probe: databaseUrl ? () => probeDatabase(databaseUrl) : async () => true,
    watch: databaseUrl ? (onLost) => watchDatabase(databaseUrl, onLost) : undefined,
    publicFiles: publicFiles(join(ROOT, "public")),
    log,
  });
  const server = createServer((req, res) => {
    // The TCP peer's address, for sign-in throttling and the audit log, over any client-sent copy.
    stampSocketAddress(req);
    frontDoor.listener(req, res);
  });
  server.on("error", (error: NodeJS.ErrnoException) => {
    console.error(`[lianxin] port ${port}: ${error.code === "EADDRINUSE" ? "already in use" : error.message}`);
    process.exit(1);
  });
  server.listen(port, () => process.send?.("ready"));
  process.on("SIGTERM", () => {
    frontDoor.close();
    // Open event streams would hold server.close() forever.
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}

function runPrimary(): void {
  let stopping = false;
  let exitCode = 0;
  const ready = new Set<Worker>();

  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (message) => {
      if (message !== "ready") return;
      ready.add(worker);
      if (ready.size === workerCount) log(`portal ready at http://localhost:${port} (${workerCount} server processes)`);
    });
    worker.on("exit", (code, signal) => {
      const wasReady = ready.delete(worker);
      if (stopping) {
        if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(exitCode);
        return;
      }
      if (!wasReady) {
        // It never served: starting again would fail the same way.
        console.error(`[lianxin] a server process failed to start (${code ?? signal})`);
        stop(code || 1);
        return;
      }
      console.error(`[lianxin] a server process exited (${code ?? signal}); starting another`);
      fork();
    });
  };

  const stop = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) process.exit(code);
    for (const worker of workers) worker?.process.kill("SIGTERM");
    // A worker stuck in shutdown must not keep the portal (and its Postgres) up.
    setTimeout(() => process.exit(code), 10_000).unref();
  };

  process.on("SIGINT", () => stop(0));
  process.on("SIGTERM", () => stop(0));
  for (let i = 0; i < workerCount; i++) fork();
}

if (cluster.isPrimary) runPrimary();
else
  runWorker().catch((error) => {
    console.error(`[lianxin] server process: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
