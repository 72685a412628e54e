import "server-only";
import { z } from "zod";

/** The Postgres channel every writer notifies and every app server listens on. */
export const PROGRESS_CHANNEL = "lianxin_progress";

/** What changed, so a client could decide how much to refresh; today every kind refreshes. */
export const PROGRESS_KINDS = [
  "vote",
  "signing",
  "move-out",
  "hand-over",
  "exclusion",
  "inclusion",
  "undo",
  "settle",
  "roster",
  "assignment",
  /** A household's facts that split the figures changed (the Party-member flag). */
  "household",
  /** Field work: a task created, reassigned, cancelled or done; a visit logged; a demand raised or
   *  moved on; the project's coverage rules changed. None of them changes a household count (a
   *  household's first visit, which moves it to VISITED, also notifies "household"). */
  "task",
  "visit",
  "demand",
  "coverage",
  /** A notice was published, withdrawn, or edited while published at a time ahead: the public
   *  pages' cache lets go of the project's notices. */
  "notice",
  /** A display session was switched off: its screen refreshes into the "switched off" page. */
  "display",
  /** The listener reconnected: notifications may have been missed while it was away. */
  "resync",
] as const;
export type ProgressKind = (typeof PROGRESS_KINDS)[number];

/** Field work changes visits, tasks, demands and coverage, never a household's signing state,
 *  group or flags: reads of household counts keep their cache entries through these. */
export const FIELD_WORK_KINDS = ["task", "visit", "demand", "coverage"] as const satisfies readonly ProgressKind[];

export const ZProgressEvent = z.object({
  /** null only for "resync", which concerns every project. */
  projectId: z.uuid().nullable(),
  kind: z.enum(PROGRESS_KINDS),
  /** ISO time of the change (the transaction's clock). */
  at: z.string(),
});
export type ProgressEvent = z.infer<typeof ZProgressEvent>;

/** A notification payload from the channel, or null when it is not one of ours. */
export function parseProgressEvent(payload: string | undefined): ProgressEvent | null {
  if (!payload) return null;
  try {
    const parsed = ZProgressEvent.safeParse(JSON.parse(payload));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
