// The errors a use case may raise. Each maps to one translated, user-safe message
// (catalog key errors.<code>); raw exception text never reaches the browser.
export const APP_ERROR_CODES = [
  "UNAUTHENTICATED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "VALIDATION",
  "RATE_LIMITED",
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
