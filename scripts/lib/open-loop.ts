// The open-loop load the benchmarks offer a portal they started (scripts/bench/dashboard.ts,
// scripts/bench/public-board.ts): requests on a fixed schedule through node:http with keep-alive,
// bodies counted but not decoded, each answer's latency recorded by page.
import http from "node:http";

/** The p-th percentile (nearest rank) of unsorted samples. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Per page: served answers' latencies, refusals (503: the server's bound on work in flight, or
 *  the database down) with how long they took, and other failures by kind. */
export type PageResults = Map<string, { latencies: number[]; refused: number[]; errors: number; kinds: Map<string, number> }>;

/** Keeps connections open between requests, as a browser does, and drops one idle for 2 s: the
 *  server closes idle connections after 5 s, and a request sent on one it is closing that moment
 *  fails ("socket hang up") through no fault of the portal. */
const loadAgent = new http.Agent({ keepAlive: true, timeout: 2_000 });

/**
 * One page for the offered load: its status once the last byte has arrived. Through node:http,
 * with the body counted but not decompressed: the server compresses as it would for a browser,
 * and the generator, which shares the machine's two cores with the portal, spends a third of
 * what fetch spent on the same load (fetch decodes every body; measured at 45 requests/s:
 * 2.1 s of CPU in 20 s against 6.1 s).
 */
export function requestPage(base: string, path: string, cookie: string): Promise<number> {
  const { hostname, port } = new URL(base);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: hostname,
        port,
        path,
        agent: loadAgent,
        headers: { ...(cookie ? { cookie } : {}), "accept-encoding": "gzip" },
        signal: AbortSignal.timeout(30_000),
      },
      (response) => {
        response.on("data", () => undefined);
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end();
  });
}

/**
 * Requests on a fixed schedule (open loop): request i leaves at i / rate seconds, whether or not
 * earlier ones have answered, so a slow server cannot slow the offered load down; spread in turn
 * over `paths`, each abandoned after 30 s. Resolves when every answer is in.
 */
export async function offerLoad(base: string, cookie: string, paths: string[], rate: number, seconds: number) {
  const results: PageResults = new Map(paths.map((p) => [p, { latencies: [], refused: [], errors: 0, kinds: new Map() }]));
  const fail = (bucket: { errors: number; kinds: Map<string, number> }, kind: string) => {
    bucket.errors += 1;
    bucket.kinds.set(kind, (bucket.kinds.get(kind) ?? 0) + 1);
  };
  const started = performance.now();
  const inFlight: Promise<void>[] = [];
  /** Every answered request by when it was sent, to tell a growing queue from a steady one. */
  const timeline: { sentAt: number; ms: number; status: number }[] = [];
  for (let i = 0; i < rate * seconds && paths.length > 0; i++) {
    const due = started + (i * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const path = paths[i % paths.length]!;
    const bucket = results.get(path)!;
    const t0 = performance.now();
    inFlight.push(
      requestPage(base, path, cookie)
        .then((status) => {
          const took = performance.now() - t0;
          if (status === 503) bucket.refused.push(took);
          else if (status !== 200) fail(bucket, `HTTP ${status}`);
          else bucket.latencies.push(took);
          timeline.push({ sentAt: t0 - started, ms: took, status });
        })
        .catch((error: Error) => {
          fail(bucket, error.name === "AbortError" ? "no answer in 30 s" : error.name);
        }),
    );
  }
  await Promise.all(inFlight);
  return { results, timeline, elapsed: (performance.now() - started) / 1000 };
}
