import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";

export type OwnAccount = { name: string; phone: string; mustChangePassword: boolean };

/** Rule: a staff user sees their own account (for the password page: the phone they sign in with). */
export async function getOwnAccount(actor: Actor): Promise<OwnAccount> {
  requirePermission(actor, "update", "password");
  const user = await db().user.findUnique({
    where: { id: actor.userId },
    select: { name: true, phone: true, mustChangePassword: true },
  });
  if (!user?.phone) throw new AppError("NOT_FOUND");
  return { name: user.name, phone: user.phone, mustChangePassword: user.mustChangePassword };
}
