import "server-only";
import { z } from "zod";
import { DEMAND_CATEGORIES } from "../../domain/field-work.ts";
import { requiredText } from "../../validation.ts";

/** Most characters of a demand's description and of its resolution. */
export const DEMAND_DESCRIPTION_MAX = 1000;
export const DEMAND_RESOLUTION_MAX = 2000;

/** An optional special group: empty means "the default for the category". */
export const ZOptionalGroupId = z.preprocess(
  (value) => (value === "" || value === undefined ? null : value),
  z.uuid({ error: "validation.invalid" }).nullable(),
);

/** One demand as a form drafts it (on the household page, or one of several in a visit log). */
export const ZDemandDraft = z.object({
  category: z.enum(DEMAND_CATEGORIES, { error: "demands.errors.chooseCategory" }),
  description: requiredText(DEMAND_DESCRIPTION_MAX),
  /** Absent or empty: routed by category (defaultDemandGroup). */
  routedGroupId: ZOptionalGroupId.optional(),
});
export type TDemandDraft = z.output<typeof ZDemandDraft>;
