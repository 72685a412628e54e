import "server-only";
import type { ReadOptions } from "./internal/figure-cache.ts";
import { readOneProject } from "./internal/figure-cache.ts";

/**
 * A per-project read kept in the process's figure cache (docs/decisions/010) for an area outside
 * the figures: kept under the project's version from the progress listener, so a write that
 * notifies the project (one of the kinds not in `unchangedBy`) lets go of it on every server.
 * The public notice board reads its notices through it (docs/decisions/034).
 */
export function readProjectCached<T>(
  kind: string,
  projectId: string,
  load: (projectId: string) => Promise<T>,
  options?: ReadOptions,
): Promise<T> {
  return readOneProject(kind, projectId, load, options);
}
