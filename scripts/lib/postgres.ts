// Starts the embedded Postgres in a child process (scripts/pg-server.ts) and hands back its URL.
// The child's stdin is a pipe from this process: when this process ends for any reason, even
// SIGKILL, the pipe closes and the child stops Postgres, so no server is left behind.
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export type TEmbeddedPostgres = {
  /// postgresql://postgres:…@127.0.0.1:<port>/lianxin
  url: string;
  /// Stops Postgres cleanly (SIGTERM to the child) and resolves once the child has exited.
  stop(): Promise<void>;
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
  const exited = new Promise<void>((resolveExit) => child.once("exit", () => resolveExit()));
  let isExited = false;
  void exited.then(() => {
    isExited = true;
  });

  // Keep draining both pipes for the child's whole life, or a chatty child would block.
  let stderrBuffer = "";
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
        const { url } = JSON.parse(line) as { url?: unknown };
        if (typeof url !== "string") throw new Error("no url");
        settle({ url, stop });
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
