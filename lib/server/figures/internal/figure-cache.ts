import "server-only";
import { liveSetting } from "../../../env.ts";
import { progressListener, type ProgressListener } from "../../live/listener.ts";
import type { ProgressKind } from "../../live/progress-event.ts";

// Per-process cache of the grouped counts behind the figures (docs/decisions/010). An entry is
// kept under the project's version from the progress listener (lib/server/live/listener.ts):
// every write that changes a project's figures notifies inside its transaction, so the version
// moves once the change is committed, on every app server. Without a listening connection
// nothing is cached, and an entry is read again after at most MAX_AGE_MS whatever happens, which
// bounds the harm of a notification lost on a connection that died silently.

const MAX_AGE_MS = 60_000;
/**
 * Each entry's age limit is MAX_AGE_MS less a random part of this, so the entries one read
 * loaded together (the overview's 50 projects) age apart and are read again a few at a time:
 * a whole-district re-read takes both cores of a small server for a moment, and every page
 * waiting on the database meanwhile (each one checks its session there) stalls with it.
 */
const MAX_AGE_SPREAD_MS = 20_000;
/**
 * An entry asked for within this long after its age limit is still served while a fresh read
 * runs in the background, so no page waits for the re-read of an unchanged project.
 */
const REFRESH_WINDOW_MS = 15_000;

type Entry = { version: number; expiresAt: number; value: Promise<unknown>; refreshing?: boolean };

export type ReadOptions = {
  /** Kinds of change that cannot alter this read (a signing does not change visits): their
   *  notifications keep the entry. Kinds not listed, including any added later, drop it. */
  unchangedBy?: readonly ProgressKind[];
};

/** Loads the values of the given projects, one for every id asked for. */
export type PerProjectLoader<T> = (projectIds: string[]) => Promise<Map<string, T>>;

export class FigureCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly listener: ProgressListener,
    private readonly clock: () => number = Date.now,
    /** 0 ≤ x < 1, for the spread of the age limits; tests fix it. */
    private readonly random: () => number = Math.random,
  ) {}

  /**
   * The `kind` values of `projectIds`: current entries from the cache, the others loaded with one
   * call of `load`. Callers waiting for the same entry share one load. Only ids of projects that
   * exist go in (the callers look the projects up first), so the cache stays as small as the
   * district.
   */
  async getMany<T>(
    kind: string,
    projectIds: readonly string[],
    load: PerProjectLoader<T>,
    options: ReadOptions = {},
  ): Promise<Map<string, T>> {
    const versionOf = (projectId: string) => this.listener.versionOf(projectId, options.unchangedBy);
    this.listener.start();
    if (!this.listener.isConnected) return load([...projectIds]);
    const now = this.clock();
    const pending = new Map<string, Promise<unknown>>();
    const missing: string[] = [];
    const due: string[] = [];
    for (const projectId of projectIds) {
      const entry = this.entries.get(`${kind}:${projectId}`);
      if (entry && entry.version === versionOf(projectId) && now < entry.expiresAt + REFRESH_WINDOW_MS) {
        pending.set(projectId, entry.value);
        if (now >= entry.expiresAt && !entry.refreshing) {
          entry.refreshing = true;
          due.push(projectId);
        }
      } else missing.push(projectId);
    }
    if (due.length > 0) this.refresh(kind, due, load, versionOf, now);
    if (missing.length > 0) {
      this.dropExpired(now);
      // The versions are taken before the read: a change committed while it runs moves the
      // version, and the entry is not used again.
      const versions = missing.map(versionOf);
      const loaded = load(missing);
      missing.forEach((projectId, i) => {
        const key = `${kind}:${projectId}`;
        const entry: Entry = {
          version: versions[i]!,
          expiresAt: this.expiryFrom(now),
          value: loaded.then((values) => values.get(projectId)),
        };
        this.entries.set(key, entry);
        entry.value.catch(() => {
          if (this.entries.get(key) === entry) this.entries.delete(key);
        });
        pending.set(projectId, entry.value);
      });
    }
    const values = await Promise.all([...pending].map(async ([projectId, value]) => [projectId, (await value) as T] as const));
    return new Map(values);
  }

  /** Reads aged entries again without making anyone wait; each replaces its entry only if that
   *  is still the one it renews (a change may have replaced it meanwhile). */
  private refresh<T>(
    kind: string,
    projectIds: string[],
    load: PerProjectLoader<T>,
    versionOf: (projectId: string) => number,
    now: number,
  ): void {
    const versions = projectIds.map(versionOf);
    const aged = projectIds.map((projectId) => this.entries.get(`${kind}:${projectId}`));
    const settle = (renew: (projectId: string, i: number) => Entry | null) =>
      projectIds.forEach((projectId, i) => {
        const key = `${kind}:${projectId}`;
        if (this.entries.get(key) !== aged[i]) return;
        const entry = renew(projectId, i);
        if (entry) this.entries.set(key, entry);
        else this.entries.delete(key);
      });
    load(projectIds).then(
      (values) =>
        settle((projectId, i) => ({
          version: versions[i]!,
          expiresAt: this.expiryFrom(now),
          value: Promise.resolve(values.get(projectId)),
        })),
      // The next page reads the database itself and shows what went wrong.
      () => settle(() => null),
    );
  }

  /** Entries of kinds nobody asks for any more (yesterday's, say) go once they are too old to serve. */
  private dropExpired(now: number): void {
    for (const [key, entry] of this.entries) if (now >= entry.expiresAt + REFRESH_WINDOW_MS) this.entries.delete(key);
  }

  private expiryFrom(loadedAt: number): number {
    return loadedAt + MAX_AGE_MS - MAX_AGE_SPREAD_MS * this.random();
  }

  /** How many entries are kept; for tests. */
  get size(): number {
    return this.entries.size;
  }
}

const globalForCache = globalThis as unknown as { lianxinFigureCache?: FigureCache };

/**
 * `load(projectIds)` through the process's cache, or straight from the database when the
 * environment says LIANXIN_FIGURE_CACHE=off (tests that write rows directly; the benchmark's
 * query timings). Read on every call, unlike serverEnv(), so one benchmark process can measure
 * both ways.
 */
export function readPerProject<T>(
  kind: string,
  projectIds: readonly string[],
  load: PerProjectLoader<T>,
  options?: ReadOptions,
): Promise<Map<string, T>> {
  if (liveSetting("LIANXIN_FIGURE_CACHE") === "off") return load([...projectIds]);
  globalForCache.lianxinFigureCache ??= new FigureCache(progressListener());
  return globalForCache.lianxinFigureCache.getMany(kind, projectIds, load, options);
}

/** readPerProject for one project's value. */
export async function readOneProject<T>(
  kind: string,
  projectId: string,
  load: (projectId: string) => Promise<T>,
  options?: ReadOptions,
): Promise<T> {
  const values = await readPerProject(
    kind,
    [projectId],
    async (ids) => new Map(await Promise.all(ids.map(async (id) => [id, await load(id)] as const))),
    options,
  );
  return values.get(projectId)!;
}
