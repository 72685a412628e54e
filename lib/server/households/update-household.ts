import "server-only";
import { z } from "zod";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { householdScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { OWNER_LOCATIONS, TENURES } from "../../domain/options.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import {
  ZHouseholdAddress,
  ZHouseholdAddressPart,
  ZHouseholdHeadName,
  ZOptionalHouseholdAddressPart,
} from "../../roster/household-fields.ts";
import { isMaskedPhone, maskPhone } from "../../security/phone.ts";
import { parseInput } from "../../validation.ts";
import { notifyProjectChanged } from "../live/notify-project-changed.ts";
import { recordAudit } from "../audit.ts";

const count = z.coerce
  .number({ error: "households.errors.count" })
  .int({ error: "households.errors.count" })
  .min(0, { error: "households.errors.count" })
  .max(999, { error: "households.errors.count" });

/** Square metres with at most two decimals, kept as text so no float rounding creeps in. */
const area = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .regex(/^\d{1,8}(\.\d{1,2})?$/, { error: "households.errors.area" });

const optionalArea = z
  .string({ error: "validation.invalid" })
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(
    z
      .string()
      .regex(/^\d{1,8}(\.\d{1,2})?$/, { error: "households.errors.area" })
      .nullable(),
  );

/** Checkboxes post "on" when ticked and nothing otherwise; programmatic callers may pass booleans. */
const checkbox = z
  .union([z.boolean(), z.string()])
  .optional()
  .transform((v) => v === true || v === "on" || v === "true" || v === "1");

/** Mobile, landline with area code, or overseas with +: the roster's rule (lib/roster/columns.ts),
 *  so whatever is saved here exports and imports again. */
const phone = z
  .string({ error: "households.errors.phone" })
  .trim()
  .optional()
  .transform((v) => (v ? v : null))
  .pipe(
    z
      .string()
      // The form shows the number masked (138****0001); sent back unchanged, it keeps the number.
      .refine((v) => isMaskedPhone(v) || (/^\+?[\d\s\-()]{5,24}$/.test(v) && (v.match(/\d/g) ?? []).length >= 5), {
        error: "households.errors.phone",
      })
      .nullable(),
  );

export const ZUpdateHouseholdInput = z
  .object({
    projectId: z.uuid(),
    householdId: z.uuid(),
    /** The version the form was rendered with. */
    version: z.coerce.number().int().min(1),
    // Names and addresses as the import takes them (household-fields.ts): visible characters only.
    lane: ZOptionalHouseholdAddressPart,
    building: ZHouseholdAddressPart,
    number: ZOptionalHouseholdAddressPart,
    room: ZOptionalHouseholdAddressPart,
    address: ZHouseholdAddress,
    headName: ZHouseholdHeadName,
    phone,
    registeredPopulation: count,
    residentCount: count,
    floorArea: area,
    livingArea: optionalArea,
    tenure: z.enum(TENURES, { error: "validation.required" }),
    ownerLocation: z.enum(OWNER_LOCATIONS, { error: "validation.required" }),
    isPartyMemberHousehold: checkbox,
    isHardship: checkbox,
    isElderlySickDisabled: checkbox,
    hasFamilyDispute: checkbox,
  })
  .refine((v) => v.livingArea === null || Number(v.livingArea) <= Number(v.floorArea), {
    error: "households.errors.livingAboveFloor",
    path: ["livingArea"],
  });
export type TUpdateHouseholdInput = z.infer<typeof ZUpdateHouseholdInput>;

const EDITABLE_FIELDS = [
  "lane",
  "building",
  "number",
  "room",
  "address",
  "headName",
  "phone",
  "registeredPopulation",
  "residentCount",
  "floorArea",
  "livingArea",
  "tenure",
  "ownerLocation",
  "isPartyMemberHousehold",
  "isHardship",
  "isElderlySickDisabled",
  "hasFamilyDispute",
] as const;
type EditableField = (typeof EDITABLE_FIELDS)[number];

const currentSelect = {
  id: true,
  projectId: true,
  code: true,
  version: true,
  ...Object.fromEntries(EDITABLE_FIELDS.map((f) => [f, true])),
} as { [K in EditableField | "id" | "projectId" | "code" | "version"]: true } satisfies Prisma.HouseholdSelect;

type Comparable = string | number | boolean | null;

function comparable(value: unknown): Comparable {
  if (value === null || value === undefined) return null;
  if (typeof value === "object" && "toFixed" in value && typeof value.toFixed === "function")
    return (value as { toFixed(d: number): string }).toFixed(2);
  return value as Comparable;
}

/**
 * Rule: secretaries edit the facts of any household of their project, group leaders those of
 * their own group's households. The form carries the version it was rendered with; if the
 * household changed since (another edit, a signing, an assignment), the edit is refused with
 * CONFLICT and nothing is written. Only changed fields are written and audited
 * (`update:household`, before/after of those fields), in one transaction.
 */
export async function updateHousehold(
  actor: Actor,
  input: unknown,
): Promise<{ id: string; code: string; version: number; changed: EditableField[] }> {
  requirePermission(actor, "update", "household");
  const data = parseInput(ZUpdateHouseholdInput, input);

  return db().$transaction(async (tx) => {
    const current = await tx.household.findFirst({
      where: { AND: [{ id: data.householdId, projectId: data.projectId }, householdScope(actor, "update", "household")] },
      select: currentSelect,
    });
    if (!current) throw new AppError("NOT_FOUND");
    if (current.version !== data.version) throw new AppError("CONFLICT");
    if (data.phone !== null && isMaskedPhone(data.phone)) {
      if (current.phone === null || maskPhone(current.phone) !== data.phone)
        throw new AppError("VALIDATION", { fieldErrors: { phone: ["households.errors.phone"] } });
      data.phone = current.phone;
    }

    const before: Record<string, Comparable> = {};
    const after: Record<string, Comparable> = {};
    for (const field of EDITABLE_FIELDS) {
      const was = comparable(current[field as keyof typeof current]);
      const now = comparable(data[field]);
      if (was !== now) {
        before[field] = was;
        after[field] = now;
      }
    }
    const changed = Object.keys(after) as EditableField[];
    if (changed.length === 0) return { id: current.id, code: current.code, version: current.version, changed };

    const update = Object.fromEntries(changed.map((f) => [f, data[f]])) as Prisma.HouseholdUpdateManyMutationInput;
    const result = await tx.household.updateMany({
      where: { id: current.id, version: data.version },
      data: { ...update, version: { increment: 1 } },
    });
    // Another transaction committed a change between our read and our write.
    if (result.count === 0) throw new AppError("CONFLICT");

    // The Party-member flag splits the dashboard's figures (党员带头).
    if (changed.includes("isPartyMemberHousehold")) await notifyProjectChanged(tx, current.projectId, "household");
    await recordAudit(tx, {
      actorId: actor.userId,
      action: "update:household",
      entity: "household",
      entityId: current.id,
      projectId: current.projectId,
      before,
      after,
    });
    return { id: current.id, code: current.code, version: data.version + 1, changed };
  });
}
