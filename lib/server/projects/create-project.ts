import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { db } from "../../db.ts";
import { AppError, isAppError, type FieldErrors } from "../../errors.ts";
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

function field(input: unknown, name: string): unknown {
  return typeof input === "object" && input !== null ? (input as Record<string, unknown>)[name] : undefined;
}

export type TCreateProjectInput = z.infer<typeof ZCreateProjectInput>;

/** Rule: district officials create projects and name their secretary, who must be an existing
 *  staff user. The project starts in PREPARATION with its temporary Party branch. */
export async function createProject(actor: Actor, input: unknown): Promise<{ id: string; code: string }> {
  requirePermission(actor, "create", "project");
  // Every problem in one answer: the form's own, an unknown secretary and a code in use together.
  let data: TCreateProjectInput | null = null;
  const fieldErrors: FieldErrors = {};
  try {
    data = parseInput(ZCreateProjectInput, input);
  } catch (error) {
    if (!isAppError(error) || !error.fieldErrors) throw error;
    Object.assign(fieldErrors, error.fieldErrors);
  }
  const { code: ZCode, secretaryPhone: ZPhone } = ZCreateProjectInput.def.right.shape;
  const phone = ZPhone.safeParse(field(input, "secretaryPhone"));
  const codeText = ZCode.safeParse(field(input, "code"));
  const [secretary, codeInUse] = await Promise.all([
    phone.success ? db().user.findFirst({ where: { phone: phone.data, role: "STAFF", disabledAt: null }, select: { id: true } }) : null,
    codeText.success ? db().project.findUnique({ where: { code: codeText.data }, select: { id: true } }) : null,
  ]);
  if (phone.success && !secretary) fieldErrors.secretaryPhone = ["validation.unknownStaffPhone"];
  if (codeInUse) fieldErrors.code = ["validation.projectCodeTaken"];
  if (!data || !secretary || Object.keys(fieldErrors).length > 0) throw new AppError("VALIDATION", { fieldErrors });
  const { code, secretaryPhone: _secretaryPhone, ...fields } = data;

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
    // Two officials creating the same code at once: the loser hears it like the pre-check says it.
    if (isUniqueViolation(error, "code")) throw new AppError("VALIDATION", { fieldErrors: { code: ["validation.projectCodeTaken"] } });
    throw error;
  }
}
