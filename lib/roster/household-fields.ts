// The household fields whose rule must be the same wherever a household is written — the edit
// form (lib/server/households/update-household.ts), the roster import (columns.ts) and the
// template's note — so what one path saves, the others accept: the portal's own export imports
// back. Plain module (no server-only).
import { z } from "zod";
import { HOUSEHOLD_ADDRESS_MAX } from "./household-limits.ts";

export { HOUSEHOLD_ADDRESS_MAX };

/** A household's address: trimmed, required, at most HOUSEHOLD_ADDRESS_MAX characters. */
export const ZHouseholdAddress = z
  .string({ error: "validation.required" })
  .trim()
  .min(1, { error: "validation.required" })
  .max(HOUSEHOLD_ADDRESS_MAX, { error: "households.errors.addressTooLong" });
