import "server-only";
import pg from "pg";
import { requireDatabaseUrl } from "../../env.ts";
import { parseProgressEvent, PROGRESS_CHANNEL, type ProgressEvent, type ProgressKind } from "./progress-event.ts";

// One dedicated Postgres connection per server process LISTENs on the progress channel and fans
// the notifications out to the open event streams of this process (docs/decisions/007). It is
// not taken from Prisma's pool: a LISTEN holds its connection for as long as the process lives.

export type ProgressSubscriber = (event: ProgressEvent) => void;

/** Shown in pg_stat_activity, so an operator (and the tests) can find the listener. */
export const LISTENER_APPLICATION_NAME = "lianxin-live-listener";

const MIN_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 10_000;

/**
 * A project's notifications are handed out at most once per this long: the first at once, the
 * ones arriving within the window together at its end. On launch day a project signs several
 * households a second, and every hand-out makes each server process re-read that project's
 * counts and each open page refresh; 500 ms keeps a lone change immediate and a burst's pages
 * well within the 2-second live promise (docs/decisions/010).
 */
export const COALESCE_MS = 500;

/** A project's notifications held back until `timer` hands them out. */
type ProjectBatch = { lastHandedOutAt: number; pending: ProgressEvent[]; timer: NodeJS.Timeout | null };

class ProgressListener {
  private readonly subscribers = new Set<ProgressSubscriber>();
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private backoffMs = MIN_BACKOFF_MS;
  private hasConnectedBefore = false;
  private stopped = false;
  private connectedListeners = new Set<() => void>();
  // Change counters for cached figures (lib/server/figures/internal/figure-cache.ts): every event takes
  // the next number; a project's version is its last event's number, or the last resync's (or
  // lost connection's) when that came later.
  private sequence = 0;
  private epoch = 0;
  /** Per project, the number of its last event of each kind. */
  private readonly projectVersions = new Map<string, Map<ProgressKind, number>>();
  private readonly batches = new Map<string, ProjectBatch>();

  constructor(private readonly connectionString: string) {}

  subscribe(subscriber: ProgressSubscriber): () => void {
    this.subscribers.add(subscriber);
    this.start();
    return () => {
      this.subscribers.delete(subscriber);
    };
  }

  /** Connects (and keeps reconnecting) even without a subscriber, e.g. for the figure cache. */
  start(): void {
    this.stopped = false;
    if (!this.client && !this.connecting && !this.retryTimer) void this.connect();
  }

  /**
   * Changes when a notification about the project is handed out (of a kind not in `ignoring`;
   * at most COALESCE_MS after it arrived), and for every project when the connection was lost
   * or came back. Figures read at one version are current, to within that window, for as long
   * as the version stays the same and the listener is connected.
   */
  versionOf(projectId: string, ignoring: readonly ProgressKind[] = []): number {
    let version = this.epoch;
    for (const [kind, sequence] of this.projectVersions.get(projectId) ?? []) {
      if (sequence > version && !ignoring.includes(kind)) version = sequence;
    }
    return version;
  }

  get isConnected(): boolean {
    return this.client !== null;
  }

  /** Resolves once the LISTEN is in place (at once when it already is). */
  ready(): Promise<void> {
    if (this.client) return Promise.resolve();
    return new Promise((resolve) => this.connectedListeners.add(resolve));
  }

  /** Closes the connection; the next subscriber opens it again. For tests and shutdown. */
  async close(): Promise<void> {
    this.stopped = true;
    this.epoch = ++this.sequence;
    this.subscribers.clear();
    for (const batch of this.batches.values()) if (batch.timer) clearTimeout(batch.timer);
    this.batches.clear();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<void> {
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: LISTENER_APPLICATION_NAME,
      // TCP keepalive notices a silently dropped network, not only a closed socket.
      keepAlive: true,
    });
    client.on("notification", (message) => {
      if (message.channel !== PROGRESS_CHANNEL) return;
      const event = parseProgressEvent(message.payload);
      if (event) this.receive(event);
    });
    const onLost = (error?: Error) => {
      if (this.client !== client) return;
      this.client = null;
      // Notifications are lost from here on: nothing read before now can be trusted later.
      this.epoch = ++this.sequence;
      client.removeAllListeners("error");
      client.on("error", () => undefined);
      client.end().catch(() => undefined);
      if (error) console.warn("[live] listener connection lost:", error.message);
      this.scheduleReconnect();
    };
    client.on("error", onLost);
    client.on("end", () => onLost());
    try {
      await client.connect();
      await client.query(`LISTEN ${PROGRESS_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      client.end().catch(() => undefined);
      console.warn("[live] listener could not connect:", (error as Error).message);
      this.scheduleReconnect();
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.backoffMs = MIN_BACKOFF_MS;
    for (const resolve of this.connectedListeners) resolve();
    this.connectedListeners.clear();
    // Whatever was notified while the connection was down is lost: tell every stream to refresh.
    if (this.hasConnectedBefore) this.publish({ projectId: null, kind: "resync", at: new Date().toISOString() });
    this.hasConnectedBefore = true;
  }

  private scheduleReconnect(): void {
    if (this.stopped || this.retryTimer) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, MAX_BACKOFF_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (!this.stopped) void this.connect();
    }, delay);
    this.retryTimer.unref?.();
  }

  /** A project's event goes out now, or with the others at the end of its project's window. */
  private receive(event: ProgressEvent): void {
    if (event.projectId === null) return this.publish(event);
    const projectId = event.projectId;
    let batch = this.batches.get(projectId);
    if (!batch) {
      batch = { lastHandedOutAt: -Infinity, pending: [], timer: null };
      this.batches.set(projectId, batch);
    }
    batch.pending.push(event);
    if (batch.timer) return;
    const wait = batch.lastHandedOutAt + COALESCE_MS - performance.now();
    if (wait <= 0) this.handOut(batch);
    else {
      batch.timer = setTimeout(() => this.handOut(batch), wait);
      batch.timer.unref?.();
    }
  }

  private handOut(batch: ProjectBatch): void {
    batch.timer = null;
    batch.lastHandedOutAt = performance.now();
    const events = batch.pending;
    batch.pending = [];
    for (const event of events) this.publish(event);
  }

  private publish(event: ProgressEvent): void {
    // Versions first, so a page that a subscriber refreshes already misses the cached figures.
    if (event.projectId === null) this.epoch = ++this.sequence;
    else {
      const kinds = this.projectVersions.get(event.projectId) ?? new Map<ProgressKind, number>();
      kinds.set(event.kind, ++this.sequence);
      this.projectVersions.set(event.projectId, kinds);
    }
    for (const subscriber of [...this.subscribers]) {
      try {
        subscriber(event);
      } catch (error) {
        console.error("[live] subscriber failed", error);
      }
    }
  }
}

// Cached on globalThis: one listener per process, also across dev reloads.
const globalForListener = globalThis as unknown as { lianxinProgressListener?: ProgressListener };

/** The process's listener, created on first use; it connects with its first subscriber. */
export function progressListener(): ProgressListener {
  globalForListener.lianxinProgressListener ??= new ProgressListener(requireDatabaseUrl());
  return globalForListener.lianxinProgressListener;
}

/** A listener of its own, e.g. to stand for another app server in a test; the app uses progressListener(). */
export function createProgressListener(connectionString: string): ProgressListener {
  return new ProgressListener(connectionString);
}

/** Receives every progress event of the database until the returned function is called. */
export function subscribeToProgress(subscriber: ProgressSubscriber): () => void {
  return progressListener().subscribe(subscriber);
}

export type { ProgressListener };
