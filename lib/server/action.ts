import "server-only";
import { revalidatePath } from "next/cache";
import { unstable_rethrow } from "next/navigation";
import { getActor } from "../auth/actor.ts";
import type { Actor } from "../auth/actor-types.ts";
import { answerError, AppError, isAppError } from "../errors.ts";
import { getTranslator } from "../i18n/server.ts";
import type { MessageKey, Translate } from "../i18n/translate.ts";

/** The one shape every server action returns to its form. */
export type ActionState = {
  ok: boolean;
  /** Translated text for the whole form (success or failure). */
  message?: string;
  /** Field name → translated problems, shown beside the field. */
  fieldErrors?: Record<string, string[]>;
  /** Echo of what was submitted, so a failed form keeps the user's input. */
  values?: Record<string, string>;
  /** The session had ended (idle limit, sign-out, password reset): the form keeps its input and
   *  offers a sign-in that comes back to this page. `signIn` is the link's translated text. */
  sessionExpired?: { signIn: string };
};

export const INITIAL_ACTION_STATE: ActionState = { ok: false };

/** A form's fields as the use cases parse them. A server action is a public endpoint: whoever
 *  calls it may send no argument or anything serialisable instead of the form, and that is bad
 *  input (a validation answer), not a failure of the server. */
function formDataToObject(formData: unknown): Record<string, string | string[]> {
  if (!(formData instanceof FormData)) throw new AppError("VALIDATION", { fieldErrors: { _form: ["validation.formData"] } });
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION_") || typeof value !== "string") continue;
    const existing = result[key];
    if (existing === undefined) result[key] = value;
    else result[key] = Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

function echo(input: Record<string, string | string[]>): Record<string, string> {
  return Object.fromEntries(
    // Secrets are never sent back to the browser.
    Object.entries(input)
      .filter(([key]) => !/password|accessCode/i.test(key))
      .map(([key, value]) => [key, Array.isArray(value) ? value.join(",") : value]),
  );
}

export function errorToState(error: AppError, t: Translate, values?: Record<string, string>): ActionState {
  if (error.code === "UNAUTHENTICATED") {
    return {
      ok: false,
      message: t("accounts.sessionExpired.message"),
      sessionExpired: { signIn: t("accounts.sessionExpired.signIn") },
      values,
    };
  }
  const fieldErrors = error.fieldErrors
    ? Object.fromEntries(Object.entries(error.fieldErrors).map(([field, keys]) => [field, keys.map((key) => t(key as MessageKey))]))
    : undefined;
  // A form-level reason (field "_form", e.g. "setup.phaseRefusal.NOT_NEXT") is the message itself.
  const formErrors = fieldErrors?._form;
  return { ok: false, message: formErrors?.length ? formErrors.join(" ") : t(answerError(error, "write").messageKey), fieldErrors, values };
}

/** One text field of an action's form, "" when it is absent or the argument is not a form at all:
 *  for what an action reads before runAction (the paths to revalidate, which use case to run),
 *  so that a call without its form reaches runAction's answer instead of failing there. */
export function formField(formData: unknown, name: string): string {
  if (!(formData instanceof FormData)) return "";
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/**
 * Every server action goes through here: form data → session → use case (which checks permission and scope,
 * parses with zod and writes in one transaction with its audit event) → revalidate → ActionState.
 * Known errors become translated messages; anything else is logged and reported generically, so
 * no raw exception text reaches the browser.
 */
export async function runAction<TResult>(
  formData: unknown,
  runUseCase: (actor: Actor, input: unknown) => Promise<TResult>,
  options: {
    revalidate?: string[];
    success?: (result: TResult, t: Translate) => string;
    /** Only the password change itself runs for someone who still holds a one-time password. */
    passwordChange?: "allow";
  } = {},
): Promise<ActionState> {
  const t = await getTranslator();
  let input: Record<string, string | string[]> = {};
  try {
    input = formDataToObject(formData);
    const actor = await getActor();
    if (!actor) throw new AppError("UNAUTHENTICATED");
    if (actor.mustChangePassword && options.passwordChange !== "allow") {
      return { ok: false, message: t("accounts.mustChangeFirst"), values: echo(input) };
    }
    const result = await runUseCase(actor, input);
    for (const path of options.revalidate ?? []) revalidatePath(path);
    return { ok: true, message: options.success?.(result, t) };
  } catch (error) {
    unstable_rethrow(error);
    if (isAppError(error)) return errorToState(error, t, echo(input));
    console.error("[action] unexpected error", error);
    return { ok: false, message: t(answerError(error, "write").messageKey), values: echo(input) };
  }
}
