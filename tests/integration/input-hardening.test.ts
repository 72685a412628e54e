// Bad input is answered as bad input, in the reader's language, never as a 500 — and nothing is
// written: a NUL byte in the household search (Postgres refuses NUL in text, which used to
// surface as a 500 on the list page and the export), a server action called without its form
// data or with something else instead, and names and addresses carrying text-direction
// overrides or zero-width characters, through the edit form and through the roster import.
// The actions run as the real exported server actions; the session and the reader's language are
// replaced as in route-errors.test.ts (they read next-auth's cookie and the locale cookie).
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createTranslator } from "@/lib/i18n/translate";
import { INITIAL_ACTION_STATE, type ActionState } from "@/lib/server/action";
import { addGroupMember } from "@/lib/server/groups/add-group-member";
import { createWorkingGroup } from "@/lib/server/groups/create-working-group";
import { exportHouseholds } from "@/lib/server/households/export-households";
import { listHouseholds } from "@/lib/server/households/list-households";
import { ZProjectFields } from "@/lib/server/projects/project-input";
import { importRoster } from "@/lib/server/roster/import-roster";
import { createAuthorizationWorld, type AuthorizationWorld } from "../support/authorization-world.ts";
import { csvText, rosterRecords, rosterRows, utf8Bytes } from "../support/roster-files.ts";

const session = vi.hoisted(() => ({ actor: null as import("@/lib/auth/actor").Actor | null, headers: false }));

vi.mock("@/lib/auth/actor", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/actor")>()),
  getActor: async () => session.actor,
}));
vi.mock("@/lib/i18n/server", async () => {
  const { createTranslator: translator } = await import("@/lib/i18n/translate");
  return { getLocale: async () => "en", getTranslator: async () => translator("en") };
});
// The display-session action reads the request's host before anything else; elsewhere there is
// no request, as in every other integration test.
vi.mock("next/headers", async (importOriginal) => {
  const original = await importOriginal<typeof import("next/headers")>();
  return { ...original, headers: async () => (session.headers ? new Headers({ host: "portal.test" }) : original.headers()) };
});

const en = createTranslator("en");
let world: AuthorizationWorld;

beforeAll(async () => {
  world = await createAuthorizationWorld();
});

afterEach(() => {
  session.actor = null;
  session.headers = false;
});

/** Every server action of the portal: each app/**\/*actions.ts module's exported functions. */
const actionModules = import.meta.glob<Record<string, unknown>>("/app/**/*actions.ts");

async function allActions(): Promise<[string, (state: ActionState, formData: unknown) => Promise<ActionState>][]> {
  const found: [string, (state: ActionState, formData: unknown) => Promise<ActionState>][] = [];
  for (const [path, load] of Object.entries(actionModules)) {
    for (const [name, value] of Object.entries(await load())) {
      if (typeof value === "function")
        found.push([`${path} ${name}`, value as (state: ActionState, formData: unknown) => Promise<ActionState>]);
    }
  }
  return found;
}

/** The edit form of a household as rendered now, as FormData. */
async function editForm(householdId: string, projectId: string, changes: Record<string, string>): Promise<FormData> {
  const h = await db().household.findUniqueOrThrow({ where: { id: householdId } });
  const form = new FormData();
  const fields: Record<string, string> = {
    projectId,
    householdId,
    version: String(h.version),
    lane: h.lane ?? "",
    building: h.building,
    number: h.number ?? "",
    room: h.room ?? "",
    address: h.address,
    headName: h.headName,
    registeredPopulation: String(h.registeredPopulation),
    residentCount: String(h.residentCount),
    floorArea: h.floorArea.toFixed(2),
    tenure: h.tenure,
    ownerLocation: h.ownerLocation,
    ...changes,
  };
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return form;
}

describe("a NUL byte in the household search", () => {
  it("is bad input (VALIDATION on the search field), not a database error, in the list and the export", async () => {
    const projectId = world.projectA.project.id;
    const secretary = world.actors.secretaryA;
    await expect(listHouseholds(secretary, { projectId, q: "福佑\u0000路" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { q: ["validation.controlCharacter"] },
    });
    await expect(exportHouseholds(secretary, { projectId, q: "\u0000" })).rejects.toMatchObject({ code: "VALIDATION" });
    // The same search without it still works.
    await expect(listHouseholds(secretary, { projectId, q: "福佑路" })).resolves.toMatchObject({ project: { id: projectId } });
  });

  it("through the export route: a translated refusal (404, as any malformed read by URL), never a 500", async () => {
    session.actor = world.actors.secretaryA;
    const { GET } = await import("@/app/api/projects/[projectId]/households/export/route");
    const projectId = world.projectA.project.id;
    const error = vi.spyOn(console, "error");
    const response = await GET(new Request(`http://portal.test/api/projects/${projectId}/households/export?q=%00`), {
      params: Promise.resolve({ projectId }),
    });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe(en("errors.NOT_FOUND"));
    expect(error).not.toHaveBeenCalled();
    error.mockRestore();
  });
});

describe("a server action called without its form data", () => {
  it("every action answers the validation message, for no argument and for something that is not a form", async () => {
    session.actor = world.actors.secretaryA;
    session.headers = true;
    const actions = await allActions();
    expect(actions.length).toBeGreaterThanOrEqual(30);
    for (const [name, action] of actions) {
      for (const argument of [undefined, { projectId: world.projectA.project.id }, "projectId=1"]) {
        const state = await action(INITIAL_ACTION_STATE, argument);
        expect(state, `${name} (${JSON.stringify(argument)})`).toMatchObject({ ok: false, message: en("validation.formData") });
      }
    }
  });

  it("a NUL byte in a form field is a field error in the reader's language, and nothing is written", async () => {
    session.actor = world.actors.secretaryA;
    const { updateHouseholdAction } = await import("@/app/(staff)/projects/[projectId]/households/[householdId]/actions");
    const household = world.householdA1;
    const before = await db().household.findUniqueOrThrow({ where: { id: household.id } });
    const state = await updateHouseholdAction(
      INITIAL_ACTION_STATE,
      await editForm(household.id, world.projectA.project.id, { room: "前客堂\u0000" }),
    );
    expect(state).toMatchObject({ ok: false, fieldErrors: { room: [en("validation.controlCharacter")] } });
    expect(await db().household.findUniqueOrThrow({ where: { id: household.id } })).toEqual(before);
  });
});

describe("text-direction overrides and zero-width characters in names and addresses", () => {
  it("the edit form refuses them with the field's message and keeps the household as it was", async () => {
    session.actor = world.actors.secretaryA;
    const { updateHouseholdAction } = await import("@/app/(staff)/projects/[projectId]/households/[householdId]/actions");
    const household = world.householdA1;
    const before = await db().household.findUniqueOrThrow({ where: { id: household.id } });
    const state = await updateHouseholdAction(
      INITIAL_ACTION_STATE,
      await editForm(household.id, world.projectA.project.id, {
        // "王建国" shown, "国建王" stored: the override reverses what follows it.
        headName: "\u202E国建王",
        address: "黄浦区福佑路\u200B200弄3号",
        building: "200弄\u20663号\u2069",
      }),
    );
    expect(state).toMatchObject({
      ok: false,
      fieldErrors: {
        headName: [en("validation.invisibleCharacter")],
        address: [en("validation.invisibleCharacter")],
        building: [en("validation.invisibleCharacter")],
      },
    });
    expect(await db().household.findUniqueOrThrow({ where: { id: household.id } })).toEqual(before);
  });

  it("a staff member's, a working group's and a project's name refuse them too", async () => {
    const secretary = world.actors.secretaryA;
    const projectId = world.projectA.project.id;
    await expect(createWorkingGroup(secretary, { projectId, kind: "SIGNING", name: "签约\u202E组一" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { name: ["validation.invisibleCharacter"] },
    });
    await expect(
      addGroupMember(secretary, { groupId: world.projectA.signingGroups[0]!.id, phone: "13900009999", name: "李\u200B四" }),
    ).rejects.toMatchObject({ code: "VALIDATION", fieldErrors: { name: ["validation.invisibleCharacter"] } });
    expect(await db().user.count({ where: { phone: "13900009999" } })).toBe(0);
    const project = ZProjectFields.safeParse({ name: "福佑路\u2066旧改\u2069" });
    expect(project.error?.issues.filter((i) => i.path[0] === "name").map((i) => i.message)).toEqual(["validation.invisibleCharacter"]);
  });

  it("the roster import refuses the file, naming the cells, and imports nothing", async () => {
    const projectId = world.projectB.project.id;
    const [first, second] = rosterRecords(2, { prefix: "BIDI" });
    const rows = rosterRows([
      { ...first!, headName: "\u202E国建王" },
      { ...second!, address: `${second!.address}\uFEFF` + "后", lane: "福佑路\u2067200\u2069弄" },
    ]);
    const result = await importRoster(world.actors.secretaryB, {
      projectId,
      fileName: "roster.csv",
      bytes: utf8Bytes(csvText(rows)),
      language: "en",
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.row, p.column, p.key])).toEqual([
      [2, "户主", "roster.cell.invisibleCharacter"],
      [3, "弄", "roster.cell.invisibleCharacter"],
      [3, "地址", "roster.cell.invisibleCharacter"],
    ]);
    expect(await db().household.count({ where: { projectId, code: { startsWith: "BIDI" } } })).toBe(0);
  });
});
