// What every request meets in a server process (scripts/serve.ts) before Next, so that an outage
// and an overload are answered at once with a 503 and Retry-After instead of a 500 or a queue:
//
// - Static files (/_next/static/…, the files of public/) go straight to Next: read from disk, no
//   database, and a page already admitted needs them.
// - While the database is down, every other request is answered "temporarily unavailable"
//   (scripts/lib/unavailable-answer.ts) without Next, but for server actions: runAction answers
//   those with the UNAVAILABLE message, so the form keeps what was typed. The database counts as
//   down when a probe of the door's own finds it unreachable. It probes when its watch (one idle
//   connection) ends — Postgres stopped or died — and when a response of Next fails (a 500 or
//   503); while down, every `recheckMs`, and the first success opens again. A 500 is held until
//   that probe answers: when the database is down, the reader gets the friendly 503 in place of
//   Next's error page. (A page that fails after its 200 has gone out — Next's error boundary
//   answers 200 — is seen by the watch, not by its status.)
// - At most `maxInFlight` requests are worked on at once; one more is refused at once with 503
//   "busy", nothing waits in a queue. A live event stream (text/event-stream) counts until its
//   answer has started — its session check is work — and not while it stays open.
import type { IncomingMessage, ServerResponse } from "node:http";
import { answerUnavailable } from "./unavailable-answer.ts";

export type FrontDoorOptions = {
  /** Next's request handler (a test's stand-in in tests). */
  handle: (req: IncomingMessage, res: ServerResponse) => unknown;
  /** Requests this process works on at once; 0 for no bound. */
  maxInFlight: number;
  /** Whether the database takes a query now (scripts/lib/database-probe.ts). */
  probe: () => Promise<boolean>;
  /** Opens a watch that calls `onLost` when the database goes away (watchDatabase). */
  watch?: (onLost: () => void) => { close: () => void };
  /** URL paths of the files in public/. */
  publicFiles?: ReadonlySet<string>;
  /** How often the database is asked again while it is down. Default 250 ms. */
  recheckMs?: number;
  log?: (line: string) => void;
};

export type FrontDoor = {
  /** The listener for node:http's createServer. */
  listener: (req: IncomingMessage, res: ServerResponse) => void;
  /** Requests being worked on now (the ones the bound counts). */
  readonly inFlight: number;
  /** Whether requests are being answered "temporarily unavailable". */
  readonly databaseDown: boolean;
  /** Stops asking the database (shutdown). */
  close: () => void;
};

const DEFAULT_RECHECK_MS = 250;

export function isStaticPath(path: string, publicFiles: ReadonlySet<string>): boolean {
  return path.startsWith("/_next/static/") || publicFiles.has(path);
}

function isServerAction(req: IncomingMessage): boolean {
  return req.method === "POST" && req.headers["next-action"] !== undefined;
}

function contentTypeOf(res: ServerResponse, headers: unknown): string {
  const set = res.getHeader("content-type");
  if (set !== undefined) return String(set);
  if (headers && typeof headers === "object" && !Array.isArray(headers)) {
    for (const [name, value] of Object.entries(headers)) if (name.toLowerCase() === "content-type") return String(value);
  }
  return "";
}

export function createFrontDoor(options: FrontDoorOptions): FrontDoor {
  const { handle, maxInFlight, probe, publicFiles = new Set<string>(), recheckMs = DEFAULT_RECHECK_MS } = options;
  const log = options.log ?? ((line: string) => console.log(`[lianxin] ${line}`));
  let inFlight = 0;
  let down = false;
  let closed = false;
  let probing: Promise<boolean> | null = null;
  let recheck: NodeJS.Timeout | null = null;
  let watching: { close: () => void } | null = null;
  let rewatch: NodeJS.Timeout | null = null;

  function openWatch(): void {
    if (!options.watch || closed || watching) return;
    watching = options.watch(() => {
      watching = null;
      void checkDatabase();
    });
  }

  /** One probe at a time; everyone who asks meanwhile shares its answer. */
  function checkDatabase(): Promise<boolean> {
    probing ??= probe()
      .catch(() => false)
      .then((up) => {
        probing = null;
        if (!up && !down) log(`server process ${process.pid}: the database cannot be reached; answering 503 until it is back`);
        if (up && down) log(`server process ${process.pid}: the database is reachable again`);
        down = !up;
        // Back (or never gone): watch again, after a pause so that a watch failing at once
        // cannot spin.
        if (up && !watching && !rewatch && !closed && options.watch) {
          rewatch = setTimeout(() => {
            rewatch = null;
            openWatch();
          }, recheckMs);
          rewatch.unref();
        }
        if (down && !closed && !recheck) {
          recheck = setTimeout(() => {
            recheck = null;
            void checkDatabase();
          }, recheckMs);
          recheck.unref();
        }
        return up;
      });
    return probing;
  }

  /**
   * Watches the answer Next starts: an event stream gives its slot back; a failure sends the
   * probe; a 500 is held (head and body kept, nothing sent) until the probe answers, then either
   * sent as it was or replaced by the "temporarily unavailable" page.
   *
   * The response's methods are wrapped once and never put back: Next wraps them again after us
   * (its compression keeps our write and end to call), and putting ours back would unhook its
   * wrappers — a page's answer then never ended. After the first call the wrappers only pass
   * through, hold, or drop, by `state`.
   */
  function watch(req: IncomingMessage, res: ServerResponse, release: () => void): void {
    const own = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
    /** undecided: nothing sent yet; pass: Next's answer goes out as it is; hold: a 500 waits for
     *  the probe; answer: the "temporarily unavailable" page is being written; drop: what Next
     *  still sends of its error page goes nowhere. */
    let state: "undecided" | "pass" | "hold" | "answer" | "drop" = "undecided";
    let head: Parameters<ServerResponse["writeHead"]> | null = null;
    const chunks: Array<[unknown, BufferEncoding | undefined]> = [];
    let ended = false;
    const later = (callback: unknown) => {
      if (typeof callback === "function") process.nextTick(callback as () => void);
    };
    const sending = () => state === "pass" || state === "answer";

    /** Decides at the first of writeHead/write/end/flushHeaders. */
    const decide = (status: number, headers?: unknown): void => {
      if (state !== "undecided") return;
      if (status !== 500) {
        state = "pass";
        if (status > 500) void checkDatabase();
        if (contentTypeOf(res, headers).startsWith("text/event-stream")) release();
        return;
      }
      state = "hold";
      void checkDatabase().then((up) => {
        if (up) {
          state = "pass";
          if (head) own.writeHead.apply(res, head);
          for (const [chunk, encoding] of chunks) own.write.call(res, chunk, encoding as BufferEncoding);
          if (ended) (own.end as () => ServerResponse).call(res);
          return;
        }
        for (const name of res.getHeaderNames()) res.removeHeader(name);
        state = "answer";
        answerUnavailable(req, res, "unavailable");
        state = "drop";
      });
    };

    res.writeHead = ((...args: Parameters<ServerResponse["writeHead"]>) => {
      decide(args[0], args.at(-1));
      if (sending()) return own.writeHead.apply(res, args);
      if (state === "hold") head = args;
      return res;
    }) as typeof res.writeHead;
    res.flushHeaders = () => {
      if (!res.headersSent) decide(res.statusCode);
      if (sending()) own.flushHeaders.call(res);
    };
    res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      if (!res.headersSent) decide(res.statusCode);
      if (sending()) return own.write.call(res, chunk, encoding as BufferEncoding, callback as () => void);
      if (state === "hold") chunks.push([chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : undefined]);
      later(typeof encoding === "function" ? encoding : callback);
      return true;
    }) as typeof res.write;
    res.end = ((chunk?: unknown, encoding?: unknown, callback?: unknown) => {
      if (!res.headersSent) decide(res.statusCode);
      if (sending()) return own.end.call(res, chunk, encoding as BufferEncoding, callback as () => void);
      if (state === "hold") {
        if (chunk !== undefined && chunk !== null && typeof chunk !== "function") {
          chunks.push([chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : undefined]);
        }
        ended = true;
      }
      later([chunk, encoding, callback].find((arg) => typeof arg === "function"));
      return res;
    }) as typeof res.end;
  }

  function listener(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? "/").split("?", 1)[0] ?? "/";
    if (isStaticPath(path, publicFiles)) {
      pass(req, res);
      return;
    }
    if (down && !isServerAction(req)) {
      answerUnavailable(req, res, "unavailable");
      return;
    }
    if (maxInFlight > 0 && inFlight >= maxInFlight) {
      answerUnavailable(req, res, "busy");
      return;
    }
    inFlight++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
    };
    // "close" comes when the answer is complete and when the client goes away first.
    res.once("close", release);
    watch(req, res, release);
    pass(req, res);
  }

  function pass(req: IncomingMessage, res: ServerResponse): void {
    Promise.resolve()
      .then(() => handle(req, res))
      .catch((error: unknown) => {
        console.error(`[lianxin] request ${req.method} ${req.url} failed: ${error instanceof Error ? error.message : String(error)}`);
        if (!res.headersSent) res.statusCode = 500;
        res.end();
      });
  }

  openWatch();

  return {
    listener,
    get inFlight() {
      return inFlight;
    },
    get databaseDown() {
      return down;
    },
    close() {
      closed = true;
      if (recheck) clearTimeout(recheck);
      if (rewatch) clearTimeout(rewatch);
      recheck = rewatch = null;
      watching?.close();
      watching = null;
    },
  };
}
