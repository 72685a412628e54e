// How route handlers answer a failure: runRoute/runOpenRoute turn whatever a handler throws into
// the status and translated text of APP_ERROR_RULES. The helper runs here with actors loaded from
// the database and an English translator; then the real dashboard and overview exports run with
// the session lookup replaced (getActor reads next-auth's cookie, which a test has not got).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { notFound } from "next/navigation";
import type { Actor } from "@/lib/auth/actor";
import { APP_ERROR_CODES, AppError, type AppErrorCode } from "@/lib/errors";
import { createTranslator } from "@/lib/i18n/translate";
import { runOpenRoute, runRoute, type RouteSession } from "@/lib/server/route";
import { createAuthorizationWorld, type AuthorizationWorld } from "../support/authorization-world.ts";

const session = vi.hoisted(() => ({ actor: null as import("@/lib/auth/actor").Actor | null }));

vi.mock("@/lib/auth/actor", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/actor")>()),
  getActor: async () => session.actor,
}));
vi.mock("@/lib/i18n/server", async () => {
  const { createTranslator: translator } = await import("@/lib/i18n/translate");
  return { getLocale: async () => "en", getTranslator: async () => translator("en") };
});

const t = createTranslator("en");
let world: AuthorizationWorld;

beforeAll(async () => {
  world = await createAuthorizationWorld();
});

afterEach(() => {
  session.actor = null;
  vi.restoreAllMocks();
});

function sessionOf(actor: Actor | null): RouteSession {
  return { getTranslator: async () => t, getActor: async () => actor };
}

async function answerOf(response: Response) {
  return { status: response.status, type: response.headers.get("content-type"), body: await response.text() };
}

const text = "text/plain; charset=utf-8";

/** The request the helper runs for: a GET, which the origin check leaves alone. */
const request = new Request("http://portal.test/api/test");

describe("runRoute", () => {
  const expected: Record<AppErrorCode, { read: [number, string]; write: [number, string] }> = {
    UNAUTHENTICATED: { read: [401, "Please sign in first."], write: [401, "Please sign in first."] },
    FORBIDDEN: { read: [403, "You do not have permission to do this."], write: [403, "You do not have permission to do this."] },
    NOT_FOUND: { read: [404, "Not found, or you may not see it."], write: [404, "Not found, or you may not see it."] },
    CONFLICT: {
      read: [409, "Someone else changed this record. Please reload and try again."],
      write: [409, "Someone else changed this record. Please reload and try again."],
    },
    // A malformed id in a URL names nothing; in a write, the input is wrong.
    VALIDATION: { read: [404, "Not found, or you may not see it."], write: [400, "Please check what you entered."] },
    RATE_LIMITED: { read: [429, "Too many requests. Please try again later."], write: [429, "Too many requests. Please try again later."] },
    UNAVAILABLE: {
      read: [503, "The portal is temporarily unavailable, and this was not done. Please try again shortly."],
      write: [503, "The portal is temporarily unavailable, and this was not done. Please try again shortly."],
    },
  };

  for (const code of APP_ERROR_CODES) {
    for (const kind of ["read", "write"] as const) {
      it(`answers ${code} in a ${kind} with ${expected[code][kind][0]} and its translated text`, async () => {
        const response = await runRoute(
          { request, kind, label: "test" },
          async () => {
            throw new AppError(code, { detail: "internal detail" });
          },
          sessionOf(world.actors.secretaryA),
        );
        const [status, body] = expected[code][kind];
        expect(await answerOf(response)).toEqual({ status, type: text, body });
        expect(response.headers.get("cache-control")).toBe("no-store");
        // Only a refusal that passes says when to ask again.
        expect(response.headers.get("retry-after")).toBe(code === "UNAVAILABLE" ? "5" : null);
      });
    }
  }

  it("refuses someone who still holds a one-time password, before the handler runs", async () => {
    let ran = false;
    const handler = async () => {
      ran = true;
      return new Response("the export");
    };
    const holder = { ...world.actors.secretaryA, mustChangePassword: true };
    const signedIn = await runRoute({ request, kind: "read", label: "test" }, handler, sessionOf(holder));
    expect(await answerOf(signedIn)).toEqual({ status: 403, type: text, body: "You do not have permission to do this." });
    const open = await runOpenRoute(
      { request, kind: "read", label: "test" },
      async ({ requireActor }) => (await requireActor(), handler()),
      sessionOf(holder),
    );
    expect(open.status).toBe(403);
    expect(ran).toBe(false);
  });

  it("answers anything else 500 with the generic text, and logs it", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = new Error("connection to 10.0.0.7 refused");
    const response = await runRoute(
      { request, kind: "read", label: "test" },
      async () => Promise.reject(failure),
      sessionOf(world.actors.secretaryA),
    );
    expect(await answerOf(response)).toEqual({
      status: 500,
      type: text,
      body: "Something went wrong and nothing was saved. Please try again later.",
    });
    expect(log).toHaveBeenCalledWith("[test] unexpected error", failure);
  });

  it("answers JSON { message } when asked to", async () => {
    const response = await runRoute(
      { request, kind: "read", label: "test", errorBody: "json" },
      async () => {
        throw new AppError("FORBIDDEN");
      },
      sessionOf(world.actors.residentA1),
    );
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ message: "You do not have permission to do this." });
  });

  it("runs the handler with the signed-in actor, and answers 401 without one", async () => {
    const seen: string[] = [];
    const ok = await runRoute(
      { request, kind: "read", label: "test" },
      async ({ actor }) => {
        seen.push(actor.userId);
        return new Response("fine");
      },
      sessionOf(world.actors.secretaryA),
    );
    expect(ok.status).toBe(200);
    expect(await ok.text()).toBe("fine");
    expect(seen).toEqual([world.actors.secretaryA.userId]);

    const refused = await runRoute({ request, kind: "read", label: "test" }, async () => new Response("never"), sessionOf(null));
    expect(await answerOf(refused)).toEqual({ status: 401, type: text, body: "Please sign in first." });
  });

  it("lets an open route run without an actor until it asks for one", async () => {
    const open = await runOpenRoute({ request, kind: "write", label: "test" }, async () => new Response("anyone"), sessionOf(null));
    expect(await open.text()).toBe("anyone");
    const asked = await runOpenRoute(
      { request, kind: "write", label: "test" },
      async ({ requireActor }) => {
        await requireActor();
        return new Response("never");
      },
      sessionOf(null),
    );
    expect(asked.status).toBe(401);
  });

  it("passes Next's own signals (not-found, redirects) through", async () => {
    await expect(
      runRoute({ request, kind: "read", label: "test" }, async () => notFound(), sessionOf(world.actors.secretaryA)),
    ).rejects.toThrow();
  });
});

describe("the exports, through their GET", () => {
  const dashboardExport = async (projectId: string) => {
    const { GET } = await import("@/app/api/projects/[projectId]/dashboard/export/route");
    return GET(new Request(`http://portal.test/api/projects/${projectId}/dashboard/export`), { params: Promise.resolve({ projectId }) });
  };

  it("gives a reader of the project the dashboard's workbook", async () => {
    session.actor = world.actors.secretaryA;
    const response = await dashboardExport(world.projectA.project.id);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="dashboard\.xlsx"; filename\*=UTF-8''/);
    expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
  });

  it("answers another project, an unknown and a malformed id 404, a role without the permission 403, no session 401", async () => {
    session.actor = world.actors.secretaryB;
    expect(await answerOf(await dashboardExport(world.projectA.project.id))).toEqual({
      status: 404,
      type: text,
      body: "Not found, or you may not see it.",
    });
    session.actor = world.actors.secretaryA;
    expect((await dashboardExport("00000000-0000-7000-8000-000000000000")).status).toBe(404);
    expect(await answerOf(await dashboardExport("not-an-id"))).toEqual({
      status: 404,
      type: text,
      body: "Not found, or you may not see it.",
    });
    session.actor = world.actors.residentA1;
    expect(await answerOf(await dashboardExport(world.projectA.project.id))).toEqual({
      status: 403,
      type: text,
      body: "You do not have permission to do this.",
    });
    session.actor = null;
    expect(await answerOf(await dashboardExport(world.projectA.project.id))).toEqual({
      status: 401,
      type: text,
      body: "Please sign in first.",
    });
  });

  it("answers the district overview's export 403 to a secretary", async () => {
    const { GET } = await import("@/app/api/overview/export/route");
    session.actor = world.actors.secretaryA;
    expect(await answerOf(await GET(new Request("http://portal.test/api/overview/export")))).toEqual({
      status: 403,
      type: text,
      body: "You do not have permission to do this.",
    });
  });
});
