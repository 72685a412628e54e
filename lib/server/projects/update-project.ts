import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { projectScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { calendarDayOf } from "../../domain/calendar-day.ts";
import { serverEnv } from "../../env.ts";
import { signingEndsInPast, ZProjectFields, type TProjectFields } from "./project-input.ts";

export const ZUpdateProjectInput = ZProjectFields.and(z.object({ projectId: z.uuid(), version: z.coerce.number().int().positive() }));

function comparable(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === null || value === undefined ? "" : String(value);
}

/** Rule: the project's secretary (and district officials) edit its facts. The form carries the
 *  version it showed; if someone saved in between, the edit is refused, not merged. Only
 *  changed fields are written to the audit trail. A signing end date already past is saved (a
 *  period may be recorded after the fact) and the answer says so, so that it is not a slip. */
export async function updateProject(
  actor: Actor,
  input: unknown,
  now: Date = new Date(),
): Promise<{ id: string; changed: string[]; signingEndPassed: boolean }> {
  requirePermission(actor, "update", "project");
  const { projectId, version, ...fields } = parseInput(ZUpdateProjectInput, input);

  return db().$transaction(async (tx) => {
    const current = await tx.project.findFirst({
      where: { AND: [{ id: projectId }, projectScope(actor, "update")] },
      select: {
        id: true,
        name: true,
        kind: true,
        district: true,
        street: true,
        countingUnit: true,
        firstRoundThreshold: true,
        signingThreshold: true,
        noticeStart: true,
        noticeEnd: true,
        consultationStart: true,
        consultationEnd: true,
        signingStart: true,
        signingEnd: true,
        isPublished: true,
      },
    });
    if (!current) throw new AppError("NOT_FOUND");

    const before: Record<string, string> = {};
    const after: Record<string, string> = {};
    for (const key of Object.keys(fields) as (keyof TProjectFields)[]) {
      const old = comparable(key.endsWith("Threshold") ? Number(current[key]).toFixed(4) : current[key]);
      const next = comparable(fields[key]);
      if (old !== next) {
        before[key] = old;
        after[key] = next;
      }
    }
    const { count } = await tx.project.updateMany({
      where: { id: projectId, version },
      data: { ...fields, version: { increment: 1 } },
    });
    if (count === 0) throw new AppError("CONFLICT");
    if (Object.keys(after).length > 0) {
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "update:project",
        entity: "project",
        entityId: projectId,
        projectId,
        before,
        after,
      });
    }
    const today = calendarDayOf(now, serverEnv().LIANXIN_TIME_ZONE);
    return { id: projectId, changed: Object.keys(after), signingEndPassed: signingEndsInPast(fields.signingEnd, today) };
  });
}
