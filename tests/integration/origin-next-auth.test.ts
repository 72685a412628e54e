// next-auth's own routes (/api/auth/*) are left out of the route handlers' origin check: they carry
// next-auth's double-submit CSRF token (a cookie and the same value in the form). This proves that
// guard holds with our options: a sign-in or sign-out posted from another site, which cannot read
// the victim's token, is refused; with the token, sign-in works. next-auth's handler runs as its
// app-router wrapper calls it (the package does not export the path, so it is loaded from the file).
import { createRequire } from "node:module";
import path from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { NextAuthOptions } from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { db } from "@/lib/db";
import { seedUser } from "../../prisma/seed/factories.ts";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "a test secret of more than thirty-two characters";
});
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => [], get: () => undefined }),
  headers: async () => new Headers({ host: "localhost:3000" }),
}));

type AuthResponse = { status?: number; body?: unknown; redirect?: string; cookies?: { name: string; value: string }[] };
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler: (params: { req: Request; options: NextAuthOptions }) => Promise<AuthResponse>;
};
const options: NextAuthOptions = { ...authOptions, secret: process.env.NEXTAUTH_SECRET };
const SESSION_COOKIE = "next-auth.session-token";
const PASSWORD = "a right password 7";
let phone: string;

beforeAll(async () => {
  phone = (await seedUser(db(), { role: "STAFF", phone: "13500007024", password: PASSWORD })).phone!;
});

/** A POST to /api/auth/<action> with these cookies, from whatever page the attacker likes. */
async function post(action: string, body: Record<string, string>, cookie = "", origin = "http://localhost:4000") {
  return AuthHandler({
    req: new Request(`http://localhost:3000/api/auth/${action}`, {
      method: "POST",
      headers: { host: "localhost:3000", origin, cookie, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    options,
  });
}

/** The victim's (or anyone's) CSRF cookie and token, as GET /api/auth/csrf hands them out. */
async function csrf(): Promise<{ cookie: string; token: string }> {
  const response = await AuthHandler({
    req: new Request("http://localhost:3000/api/auth/csrf", { headers: { host: "localhost:3000" } }),
    options,
  });
  const cookie = response.cookies!.find((c) => c.name.endsWith("next-auth.csrf-token"))!;
  return { cookie: `${cookie.name}=${cookie.value}`, token: (response.body as { csrfToken: string }).csrfToken };
}

const sessionIssued = (response: AuthResponse) => (response.cookies ?? []).some((c) => c.name === SESSION_COOKIE && c.value !== "");

describe("next-auth's routes keep their CSRF token", () => {
  it("refuses a forged sign-in without the token, or with the attacker's own token", async () => {
    const withoutToken = await post("callback/staff", { phone, password: PASSWORD, json: "true" });
    expect(withoutToken.redirect).toMatch(/csrf=true/);
    expect(sessionIssued(withoutToken)).toBe(false);

    const attacker = await csrf();
    // The attacker's token, but the victim's browser holds no matching cookie (or another one).
    const victim = await csrf();
    const mismatched = await post("callback/staff", { csrfToken: attacker.token, phone, password: PASSWORD, json: "true" }, victim.cookie);
    expect(mismatched.redirect).toMatch(/csrf=true/);
    expect(sessionIssued(mismatched)).toBe(false);
  });

  it("signs in with the token its own page read", async () => {
    const { cookie, token } = await csrf();
    const response = await post(
      "callback/staff",
      { csrfToken: token, phone, password: PASSWORD, json: "true" },
      cookie,
      "http://localhost:3000",
    );
    expect(sessionIssued(response)).toBe(true);
  });

  it("signs out only with the token: a forged post leaves the session cookie alone", async () => {
    const { cookie, token } = await csrf();
    const clears = (response: AuthResponse) => (response.cookies ?? []).some((c) => c.name === SESSION_COOKIE && c.value === "");
    const session = `${cookie}; ${SESSION_COOKIE}=whatever`;
    expect(clears(await post("signout", { json: "true" }, session))).toBe(false);
    expect(clears(await post("signout", { csrfToken: token, json: "true" }, session, "http://localhost:3000"))).toBe(true);
  });
});
