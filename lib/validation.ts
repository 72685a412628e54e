import { z } from "zod";
import { AppError, type FieldErrors } from "./errors.ts";

// Zod issues carry catalog keys as messages (e.g. "validation.required", "roster.errors.tenure")
// so that the action helper can translate them into the reader's language. Zod's own English
// messages are replaced by "validation.invalid".
const CATALOG_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z0-9_]+)+$/;
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path.join(".") || "_form";
    const key = CATALOG_KEY.test(issue.message) ? issue.message : "validation.invalid";
    (fieldErrors[field] ??= []).push(key);
  }
  throw new AppError("VALIDATION", { fieldErrors });
}

/** A required, trimmed text field that reports "validation.required" when empty. */
export function requiredText(max = 200) {
  return z
    .string({ error: "validation.required" })
    .trim()
    .min(1, { error: "validation.required" })
    .max(max, { error: "validation.tooLong" });
}
