import { describe, expect, it } from "vitest";
import { SIGN_IN_ERRORS, signInProblemOf } from "@/lib/auth/credentials";
import { en } from "@/lib/i18n/messages/en";
import { zhCN } from "@/lib/i18n/messages/zh-CN";

// What the login form says for each answer of the sign-in endpoint.
describe("signInProblemOf", () => {
  it("calls only a refused password wrong", () => {
    expect(signInProblemOf(SIGN_IN_ERRORS.failed)).toEqual({ kind: "failed" });
    expect(signInProblemOf("THROTTLED:3")).toEqual({ kind: "throttled", minutes: "3" });
    expect(signInProblemOf(SIGN_IN_ERRORS.unavailable)).toEqual({ kind: "unavailable" });
  });

  it("answers anything else as temporarily unavailable, never as a wrong password", () => {
    for (const error of [
      undefined,
      null,
      "",
      "Callback",
      "\nInvalid `prisma.user.findUnique()` invocation: connect ECONNREFUSED",
      "THROTTLED:",
    ]) {
      expect(signInProblemOf(error)).toEqual({ kind: "unavailable" });
    }
  });

  it("has the unavailable message in both languages", () => {
    expect(zhCN.login.unavailable).toBe("系统暂时无法使用，请稍后再登录。");
    expect(en.login.unavailable).toBe("The portal is temporarily unavailable. Please try signing in again shortly.");
  });
});
