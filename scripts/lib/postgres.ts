// Starts the embedded Postgres in a child process (scripts/pg-server.ts) and hands back its URL.
// The child's stdin is a pipe from this process: when this process ends for any reason, even
// SIGKILL, the pipe closes and the child stops Postgres, so no server is left behind.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export type TEmbeddedPostgres = {
  /// postgresql://postgres:…@127.0.0.1:<port>/lianxin: the superuser, for migrations and tools.
  url: string;
  /// postgresql://lianxin_app:…@127.0.0.1:<port>/lianxin: the portal's role (prisma/app-role.ts).
  appUrl: string;
  /// Stops Postgres cleanly (SIGTERM to the child) and resolves once the child has exited.
  stop(): Promise<void>;
  /// Resolves when the server's process has ended, for whatever reason (stop() included), with
  /// the last line it wrote on stderr (pg-server says why Postgres exited) or its exit status.
  exited: Promise<string>;
};

export type TEmbeddedPostgresOptions = {
  /// Created (with its parents) when missing; every directory above it must be enterable by
  /// the postgres OS user when running as root (chmod 755).
  dataDir: string;
  port: number;
  /// Throw-away test cluster: no fsync, no synchronous commit, no full-page writes.
  ephemeral?: boolean;
  /// How long to wait for Postgres to accept connections (initdb included). Default 60 s.
  startTimeoutMs?: number;
};

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PG_SERVER = fileURLToPath(new URL("../pg-server.ts", import.meta.url));
const STDERR_LINES_KEPT = 20;

export function startEmbeddedPostgres(options: TEmbeddedPostgresOptions): Promise<TEmbeddedPostgres> {
  const args = ["--import", "tsx", PG_SERVER, "--data-dir", options.dataDir, "--port", String(options.port)];
  if (options.ephemeral) args.push("--ephemeral");
  // cwd: `--import tsx` is resolved from the working directory.
  const child = spawn(process.execPath, args, { cwd: REPO_ROOT, stdio: ["pipe", "pipe", "pipe"] });

  const stderrTail: string[] = [];
  let isExited = false;
  let stderrBuffer = "";
  const exited = new Promise<string>((resolveExit) =>
    child.once("exit", (code, signal) => {
      isExited = true;
      const lastLine = (stderrBuffer.trim() || stderrTail.at(-1)) ?? "";
      resolveExit(lastLine || `the server process exited (code ${code ?? "none"}, signal ${signal ?? "none"})`);
    }),
  );

  // Keep draining both pipes for the child's whole life, or a chatty child would block.
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk: string) => {
    stderrBuffer += chunk;
    const lines = stderrBuffer.split("\n");
    stderrBuffer = lines.pop() ?? "";
    for (const line of lines) {
      if (!line.trim()) continue;
      stderrTail.push(line.trim());
      if (stderrTail.length > STDERR_LINES_KEPT) stderrTail.shift();
    }
  });
  // The child may be gone before it reads its stdin; that is not our error to report.
  child.stdin.on("error", () => undefined);

  async function stop(): Promise<void> {
    if (!isExited) {
      child.kill("SIGTERM");
      await exited;
    }
  }

  return new Promise<TEmbeddedPostgres>((resolveStart, rejectStart) => {
    let settled = false;
    let stdoutBuffer = "";

    const timer = setTimeout(() => {
      settle(new Error(`Embedded Postgres did not start within ${options.startTimeoutMs ?? 60_000} ms`));
      void stop();
    }, options.startTimeoutMs ?? 60_000);

    function settle(result: Error | TEmbeddedPostgres): void {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (result instanceof Error) rejectStart(result);
      else resolveStart(result);
    }

    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      if (settled) return;
      stdoutBuffer += chunk;
      const newline = stdoutBuffer.indexOf("\n");
      if (newline < 0) return;
      const line = stdoutBuffer.slice(0, newline);
      try {
        const { url, appUrl } = JSON.parse(line) as { url?: unknown; appUrl?: unknown };
        if (typeof url !== "string" || typeof appUrl !== "string") throw new Error("no url");
        settle({ url, appUrl, stop, exited });
      } catch {
        settle(new Error(`Embedded Postgres printed an unexpected line: ${line}`));
        void stop();
      }
    });

    child.once("error", (error) => settle(new Error(`Could not run scripts/pg-server.ts: ${error.message}`)));
    child.once("exit", (code, signal) => {
      // The child ends its failure report with the one-line reason.
      const lastLine = (stderrBuffer.trim() || stderrTail.at(-1)) ?? "";
      settle(new Error(lastLine || `Embedded Postgres exited (code ${code ?? "none"}, signal ${signal ?? "none"})`));
    });
  });
}

/// A TCP port on 127.0.0.1 that was free a moment ago. Another process may still take it
/// before Postgres binds it; the caller then gets a clear "port in use" failure.
export function findFreePort(): Promise<number> {
  return new Promise((resolvePort, rejectPort) => {
    const server = createServer();
    server.unref();
    server.once("error", rejectPort);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => {
        if (address && typeof address === "object") resolvePort(address.port);
        else rejectPort(new Error("Could not determine a free port"));
      });
    });
  });
}

export type TSupervisedPostgres = {
  /// The same URLs after every restart (same port, same passwords).
  url: string;
  appUrl: string;
  /// Stops supervising and stops Postgres; resolves once it is down.
  stop(): Promise<void>;
};

export type TSuperviseOptions = TEmbeddedPostgresOptions & {
  /// One line per event: Postgres died, a restart failed, Postgres is back.
  log: (line: string) => void;
  /// First wait before a restart; doubled after each failed or short-lived attempt. Default 0.5 s.
  initialDelayMs?: number;
  /// The longest wait between attempts. Default 30 s.
  maxDelayMs?: number;
  /// A server that stayed up this long starts again from the first wait. Default 60 s.
  stableAfterMs?: number;
};

/// The pid in the data dir's postmaster.pid when that process is alive, else null.
function livePostmaster(dataDir: string): number | null {
  try {
    const pid = Number(readFileSync(join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
    if (!Number.isInteger(pid) || pid <= 1) return null;
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(1))} s`;
}

/// Starts the embedded Postgres (a failure of this first start rejects) and restarts it whenever
/// its process dies while it should be running: after 0.5 s, then 1 s, 2 s … at most 30 s apart,
/// back to 0.5 s once a restarted server has stayed up for a minute. Clients keep their URLs;
/// their pools reconnect on their own once the server is back.
export async function superviseEmbeddedPostgres(options: TSuperviseOptions): Promise<TSupervisedPostgres> {
  const { log, initialDelayMs = 500, maxDelayMs = 30_000, stableAfterMs = 60_000, ...serverOptions } = options;
  let current: TEmbeddedPostgres | undefined = await startEmbeddedPostgres(serverOptions);
  const { url, appUrl } = current;
  let stopping = false;
  let delayMs = initialDelayMs;
  let upSince = performance.now();
  let wakeUp: (() => void) | null = null;
  let restarting: Promise<void> = Promise.resolve();

  const pause = (ms: number) =>
    new Promise<void>((resolvePause) => {
      const timer = setTimeout(() => {
        wakeUp = null;
        resolvePause();
      }, ms);
      wakeUp = () => {
        clearTimeout(timer);
        wakeUp = null;
        resolvePause();
      };
    });

  async function restart(reason: string): Promise<void> {
    if (performance.now() - upSince >= stableAfterMs) delayMs = initialDelayMs;
    log(`Postgres stopped unexpectedly: ${reason}; restarting it in ${seconds(delayMs)}`);
    for (let attempt = 1; ; attempt++) {
      await pause(delayMs);
      if (stopping) return;
      const waited = delayMs;
      delayMs = Math.min(delayMs * 2, maxDelayMs);
      try {
        const server = await startEmbeddedPostgres(serverOptions);
        if (stopping) {
          await server.stop();
          return;
        }
        current = server;
        upSince = performance.now();
        log(`Postgres is running again (attempt ${attempt}, after waiting ${seconds(waited)})`);
        watch(server);
        return;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        log(`Postgres did not restart: ${message}; trying again in ${seconds(delayMs)}`);
        // The server process died but left its postmaster running (it was killed outright): that
        // postmaster is nobody's now. Shut it down (fast: open transactions roll back) so the
        // next attempt starts one that is watched again.
        const orphan = /lock file "postmaster\.pid" already exists/.test(message) ? livePostmaster(serverOptions.dataDir) : null;
        if (orphan !== null) {
          log(`stopping the postmaster left running without its supervisor (pid ${orphan})`);
          process.kill(orphan, "SIGINT");
        }
      }
    }
  }

  function watch(server: TEmbeddedPostgres): void {
    void server.exited.then((reason) => {
      if (stopping || current !== server) return;
      current = undefined;
      restarting = restart(reason);
    });
  }
  watch(current);

  return {
    url,
    appUrl,
    async stop() {
      stopping = true;
      wakeUp?.();
      await restarting;
      await current?.stop();
      current = undefined;
    },
  };
}
