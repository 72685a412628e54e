import "server-only";
import { db } from "../../db.ts";
import { projectFigures, type ProjectFigures } from "../../domain/dashboard.ts";
import { thresholdBasisPoints } from "../../domain/rates.ts";
import { countHouseholdsByProject, readHouseholdCounts } from "./internal/count-households.ts";

export type { ProjectFigures };

/** What the headline figures need of a project row; the threshold as stored (DECIMAL(5,4)). */
export type FiguresProject = { id: string; signingThreshold: string | number | { toString(): string } };

export type ReadProjectFiguresOptions = {
  /**
   * Count in the database now instead of through the figure cache, for a screen that shows its
   * own write in the response to it: the signing desk re-renders right after its signing commits,
   * before that signing's notification has moved the cache (docs/decisions/012).
   */
  fresh?: boolean;
};

/**
 * The headline figures (signed/eligible, signing, relocation and first-round rates, threshold,
 * gap, cleared) of each project, by lib/domain's projectFigures(), from the counts kept in the
 * figure cache. Only projects that exist and that the caller looked up in the actor's scope.
 */
export async function readProjectFigures(
  projects: readonly FiguresProject[],
  options: ReadProjectFiguresOptions = {},
): Promise<Map<string, ProjectFigures>> {
  const ids = projects.map((p) => p.id);
  const counts = options.fresh ? await countHouseholdsByProject(db(), ids) : await readHouseholdCounts(ids);
  return new Map(projects.map((p) => [p.id, projectFigures(counts.get(p.id)!, thresholdBasisPoints(p.signingThreshold))]));
}
