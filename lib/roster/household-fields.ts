// The household fields whose rule must be the same wherever a household is written — the edit
// form (lib/server/households/update-household.ts), the roster import (columns.ts) and the
// template's note — so what one path saves, the others accept: the portal's own export imports
// back. Plain module (no server-only).
import { z } from "zod";
import { hasControlCharacter, hasInvisibleFormatting, requiredText, visibleText } from "../validation.ts";
import { HOUSEHOLD_ADDRESS_MAX, HOUSEHOLD_ADDRESS_PART_MAX, HOUSEHOLD_HEAD_NAME_MAX } from "./household-limits.ts";

export { HOUSEHOLD_ADDRESS_MAX, HOUSEHOLD_ADDRESS_PART_MAX, HOUSEHOLD_HEAD_NAME_MAX };

/**
 * What is wrong with the characters of a name or an address (its parts included), or null: a
 * control character, or a bidirectional control or zero-width character, which would make the
 * text read differently from what is stored (validation.ts). The form's schemas below and the
 * import's cells (columns.ts) both ask this.
 */
export function householdTextProblem(text: string): "controlCharacter" | "invisibleCharacter" | null {
  if (hasControlCharacter(text)) return "controlCharacter";
  if (hasInvisibleFormatting(text)) return "invisibleCharacter";
  return null;
}

/** A household's address: trimmed, required, at most HOUSEHOLD_ADDRESS_MAX visible characters. */
export const ZHouseholdAddress = visibleText(
  z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(HOUSEHOLD_ADDRESS_MAX, { error: "households.errors.addressTooLong" }),
);

/** The head of household's name: required, visible characters only. */
export const ZHouseholdHeadName = visibleText(requiredText(HOUSEHOLD_HEAD_NAME_MAX));

/** A required part of the address (the building, which the battle map rows by). */
export const ZHouseholdAddressPart = visibleText(requiredText(HOUSEHOLD_ADDRESS_PART_MAX));

/** An optional part of the address (lane, number, room): empty means none (null). */
export const ZOptionalHouseholdAddressPart = visibleText(
  z.string({ error: "validation.invalid" }).trim().max(HOUSEHOLD_ADDRESS_PART_MAX, { error: "validation.tooLong" }),
)
  .optional()
  .transform((v) => (v ? v : null));
