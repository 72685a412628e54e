// Cross-site request forgery on route handlers, as it was found: a page on another port of the same
// host posted a multipart roster to /api/projects/<id>/roster/import with the secretary's cookie and
// rewrote households. Here the real route runs with the secretary's session (getActor replaced:
// next-auth's cookie is what a test has not got) and the headers the browser would send. Then every
// state-changing handler under app/api is asked once with a foreign Origin.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { importRoster } from "@/lib/server/roster/import-roster";
import { seedProject, type SeededProject } from "../../prisma/seed/factories.ts";
import { rosterRecords, rosterRows, xlsxBytes } from "../support/roster-files.ts";

const session = vi.hoisted(() => ({ actor: null as import("@/lib/auth/actor").Actor | null }));

vi.mock("@/lib/auth/actor", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/actor")>()),
  getActor: async () => session.actor,
}));
vi.mock("@/lib/i18n/server", async () => {
  const { createTranslator } = await import("@/lib/i18n/translate");
  return { getLocale: async () => "en", getTranslator: async () => createTranslator("en") };
});

/** The portal as the browser reached it, and the attacker's page on another port. */
const PORTAL = "http://127.0.0.1:3000";
const ATTACKER = "http://127.0.0.1:4000";
const FORBIDDEN = { message: "You do not have permission to do this." };

let project: SeededProject;
let projectId: string;
let secretary: Actor;
const records = rosterRecords(4, { prefix: "ORG" });

beforeAll(async () => {
  project = await seedProject(db(), { households: 6, signingGroups: 1, activity: { visitsPerHousehold: 0 } });
  projectId = project.project.id;
  secretary = (await loadActor(db(), project.secretaryId))!;
  const created = await importRoster(secretary, { projectId, fileName: "roster.xlsx", bytes: await xlsxBytes(rosterRows(records)) });
  expect(created).toMatchObject({ ok: true, created: 4 });
});

afterEach(() => {
  session.actor = null;
  vi.restoreAllMocks();
});

/** The roster with every head of household renamed: what the forged form carried. */
async function rewrittenRoster(mark: string) {
  const rows = rosterRows(records.map((r) => ({ ...r, headName: `${r.headName}${mark}` })));
  const body = new FormData();
  body.set("file", new File([new Uint8Array(await xlsxBytes(rows))], "roster.xlsx"));
  return body;
}

async function postImport(body: FormData, from: Record<string, string>) {
  const { POST } = await import("@/app/api/projects/[projectId]/roster/import/route");
  // What Next hands a route handler: Host, and x-forwarded-host set from it.
  const request = new Request(`${PORTAL}/api/projects/${projectId}/roster/import`, {
    method: "POST",
    body,
    headers: { host: "127.0.0.1:3000", "x-forwarded-host": "127.0.0.1:3000", ...from },
  });
  return POST(request, { params: Promise.resolve({ projectId }) });
}

const savedHouseholds = () =>
  db().household.findMany({
    where: { projectId, code: { startsWith: "ORG-" } },
    orderBy: { code: "asc" },
    select: { code: true, headName: true, version: true },
  });
const auditCount = () => db().auditEvent.count({ where: { projectId } });

describe("POST /api/projects/<id>/roster/import", () => {
  it("refuses a multipart post from another port with the secretary's cookie: 403 JSON, nothing written", async () => {
    session.actor = secretary;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const [before, auditsBefore] = [await savedHouseholds(), await auditCount()];
    const body = await rewrittenRoster("伪");

    const forged: Record<string, string>[] = [{ origin: ATTACKER }, { referer: `${ATTACKER}/attack.html` }, { origin: "null" }, {}];
    for (const from of forged) {
      const response = await postImport(body, from);
      expect(response.status, JSON.stringify(from)).toBe(403);
      expect(response.headers.get("content-type")).toMatch(/^application\/json/);
      expect(await response.json()).toEqual(FORBIDDEN);
    }
    expect(warn).toHaveBeenCalledTimes(4);
    expect(await savedHouseholds()).toEqual(before);
    expect(await auditCount()).toBe(auditsBefore);
  });

  it("imports the same roster posted from the portal's own page", async () => {
    session.actor = secretary;
    const before = await savedHouseholds();
    const response = await postImport(await rewrittenRoster("新"), { origin: PORTAL, referer: `${PORTAL}/projects/${projectId}/roster` });
    expect(response.status).toBe(200);
    const lines = (await response.text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { type: string });
    expect(lines.at(-1)).toMatchObject({ type: "result", updated: 4 });
    const after = await savedHouseholds();
    expect(after.map((h) => h.headName)).toEqual(records.map((r) => `${r.headName}新`));
    expect(after.map((h) => h.version)).toEqual(before.map((h) => h.version + 1));
  });

  it("still answers a signed-out post from its own page 401, and the origin before the session", async () => {
    session.actor = null;
    expect((await postImport(await rewrittenRoster("x"), { origin: PORTAL })).status).toBe(401);
    vi.spyOn(console, "warn").mockImplementation(() => {});
    expect((await postImport(await rewrittenRoster("x"), { origin: ATTACKER })).status).toBe(403);
  });
});

/** Every route module under app/api, but next-auth's, which has its own CSRF token. */
function routeModules(): string[] {
  const root = join(process.cwd(), "app", "api");
  return readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith("route.ts"))
    .map((file) => relative(process.cwd(), join(root, file)))
    .filter((file) => !file.startsWith(join("app", "api", "auth")))
    .sort();
}

const STATE_CHANGING = ["POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;

describe("every state-changing route handler under app/api", () => {
  const modules = routeModules();

  it("is found (the roster import and the language switch among them)", () => {
    expect(modules).toContain(join("app", "api", "projects", "[projectId]", "roster", "import", "route.ts"));
    expect(modules).toContain(join("app", "api", "locale", "route.ts"));
  });

  it.each(modules)("%s refuses a foreign origin with 403 before doing anything", async (file) => {
    session.actor = secretary;
    vi.spyOn(console, "warn").mockImplementation(() => {});
    const handlers = (await import(/* @vite-ignore */ join(process.cwd(), file))) as Record<string, unknown>;
    const params = Promise.resolve({ projectId, nextauth: [] });
    for (const method of STATE_CHANGING) {
      const handler = handlers[method];
      if (typeof handler !== "function") continue;
      const request = new Request(`${PORTAL}/api/anything`, {
        method,
        body: method === "OPTIONS" ? undefined : new FormData(),
        headers: { host: "127.0.0.1:3000", "x-forwarded-host": "127.0.0.1:3000", origin: ATTACKER },
      });
      const response = (await handler(request, { params })) as Response;
      expect(response.status, `${method} ${file}`).toBe(403);
      expect(await response.json()).toEqual(FORBIDDEN);
    }
  });
});
