import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import type { RosterImportResult, RosterProgressListener } from "../../roster/import-events.ts";
import { normalizeGroupName, validateRoster } from "../../roster/validate.ts";
import { parseInput } from "../../validation.ts";
import { requestMeta } from "../audit.ts";
import { readRosterFile } from "./read-roster-file.ts";
import { RosterWriteRace, writeRoster } from "./write-roster.ts";

export const ZImportRosterInput = z.object({
  projectId: z.uuid(),
  fileName: z.string().max(255),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, { error: "validation.invalid" }),
  /** Language of the header names in "missing column" problems. */
  language: z.enum(["zh", "en"]).default("zh"),
});
export type TImportRosterInput = z.input<typeof ZImportRosterInput>;

/** Attempts when households change under the write (each attempt re-reads them). */
const WRITE_ATTEMPTS = 3;

/**
 * Rule: a project's secretaries import its household roster (.xlsx or .csv). Every row is checked
 * before anything is written; one problem anywhere and nothing is written, and every problem comes
 * back with its row and column. Otherwise the rows are upserted by household code in ONE
 * transaction: new households created, changed ones updated (version + 1), identical ones left
 * alone, workflow state (votes, signings, move-outs, exclusion) never touched; one
 * import:household audit event per created or updated household, and assign:household for every
 * signing-group change. Importing the same file twice changes nothing the second time.
 */
export async function importRoster(
  actor: Actor,
  input: TImportRosterInput,
  onProgress?: RosterProgressListener,
): Promise<RosterImportResult> {
  requirePermission(actor, "import", "household");
  const { projectId, fileName, bytes, language } = parseInput(ZImportRosterInput, input);
  const project = await db().project.findFirst({
    where: { AND: [{ id: projectId }, projectScope(actor, "import", "household")] },
    select: { id: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  const meta = await requestMeta();

  const file = await readRosterFile(fileName, bytes, onProgress);
  if (!file.ok) return { ok: false, problems: [file.problem], problemCount: 1 };

  const groups = await db().workingGroup.findMany({ where: { projectId, kind: "SIGNING" }, select: { name: true } });
  const validation = await validateRoster(file.table, {
    groupNames: new Set(groups.map((g) => normalizeGroupName(g.name))),
    language,
    onProgress,
  });
  if (!validation.ok) return validation;

  for (let attempt = 1; ; attempt++) {
    try {
      const summary = await db().$transaction(
        (tx) => writeRoster(tx, { projectId, actorId: actor.userId, columns: validation.columns, rows: validation.rows, meta, onProgress }),
        { maxWait: 10_000, timeout: 300_000 },
      );
      return { ok: true, ...summary };
    } catch (error) {
      if (!(error instanceof RosterWriteRace)) throw error;
      if (attempt >= WRITE_ATTEMPTS) throw new AppError("CONFLICT", { detail: "households kept changing during the import" });
    }
  }
}
