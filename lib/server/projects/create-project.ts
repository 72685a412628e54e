import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { AppError } from "../../errors.ts";
import { isUniqueViolation } from "../../prisma-errors.ts";
import { parseInput } from "../../validation.ts";
import { recordAudit } from "../audit.ts";
import { ZProjectFields } from "./project-input.ts";

export const ZCreateProjectInput = ZProjectFields.and(
  z.object({
    code: z
      .string({ error: "validation.required" })
      .trim()
      .toUpperCase()
      .regex(/^[A-Z0-9][A-Z0-9-]{1,31}$/, { error: "validation.projectCode" }),
    /** Phone of the staff user who becomes secretary of the project's temporary Party branch. */
    secretaryPhone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, { error: "validation.phone" }),
  }),
);

/** Rule: district officials create projects and name their secretary, who must be an existing
 *  staff user. The project starts in PREPARATION with its temporary Party branch. */
export async function createProject(actor: Actor, input: unknown): Promise<{ id: string; code: string }> {
  requirePermission(actor, "create", "project");
  const { code, secretaryPhone, ...fields } = parseInput(ZCreateProjectInput, input);

  const secretary = await db().user.findFirst({
    where: { phone: secretaryPhone, role: "STAFF", disabledAt: null },
    select: { id: true },
  });
  if (!secretary) throw new AppError("VALIDATION", { fieldErrors: { secretaryPhone: ["validation.unknownStaffPhone"] } });

  try {
    return await db().$transaction(async (tx) => {
      const project = await tx.project.create({
        data: {
          code,
          ...fields,
          phase: "PREPARATION",
          memberships: { create: { userId: secretary.id, role: "SECRETARY" } },
          partyBranch: { create: { name: `${fields.name}临时党支部`, kind: "TEMPORARY", secretaryId: secretary.id } },
        },
        select: { id: true, code: true },
      });
      await recordAudit(tx, {
        actorId: actor.userId,
        action: "create:project",
        entity: "project",
        entityId: project.id,
        projectId: project.id,
        after: { code, ...fields, secretaryId: secretary.id } as never,
      });
      return project;
    });
  } catch (error) {
    if (isUniqueViolation(error, "code")) throw new AppError("VALIDATION", { fieldErrors: { code: ["validation.projectCodeTaken"] } });
    throw error;
  }
}
