// Sessions end on the server. A copy of a session cookie taken before sign-out opens no page and
// gets no fresh cookie from the session endpoint; signing out everywhere ends a user's other
// sessions; a password change still ends older ones; an open live stream closes once its session
// or its display has ended; a resident may not open the project's stream. next-auth's own handler
// (the one app/api/auth/[...nextauth] wraps) runs with our options on real requests; the page
// check is the real getActor, reading the cookie through a stand-in for next/headers.
import { createRequire } from "node:module";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import type { NextAuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";
import { getActor, getSessionClaims, loadActor } from "@/lib/auth/actor";
import { authOptions } from "@/lib/auth/options";
import { sessionClaimsOf, type SessionClaims } from "@/lib/auth/session-policy";
import { db } from "@/lib/db";
import { progressListener } from "@/lib/server/live/listener";
import { createDisplaySession } from "@/lib/server/display/create-display-session";
import { revokeDisplaySession } from "@/lib/server/display/revoke-display-session";
import { authorizeProgressStream } from "@/lib/server/live/authorize-progress-stream";
import { endAllSessions } from "@/lib/server/sessions/end-all-sessions";
import { endSession } from "@/lib/server/sessions/end-session";
import { isSessionOpen } from "@/lib/server/sessions/is-session-open";
import { resetMemberPassword } from "@/lib/server/accounts/reset-member-password";
import { seedUser } from "../../prisma/seed/factories.ts";
import { createAuthorizationWorld, outcomeOf, type AuthorizationWorld } from "../support/authorization-world.ts";

/** The cookies the stand-in for next/headers hands to getActor and the live route. */
const request = vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET ??= "a test secret of more than thirty-two characters";
  return { cookies: new Map<string, string>() };
});

vi.mock("next/headers", () => ({
  cookies: async () => ({
    getAll: () => [...request.cookies].map(([name, value]) => ({ name, value })),
    get: (name: string) => (request.cookies.has(name) ? { name, value: request.cookies.get(name)! } : undefined),
  }),
  headers: async () => new Headers({ host: "localhost:3000" }),
}));

// next-auth's request handler, as its app-router wrapper calls it (the package does not export
// the path, so it is loaded from the file).
type AuthResponse = {
  status?: number;
  body?: unknown;
  redirect?: string;
  cookies?: { name: string; value: string; options?: { maxAge?: number; expires?: Date } }[];
};
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler: (params: { req: Request; options: NextAuthOptions }) => Promise<AuthResponse>;
};
const options: NextAuthOptions = { ...authOptions, secret: process.env.NEXTAUTH_SECRET };
const SESSION_COOKIE = "next-auth.session-token";

/** One browser: its cookie jar, talking to /api/auth/*. */
class Browser {
  readonly jar = new Map<string, string>();

  async auth(action: string, body?: Record<string, string>): Promise<AuthResponse> {
    const cookie = [...this.jar].map(([name, value]) => `${name}=${value}`).join("; ");
    const response = await AuthHandler({
      req: new Request(`http://localhost:3000/api/auth/${action}`, {
        method: body ? "POST" : "GET",
        headers: { host: "localhost:3000", cookie, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      }),
      options,
    });
    for (const c of response.cookies ?? []) {
      const cleared = c.value === "" || c.options?.maxAge === 0 || (c.options?.expires && c.options.expires.getTime() <= Date.now());
      if (cleared) this.jar.delete(c.name);
      else this.jar.set(c.name, c.value);
    }
    return response;
  }

  async csrf(): Promise<string> {
    return ((await this.auth("csrf")).body as { csrfToken: string }).csrfToken;
  }

  async signIn(phone: string, password: string): Promise<void> {
    await this.auth("callback/staff", { csrfToken: await this.csrf(), phone, password, json: "true" });
    expect(this.jar.has(SESSION_COOKIE)).toBe(true);
  }

  async signOut(): Promise<void> {
    await this.auth("signout", { csrfToken: await this.csrf(), json: "true" });
  }

  /** GET /api/auth/session: the session's JSON, and whether a session cookie came back. */
  async session(): Promise<{ userId?: string; reissued: boolean }> {
    const response = await this.auth("session");
    const reissued = (response.cookies ?? []).some((c) => c.name === SESSION_COOKIE && c.value !== "");
    return { userId: (response.body as { userId?: string }).userId, reissued };
  }

  get sessionCookie(): string {
    return this.jar.get(SESSION_COOKIE)!;
  }
}

/** A browser holding only a copy of another's session cookie. */
function copyOf(cookie: string): Browser {
  const browser = new Browser();
  browser.jar.set(SESSION_COOKIE, cookie);
  return browser;
}

async function claimsOf(cookie: string): Promise<SessionClaims> {
  return sessionClaimsOf(await decode({ token: cookie, secret: process.env.NEXTAUTH_SECRET! }))!;
}

/** getActor for a request carrying this cookie (what every page and action asks first). */
async function actorWithCookie(cookie: string) {
  request.cookies.clear();
  request.cookies.set(SESSION_COOKIE, cookie);
  return getActor();
}

let world: AuthorizationWorld;
let phoneCounter = 0;
async function newStaff() {
  const password = "right password 1";
  const user = await seedUser(db(), { role: "STAFF", phone: `1350000${String(++phoneCounter).padStart(4, "0")}`, password });
  return { userId: user.id, phone: user.phone!, password };
}

beforeAll(async () => {
  world = await createAuthorizationWorld();
});

afterEach(() => {
  request.cookies.clear();
  vi.useRealTimers();
});

afterAll(async () => {
  await progressListener().close();
});

describe("sign-out", () => {
  it("ends the session on the server: a copy of the cookie opens no page and gets no fresh cookie; audited", async () => {
    const staff = await newStaff();
    const browser = new Browser();
    await browser.signIn(staff.phone, staff.password);
    const copied = browser.sessionCookie;
    expect(await browser.session()).toEqual({ userId: staff.userId, reissued: true });
    expect((await actorWithCookie(copied))?.userId).toBe(staff.userId);

    await browser.signOut();
    expect(browser.jar.has(SESSION_COOKIE)).toBe(false);

    const thief = copyOf(copied);
    expect(await thief.session()).toEqual({ userId: undefined, reissued: false });
    // The endpoint also told the copy's browser to drop the cookie.
    expect(thief.jar.has(SESSION_COOKIE)).toBe(false);
    expect(await actorWithCookie(copied)).toBeNull();

    const { sessionId } = await claimsOf(copied);
    const events = await db().auditEvent.findMany({ where: { action: "sign-out:user", entityId: staff.userId } });
    expect(events.map((e) => ({ actorId: e.actorId, after: e.after }))).toEqual([{ actorId: staff.userId, after: { sessionId } }]);
  });

  it("signing out an ended session changes nothing and records nothing", async () => {
    const staff = await newStaff();
    const browser = new Browser();
    await browser.signIn(staff.phone, staff.password);
    const claims = await claimsOf(browser.sessionCookie);
    expect(await endSession(claims)).toEqual({ ended: true });
    expect(await endSession(claims)).toEqual({ ended: false });
    expect(await db().auditEvent.count({ where: { action: "sign-out:user", entityId: staff.userId } })).toBe(1);
  });

  it("a token from before server-side sessions (no session id) has ended", async () => {
    const staff = await newStaff();
    const browser = new Browser();
    await browser.signIn(staff.phone, staff.password);
    const { sid: _sid, ...withoutSession } = (await decode({ token: browser.sessionCookie, secret: process.env.NEXTAUTH_SECRET! }))!;
    const { encode } = await import("next-auth/jwt");
    const old = await encode({ token: withoutSession, secret: process.env.NEXTAUTH_SECRET! });
    expect(await actorWithCookie(old)).toBeNull();
    expect(await copyOf(old).session()).toEqual({ userId: undefined, reissued: false });
  });
});

describe("sign out everywhere", () => {
  it("ends every session of the user, the other browser's too; audited with the number ended; a new sign-in works", async () => {
    const staff = await newStaff();
    const phone = new Browser();
    const desk = new Browser();
    await phone.signIn(staff.phone, staff.password);
    await desk.signIn(staff.phone, staff.password);
    const other = await newStaff();
    const bystander = new Browser();
    await bystander.signIn(other.phone, other.password);

    const actor = (await actorWithCookie(desk.sessionCookie))!;
    expect(await endAllSessions(actor, {})).toEqual({ ended: 2 });

    expect(await actorWithCookie(phone.sessionCookie)).toBeNull();
    expect(await actorWithCookie(desk.sessionCookie)).toBeNull();
    expect(await phone.session()).toEqual({ userId: undefined, reissued: false });
    // Someone else's session is not touched.
    expect((await bystander.session()).userId).toBe(other.userId);
    const event = await db().auditEvent.findFirstOrThrow({ where: { action: "sign-out-everywhere:user", entityId: staff.userId } });
    expect({ actorId: event.actorId, after: event.after }).toEqual({ actorId: staff.userId, after: { sessionsEnded: 2 } });

    const again = new Browser();
    await again.signIn(staff.phone, staff.password);
    expect((await actorWithCookie(again.sessionCookie))?.userId).toBe(staff.userId);
  });

  it("a password reset still ends the sessions signed in before it", async () => {
    const member = await seedUser(db(), { role: "STAFF", phone: "13500009999", password: "right password 1" });
    await db().workingGroupMember.create({ data: { groupId: world.projectA.signingGroups[0]!.id, userId: member.id, role: "MEMBER" } });
    const browser = new Browser();
    await browser.signIn(member.phone!, "right password 1");
    const claims = await claimsOf(browser.sessionCookie);
    expect(await isSessionOpen(claims)).toBe(true);
    await resetMemberPassword(world.actors.secretaryA, { userId: member.id, projectId: world.projectA.project.id });
    expect(await isSessionOpen(claims)).toBe(false);
    expect(await actorWithCookie(browser.sessionCookie)).toBeNull();
    expect(await browser.session()).toEqual({ userId: undefined, reissued: false });
  });
});

describe("live streams", () => {
  // The live route, with its recheck interval run by hand (fake setInterval) and the listener's
  // own timers real.
  async function openStream(url: string): Promise<{ status: number; reader: ReadableStreamDefaultReader<Uint8Array> | null }> {
    const { GET } = await import("@/app/api/live/route");
    const response = await GET(new Request(url));
    return { status: response.status, reader: response.status === 200 ? response.body!.getReader() : null };
  }

  async function readUntil(reader: ReadableStreamDefaultReader<Uint8Array>, text: string): Promise<void> {
    const decoder = new TextDecoder();
    let out = "";
    while (!out.includes(text)) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before "${text}"`);
      out += decoder.decode(value, { stream: true });
    }
  }

  /** Reads what is left; resolves true once the server has closed the stream. */
  async function endsAfterRecheck(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<boolean> {
    const ended = (async () => {
      for (;;) if ((await reader.read()).done) return true;
    })();
    // One recheck interval (the heartbeat's), run at once; its query is real.
    await vi.advanceTimersByTimeAsync(15_000);
    return ended;
  }

  it("a project stream closes once its session is signed out", async () => {
    const staff = await newStaff();
    await db().projectMembership.create({ data: { projectId: world.projectA.project.id, userId: staff.userId, role: "SECRETARY" } });
    const browser = new Browser();
    await browser.signIn(staff.phone, staff.password);
    request.cookies.set(SESSION_COOKIE, browser.sessionCookie);
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { status, reader } = await openStream(`http://localhost:3000/api/live?projectId=${world.projectA.project.id}`);
    expect(status).toBe(200);
    await readUntil(reader!, ": connected");
    // Still open at a recheck while the session is.
    await vi.advanceTimersByTimeAsync(15_000);
    expect(await isSessionOpen((await getSessionClaims())!)).toBe(true);

    await browser.signOut();
    expect(await endsAfterRecheck(reader!)).toBe(true);
  });

  it("a display stream closes once the display is switched off", async () => {
    const created = await createDisplaySession(world.actors.secretaryA, { projectId: world.projectA.project.id, label: "wall" });
    const token = created.path.split("/").pop()!;
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const { status, reader } = await openStream(`http://localhost:3000/api/live?display=${token}`);
    expect(status).toBe(200);
    await readUntil(reader!, ": connected");
    await revokeDisplaySession(world.actors.secretaryA, { projectId: world.projectA.project.id, displaySessionId: created.id });
    expect(await endsAfterRecheck(reader!)).toBe(true);
  });

  it("a resident may not open the project's stream", async () => {
    expect(await outcomeOf(() => authorizeProgressStream(world.actors.residentA1, { projectId: world.projectA.project.id }))).toBe(
      "FORBIDDEN",
    );
  });

  it("a copied cookie after sign-out opens no stream", async () => {
    const staff = await newStaff();
    await db().projectMembership.create({ data: { projectId: world.projectA.project.id, userId: staff.userId, role: "SECRETARY" } });
    const browser = new Browser();
    await browser.signIn(staff.phone, staff.password);
    const copied = browser.sessionCookie;
    await browser.signOut();
    request.cookies.set(SESSION_COOKIE, copied);
    expect((await openStream(`http://localhost:3000/api/live?projectId=${world.projectA.project.id}`)).status).toBe(401);
  });

  it("loadActor without a session id (scripts) is unchanged; with a revoked one it is null", async () => {
    const staff = await newStaff();
    const browser = new Browser();
    await browser.signIn(staff.phone, staff.password);
    const claims = await claimsOf(browser.sessionCookie);
    await endSession(claims);
    expect(await loadActor(db(), staff.userId)).not.toBeNull();
    expect(await loadActor(db(), staff.userId, claims.passwordVersion, claims.sessionId)).toBeNull();
  });
});
