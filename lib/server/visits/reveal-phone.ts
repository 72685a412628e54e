import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { phoneScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";

const ZRevealPhoneInput = z.object({ projectId: z.uuid(), householdId: z.uuid() });

/**
 * Rule (DOMAIN.md, "Disclosure and masking"): a household's full phone number goes only to the
 * assignee of an open task for it (phoneScope), and each time it does, a "reveal:phone" audit event
 * is written in the same transaction. Anyone else, or a household outside that scope: NOT_FOUND.
 */
export async function revealPhone(actor: Actor, input: unknown): Promise<{ householdId: string; phone: string | null }> {
  requirePermission(actor, "reveal", "phone");
  const { projectId, householdId } = parseInput(ZRevealPhoneInput, input);
  return db().$transaction(async (tx) => {
    const household = await tx.household.findFirst({
      where: { AND: [{ id: householdId, projectId }, phoneScope(actor)] },
      select: { id: true, projectId: true, phone: true },
    });
    if (!household) throw new AppError("NOT_FOUND");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "reveal:phone",
      entity: "household",
      entityId: household.id,
      projectId: household.projectId,
    });
    return { householdId: household.id, phone: household.phone };
  });
}
