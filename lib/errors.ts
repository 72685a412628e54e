import { isDatabaseUnavailable } from "./prisma-errors.ts";

// The errors a use case may raise. Each maps to one HTTP status and one translated, user-safe
// message (APP_ERROR_RULES below); raw exception text never reaches the browser.
export const APP_ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "VALIDATION",
  "RATE_LIMITED",
  "UNAVAILABLE",
] as const;
export type AppErrorCode = (typeof APP_ERROR_CODES)[number];

/** Field name → catalog keys of what is wrong with it. */
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fieldErrors?: FieldErrors;

  constructor(code: AppErrorCode, options?: { detail?: string; fieldErrors?: FieldErrors }) {
    super(options?.detail ? `${code}: ${options.detail}` : code);
    this.name = "AppError";
    this.code = code;
    this.fieldErrors = options?.fieldErrors;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** Catalog key of the text a failed request is answered with. */
export type ErrorMessageKey = `errors.${AppErrorCode | "INTERNAL"}`;

/** How a failed request is answered: HTTP status and translated message, and for a refusal that
 *  passes, when to ask again (a Retry-After header). */
export type ErrorAnswer = { status: number; messageKey: ErrorMessageKey; retryAfterSeconds?: number };

/** A read addressed by its URL (a page or a GET route), or a write (a server action, a POST). */
export type RequestKind = "read" | "write";

type ErrorRule = ErrorAnswer & {
  /** In a read addressed by URL, answered as this code instead. */
  inUrlRead?: AppErrorCode;
  /** What a page does (lib/server/or-not-found.ts): render the not-found page, or let the error
   *  boundary have it. A page never tells forbidden, out of scope and malformed apart. */
  page: "not-found" | "rethrow";
};

/** The one table from an AppError to its answer; every route, page and action reads it. */
export const APP_ERROR_RULES: Readonly<Record<AppErrorCode, ErrorRule>> = {
  UNAUTHENTICATED: { status: 401, messageKey: "errors.UNAUTHENTICATED", page: "rethrow" },
  // The role lacks the permission at all, whatever the record: saying so tells nothing about data.
  FORBIDDEN: { status: 403, messageKey: "errors.FORBIDDEN", page: "not-found" },
  // Out of scope is not found, so a record's existence never leaks.
  NOT_FOUND: { status: 404, messageKey: "errors.NOT_FOUND", page: "not-found" },
  CONFLICT: { status: 409, messageKey: "errors.CONFLICT", page: "rethrow" },
  // A write's input is wrong; a malformed id in a URL names nothing, so it is not found.
  VALIDATION: { status: 400, messageKey: "errors.VALIDATION", inUrlRead: "NOT_FOUND", page: "not-found" },
  RATE_LIMITED: { status: 429, messageKey: "errors.RATE_LIMITED", page: "rethrow" },
  // The database cannot be reached (an outage, a restart): nothing was done, and asking again
  // shortly will do. answerError sees it in the driver's error (isDatabaseUnavailable). A page
  // rethrows it, and the server process in front of Next answers its 503 (scripts/lib/front-door.ts).
  UNAVAILABLE: { status: 503, messageKey: "errors.UNAVAILABLE", page: "rethrow", retryAfterSeconds: 5 },
};

/** Anything that is not an AppError: logged on the server, answered generically. */
export const UNEXPECTED_ERROR_ANSWER: ErrorAnswer = { status: 500, messageKey: "errors.INTERNAL" };

/** The status and message a request of this kind that failed with `error` is answered with. */
export function answerError(error: unknown, kind: RequestKind): ErrorAnswer {
  const code = isAppError(error) ? error.code : isDatabaseUnavailable(error) ? "UNAVAILABLE" : undefined;
  if (!code) return UNEXPECTED_ERROR_ANSWER;
  const rule = APP_ERROR_RULES[code];
  const { status, messageKey, retryAfterSeconds } = kind === "read" && rule.inUrlRead ? APP_ERROR_RULES[rule.inUrlRead] : rule;
  return retryAfterSeconds ? { status, messageKey, retryAfterSeconds } : { status, messageKey };
}
