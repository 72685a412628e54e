import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { generateOneTimePassword, hashPassword } from "../../auth/password.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { isUniqueViolation } from "../../prisma-errors.ts";
import { parseInput, visibleText } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { findManagedGroup } from "./find-managed-group.ts";

export const ZAddGroupMemberInput = z.object({
  groupId: z.uuid(),
  phone: z
    .string({ error: "validation.phone" })
    .trim()
    .regex(/^1\d{10}$/, { error: "validation.phone" }),
  /** Needed only when no staff user has this phone yet. A name: visible characters only. */
  name: visibleText(z.string().trim().max(50, { error: "validation.tooLong" }))
    .optional()
    .default(""),
  role: z.enum(["LEADER", "MEMBER"]).default("MEMBER"),
  isPartyMember: z
    .union([z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")])
    .optional()
    .transform((value) => value === "on" || value === "true"),
});

/** Rule: the secretary adds staff to a group by phone number. A phone nobody has yet creates a
 *  staff account with a one-time password shown once to the secretary (never stored in clear).
 *  A person may be in several groups; twice in one group is refused. */
export async function addGroupMember(
  actor: Actor,
  input: unknown,
): Promise<{ userId: string; name: string; temporaryPassword: string | null }> {
  requirePermission(actor, "manage", "group");
  const { groupId, phone, name, role, isPartyMember } = parseInput(ZAddGroupMemberInput, input);

  const existing = await db().user.findUnique({ where: { phone }, select: { id: true, name: true, role: true } });
  if (existing && existing.role !== "STAFF") {
    throw new AppError("VALIDATION", { fieldErrors: { phone: ["validation.notStaffPhone"] } });
  }
  if (!existing && !name) throw new AppError("VALIDATION", { fieldErrors: { name: ["validation.nameForNewStaff"] } });
  const temporaryPassword = existing ? null : generateOneTimePassword();
  const passwordHash = temporaryPassword ? await hashPassword(temporaryPassword) : null;

  try {
    return await db().$transaction(async (tx) => {
      const group = await findManagedGroup(tx, actor, groupId);
      const user =
        existing ??
        (await tx.user.create({
          data: { role: "STAFF", name, phone, isPartyMember, passwordHash: passwordHash!, mustChangePassword: true },
          select: { id: true, name: true, role: true },
        }));
      await tx.workingGroupMember.create({ data: { groupId, userId: user.id, role } });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "add:group-member",
        entity: "group",
        entityId: groupId,
        projectId: group.projectId,
        after: { userId: user.id, name: user.name, role, createdAccount: !existing },
      });
      return { userId: user.id, name: user.name, temporaryPassword };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("VALIDATION", { fieldErrors: { phone: ["validation.alreadyInGroup"] } });
    throw error;
  }
}
