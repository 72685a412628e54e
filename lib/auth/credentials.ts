// What a sign-in and a new password must look like. Plain zod with catalog keys, shared by the
// server (authenticate-*.ts, the password use cases) and the login form, which asks for what is
// missing before it sends anything — so an empty form is told which field to fill, not that the
// account or password is wrong.
import { z } from "zod";

// The login form builds these schemas in the browser, where zod would first probe `new Function`
// for its faster parser: the Content-Security-Policy (no 'unsafe-eval') refuses and reports it.
// Forms this small need no compiled parser.
if (typeof window !== "undefined") z.config({ jitless: true });

export const ZStaffCredentials = z.object({
  phone: z
    .string({ error: "login.errors.phoneRequired" })
    .trim()
    .min(1, { error: "login.errors.phoneRequired" })
    .regex(/^1\d{10}$/, { error: "validation.phone" }),
  password: z.string({ error: "login.errors.passwordRequired" }).min(1, { error: "login.errors.passwordRequired" }).max(200),
});

export const ZResidentCredentials = z.object({
  householdCode: z
    .string({ error: "login.errors.householdCodeRequired" })
    .trim()
    .toUpperCase()
    .min(1, { error: "login.errors.householdCodeRequired" })
    .max(64),
  accessCode: z.string({ error: "login.errors.accessCodeRequired" }).trim().min(1, { error: "login.errors.accessCodeRequired" }).max(64),
});

export const MIN_PASSWORD_LENGTH = 10;

/** A password a person chooses: at least 10 characters, with a letter and a digit. */
export const ZNewPassword = z
  .string({ error: "accounts.errors.passwordTooShort" })
  .min(MIN_PASSWORD_LENGTH, { error: "accounts.errors.passwordTooShort" })
  .max(200, { error: "validation.tooLong" })
  .refine((value) => /\p{L}/u.test(value) && /\p{N}/u.test(value), { error: "accounts.errors.passwordWeak" });

/** The first field error of each field, as catalog keys, or null when the input is valid. */
export function credentialErrors(schema: z.ZodType, input: unknown): Record<string, string> | null {
  const result = schema.safeParse(input);
  if (result.success) return null;
  const errors: Record<string, string> = {};
  for (const issue of result.error.issues) errors[String(issue.path[0] ?? "_form")] ??= issue.message;
  return errors;
}

/** The codes the sign-in endpoint answers a failed sign-in with (next-auth hands the form what
 *  authorize() threw): nothing else, so no internal error text reaches the browser. */
export const SIGN_IN_ERRORS = { failed: "CredentialsSignin", throttled: "THROTTLED", unavailable: "UNAVAILABLE" } as const;

export type TSignInProblem = { kind: "failed" } | { kind: "throttled"; minutes: string } | { kind: "unavailable" };

/** What the login form tells the person about a sign-in's error code. A code it does not know is
 *  "unavailable", never "wrong password": the password may have been right. */
export function signInProblemOf(error: string | null | undefined): TSignInProblem {
  if (error === SIGN_IN_ERRORS.failed) return { kind: "failed" };
  const throttled = error?.match(/^THROTTLED:(\d+)$/);
  if (throttled) return { kind: "throttled", minutes: throttled[1]! };
  return { kind: "unavailable" };
}
