import { describe, expect, it } from "vitest";
import { APP_ERROR_CODES, APP_ERROR_RULES, AppError, answerError, UNEXPECTED_ERROR_ANSWER } from "@/lib/errors";
import { en } from "@/lib/i18n/messages/en";
import { zhCN } from "@/lib/i18n/messages/zh-CN";
import { lookup } from "@/lib/i18n/translate";

// The one table from an AppError to what a route, a page and an action answer with.
describe("APP_ERROR_RULES", () => {
  it("gives every code a status, a message in both catalogs and what a page does", () => {
    expect(Object.keys(APP_ERROR_RULES).sort()).toEqual([...APP_ERROR_CODES].sort());
    for (const answer of [...Object.values(APP_ERROR_RULES), UNEXPECTED_ERROR_ANSWER]) {
      expect(answer.status, answer.messageKey).toBeGreaterThanOrEqual(400);
      expect(lookup(zhCN, answer.messageKey), answer.messageKey).toEqual(expect.any(String));
      expect(lookup(en, answer.messageKey), answer.messageKey).toEqual(expect.any(String));
    }
  });

  it("answers each code with its status; a malformed id in a read is not found", () => {
    const answers = (kind: "read" | "write") =>
      Object.fromEntries(APP_ERROR_CODES.map((code) => [code, answerError(new AppError(code), kind)]));
    expect(answers("write")).toEqual({
      UNAUTHENTICATED: { status: 401, messageKey: "errors.UNAUTHENTICATED" },
      FORBIDDEN: { status: 403, messageKey: "errors.FORBIDDEN" },
      NOT_FOUND: { status: 404, messageKey: "errors.NOT_FOUND" },
      CONFLICT: { status: 409, messageKey: "errors.CONFLICT" },
      VALIDATION: { status: 400, messageKey: "errors.VALIDATION" },
      RATE_LIMITED: { status: 429, messageKey: "errors.RATE_LIMITED" },
    });
    expect(answers("read")).toEqual({ ...answers("write"), VALIDATION: { status: 404, messageKey: "errors.NOT_FOUND" } });
  });

  it("answers anything else 500 with the generic message, whatever it says", () => {
    expect(answerError(new Error('relation "household" does not exist'), "read")).toEqual({ status: 500, messageKey: "errors.INTERNAL" });
    expect(answerError("thrown text", "write")).toEqual({ status: 500, messageKey: "errors.INTERNAL" });
  });

  it("renders the not-found page for forbidden, out of scope and malformed, and nothing else", () => {
    const notFoundOnPages = APP_ERROR_CODES.filter((code) => APP_ERROR_RULES[code].page === "not-found");
    expect(notFoundOnPages.sort()).toEqual(["FORBIDDEN", "NOT_FOUND", "VALIDATION"]);
  });
});
