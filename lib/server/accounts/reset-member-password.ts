import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { generateOneTimePassword, hashPassword } from "../../auth/password.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { staffUserScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";

export const ZResetMemberPasswordInput = z.object({
  userId: z.uuid(),
  /** The project whose set-up screen the reset came from, recorded with the audit event. */
  projectId: z.uuid().optional(),
});

/** Rule: a secretary resets the password of a member of their project's working groups, a
 *  district official that of any staff account: a new one-time password, shown once to the one
 *  who reset it, to be changed at the next sign-in; the old password and every open session of
 *  the account stop working at once (passwordVersion). Out of scope: NOT_FOUND. One's own
 *  password is changed, not reset. */
export async function resetMemberPassword(
  actor: Actor,
  input: unknown,
): Promise<{ userId: string; name: string; temporaryPassword: string }> {
  requirePermission(actor, "reset", "password");
  const { userId, projectId } = parseInput(ZResetMemberPasswordInput, input);
  if (userId === actor.userId) throw new AppError("VALIDATION", { fieldErrors: { _form: ["accounts.errors.cannotResetSelf"] } });
  const temporaryPassword = generateOneTimePassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return db().$transaction(async (tx) => {
    const user = await tx.user.findFirst({
      where: { AND: [{ id: userId }, staffUserScope(actor, "reset", "password")] },
      select: { id: true, name: true },
    });
    if (!user) throw new AppError("NOT_FOUND");
    // Recorded with the project only when the actor manages it (an id from the form is not trusted).
    const auditProject = projectId && actor.managedProjectIds.includes(projectId) ? projectId : null;
    await tx.user.update({
      where: { id: user.id },
      data: { passwordHash, mustChangePassword: true, passwordVersion: { increment: 1 } },
    });
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "reset:password",
      entity: "user",
      entityId: user.id,
      projectId: auditProject,
      after: { mustChangePassword: true },
    });
    return { userId: user.id, name: user.name, temporaryPassword };
  });
}
