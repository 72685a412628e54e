// The origin check every state-changing route handler passes (lib/server/origin.ts): the request's
// Origin, or its Referer without one, must name the host the request came to — the
// `x-forwarded-host` Next sets (or a proxy sent), else `Host` — as Next judges a server action.
import { describe, expect, it } from "vitest";
import { checkSameOrigin, isStateChanging } from "@/lib/server/origin";

const PORTAL = { host: "127.0.0.1:3000", "x-forwarded-host": "127.0.0.1:3000" };

function verdict(method: string, headers: Record<string, string>) {
  return checkSameOrigin(new Request("http://127.0.0.1:3000/api/x", { method, headers }));
}

describe("isStateChanging", () => {
  it("leaves GET and HEAD open, whatever the case, and checks every other method", () => {
    expect(["GET", "HEAD", "get", "head"].map(isStateChanging)).toEqual([false, false, false, false]);
    expect(["POST", "PUT", "PATCH", "DELETE", "OPTIONS", "post"].map(isStateChanging)).toEqual([true, true, true, true, true, true]);
  });
});

describe("checkSameOrigin", () => {
  it("lets a GET from anywhere through (links, bookmarks, another site's page)", () => {
    expect(verdict("GET", { ...PORTAL, origin: "http://evil.example" })).toEqual({ ok: true });
    expect(verdict("HEAD", { ...PORTAL, referer: "http://127.0.0.1:4000/page" })).toEqual({ ok: true });
  });

  it("lets a POST from the portal's own page through, by Origin or by Referer", () => {
    expect(verdict("POST", { ...PORTAL, origin: "http://127.0.0.1:3000" })).toEqual({ ok: true });
    expect(verdict("DELETE", { ...PORTAL, referer: "http://127.0.0.1:3000/projects/p/roster?x=1" })).toEqual({ ok: true });
    // Host names are case-insensitive; a URL's host is lower case.
    expect(verdict("POST", { host: "Portal.Example", origin: "https://portal.example" })).toEqual({ ok: true });
  });

  it.each([
    ["another port of the same host", { origin: "http://127.0.0.1:4000" }],
    ["another host", { origin: "http://evil.example" }],
    ["the same host name without the port", { origin: "http://127.0.0.1" }],
    ["a Referer from another port", { referer: "http://127.0.0.1:4000/attack.html" }],
    [
      "Origin another port, though the Referer matches (Origin decides)",
      { origin: "http://127.0.0.1:4000", referer: "http://127.0.0.1:3000/" },
    ],
  ])("refuses a POST from %s", (_why, from) => {
    expect(verdict("POST", { ...PORTAL, ...from })).toMatchObject({ ok: false, reason: "other-host" });
  });

  it.each([
    ["Origin: null (a sandboxed frame, a file)", { origin: "null" }],
    ["an Origin that is no URL", { origin: "not a url" }],
    ["an Origin with another scheme", { origin: "chrome-extension://127.0.0.1:3000" }],
  ])("refuses %s", (_why, from) => {
    expect(verdict("PUT", { ...PORTAL, ...from })).toMatchObject({ ok: false, reason: "unreadable-origin" });
  });

  it("refuses a POST with neither Origin nor Referer (every browser sends Origin with a POST)", () => {
    expect(verdict("POST", PORTAL)).toMatchObject({ ok: false, reason: "no-origin" });
  });

  it("judges the host as Next does: the first x-forwarded-host wins over Host", () => {
    // Behind a proxy: the browser's origin is the proxy's host.
    expect(
      verdict("POST", { host: "10.0.0.5:3000", "x-forwarded-host": "portal.example, 10.0.0.5", origin: "https://portal.example" }),
    ).toEqual({ ok: true });
    // An Origin equal to Host does not help when the request says it came to another host.
    expect(
      verdict("POST", { host: "127.0.0.1:3000", "x-forwarded-host": "portal.example", origin: "http://127.0.0.1:3000" }),
    ).toMatchObject({
      ok: false,
      reason: "other-host",
    });
    // Without x-forwarded-host, Host.
    expect(verdict("POST", { host: "127.0.0.1:3000", origin: "http://127.0.0.1:3000" })).toEqual({ ok: true });
  });

  it("refuses when the request names no host at all", () => {
    expect(verdict("POST", { origin: "http://127.0.0.1:3000" })).toMatchObject({ ok: false, reason: "no-host" });
  });
});
