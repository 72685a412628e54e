// The language switch sends the reader back to the whole address they were on, and only ever to a
// path on this site: the helper's answers, then the real route's Location and cookie, and its
// refusal of a post from another origin.
import { describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { localeRedirectTarget } from "@/app/api/locale/redirect-target";

vi.mock("@/lib/i18n/server", async () => {
  const { createTranslator } = await import("@/lib/i18n/translate");
  return { getLocale: async () => "en", getTranslator: async () => createTranslator("en") };
});

describe("localeRedirectTarget", () => {
  it("keeps a path with its query", () => {
    expect(localeRedirectTarget("/overview?sort=rate&dir=desc&kind=SHANTYTOWN")).toBe("/overview?sort=rate&dir=desc&kind=SHANTYTOWN");
    expect(localeRedirectTarget("/projects/abc/households?q=%E5%BC%A0&page=2")).toBe("/projects/abc/households?q=%E5%BC%A0&page=2");
    expect(localeRedirectTarget("/")).toBe("/");
  });

  it.each([
    ["another origin", "//evil.example/x"],
    ["a backslash read as a slash", "/\\evil.example"],
    ["a backslash later on", "/a\\b"],
    ["a dot segment that collapses to //host", "/.//evil.example"],
    ["a parent segment that collapses to //host", "/a/..//evil.example"],
    ["an encoded dot segment", "/%2e//evil.example"],
    ["encoded parent segments", "/x/%2E%2E//evil.example/overview"],
    ["an absolute URL", "https://evil.example/overview"],
    ["a script URL", "javascript:alert(1)"],
    ["a relative path", "overview"],
    ["a tab the browser drops", "/\t/evil.example"],
    ["a newline (header splitting)", "/overview\r\nSet-Cookie: x=1"],
    ["a NUL", "/over\u0000view"],
    ["a space", "/ /evil.example"],
    ["empty", ""],
    ["not text", undefined],
    ["too long", `/${"a".repeat(2001)}`],
  ])("refuses %s (falls back to /)", (_why, raw) => {
    expect(localeRedirectTarget(raw)).toBe("/");
  });
});

describe("POST /api/locale", () => {
  /** A form post from the portal's own page, unless `origin` names another. */
  async function post(fields: Record<string, string>, origin = "http://portal.test") {
    const { POST } = await import("@/app/api/locale/route");
    const body = new URLSearchParams(fields);
    return POST(
      new NextRequest("http://portal.test/api/locale", {
        method: "POST",
        body,
        headers: { "content-type": "application/x-www-form-urlencoded", host: "portal.test", origin },
      }),
    );
  }

  it("answers 303 to the whole address and sets the language cookie", async () => {
    const response = await post({ locale: "en", redirectTo: "/overview?sort=rate&dir=desc&kind=SHANTYTOWN" });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe("/overview?sort=rate&dir=desc&kind=SHANTYTOWN");
    expect(response.headers.get("set-cookie")).toContain("lianxin-locale=en");
  });

  it.each(["//evil.example", "/\\evil.example", "/.//evil.example", "/a/..//evil.example", "https://evil.example/", "/\u0001x"])(
    "sends %j home instead",
    async (redirectTo) => {
      const response = await post({ locale: "zh-CN", redirectTo });
      expect(response.status).toBe(303);
      expect(response.headers.get("location")).toBe("/");
    },
  );

  it.each(["http://portal.test:4000", "http://evil.example", "null"])("refuses a post from %s: 403, no cookie", async (origin) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const response = await post({ locale: "en", redirectTo: "/overview" }, origin);
    expect(warn).toHaveBeenCalledOnce();
    warn.mockRestore();
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: "You do not have permission to do this." });
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(response.headers.get("location")).toBeNull();
  });

  it("refuses an unknown language", async () => {
    const response = await post({ locale: "fr", redirectTo: "/" });
    expect(response.status).toBe(400);
  });
});
