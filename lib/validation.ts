import { z } from "zod";
import { AppError, type FieldErrors } from "./errors.ts";

// ─────────────────────────── characters no input may carry ───────────────────────────
// C0 control characters (NUL among them) and DEL are never text anyone typed: Postgres refuses
// NUL in a text value outright (which used to surface as a 500), and the others corrupt what a
// page or a spreadsheet shows. Tab, line feed and carriage return are text: a summary has lines.
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

// Characters that change how text is shown without being seen: the bidirectional embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069) and marks (U+200E, U+200F, U+061C), which
// can show "王建国" for a name stored the other way round or make an address read differently
// from what sorts and searches; and the zero-width characters (U+200B–U+200D, U+2060, U+FEFF),
// which make two names that look the same differ. Names and addresses refuse them.
const INVISIBLE_FORMATTING = /[\u061C\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/;

/** Whether `text` holds a control character other than tab and line breaks. */
export function hasControlCharacter(text: string): boolean {
  return CONTROL_CHARACTER.test(text);
}

/** Whether `text` holds a bidirectional control or a zero-width character. */
export function hasInvisibleFormatting(text: string): boolean {
  return INVISIBLE_FORMATTING.test(text);
}

/** The field paths ("a", "a.0", "a.b") of every string in `input` with a control character; "_form"
 *  for the input itself. Walks plain objects and arrays only (what forms and queries are). */
function controlCharacterPaths(input: unknown, path: string[] = [], found: string[] = []): string[] {
  if (typeof input === "string") {
    if (hasControlCharacter(input)) found.push(path.join(".") || "_form");
  } else if (Array.isArray(input)) {
    input.forEach((item, index) => controlCharacterPaths(item, [...path, String(index)], found));
  } else if (
    input !== null &&
    typeof input === "object" &&
    (Object.getPrototypeOf(input) === Object.prototype || Object.getPrototypeOf(input) === null)
  ) {
    for (const [key, value] of Object.entries(input)) controlCharacterPaths(value, [...path, key], found);
  }
  return found;
}

// Zod issues carry catalog keys as messages (e.g. "validation.required", "roster.errors.tenure")
// so that the action helper can translate them into the reader's language. Zod's own English
// messages are replaced by "validation.invalid".
const CATALOG_KEY = /^[a-z][A-Za-z]*(\.[A-Za-z0-9_]+)+$/;

/**
 * Every use case parses its input here: first, no string anywhere in the input (a form field, a
 * search, a filter, an id) may carry a control character — refused as bad input in the reader's
 * language ("validation.controlCharacter"), whichever schema the use case has; then the schema.
 */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const controlled = controlCharacterPaths(input);
  if (controlled.length > 0) {
    throw new AppError("VALIDATION", {
      fieldErrors: Object.fromEntries(controlled.map((field) => [field, ["validation.controlCharacter"]])),
    });
  }
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

/** A refinement for names and addresses: no bidirectional controls, no zero-width characters
 *  ("validation.invisibleCharacter"), nor control characters for callers that bypass parseInput. */
export function visibleText<T extends z.ZodType<string>>(schema: T) {
  return schema
    .refine((text) => !hasControlCharacter(text), { error: "validation.controlCharacter" })
    .refine((text) => !hasInvisibleFormatting(text), { error: "validation.invisibleCharacter" });
}
