// Roster use cases × every role (tests/support/authorization-world.ts): only a project's
// secretaries import its roster or download its template.
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { getRosterImportContext } from "@/lib/server/roster/get-roster-import-context";
import { getRosterTemplate } from "@/lib/server/roster/get-roster-template";
import { importRoster } from "@/lib/server/roster/import-roster";
import { rosterRecords, rosterRows, xlsxBytes } from "../../support/roster-files.ts";
import {
  createAuthorizationWorld,
  outcomeOf,
  type AuthorizationWorld,
  type Outcome,
  type RoleName,
} from "../../support/authorization-world.ts";

let world: AuthorizationWorld;
let file: Uint8Array;

beforeAll(async () => {
  world = await createAuthorizationWorld();
  file = await xlsxBytes(rosterRows(rosterRecords(3, { prefix: "AUTH" })));
});

async function importOk(actor: Actor, projectId: string): Promise<void> {
  const result = await importRoster(actor, { projectId, fileName: "roster.xlsx", bytes: file });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
}

const useCases: Record<string, (actor: Actor) => Promise<unknown>> = {
  "import page, project A": (actor) => getRosterImportContext(actor, { projectId: world.projectA.project.id }),
  "template, project A": (actor) => getRosterTemplate(actor, { projectId: world.projectA.project.id }),
  "import roster, project A": (actor) => importOk(actor, world.projectA.project.id),
  "import roster, project B": (actor) => importOk(actor, world.projectB.project.id),
};

const SECRETARY_A_ONLY: Record<RoleName, Outcome> = {
  districtOfficial: "FORBIDDEN",
  secretaryA: "ok",
  secretaryB: "NOT_FOUND",
  leaderA1: "FORBIDDEN",
  memberA1: "FORBIDDEN",
  staffWithoutRole: "FORBIDDEN",
  residentA1: "FORBIDDEN",
};

const matrix: Record<string, Record<RoleName, Outcome>> = {
  "import page, project A": SECRETARY_A_ONLY,
  "template, project A": SECRETARY_A_ONLY,
  "import roster, project A": SECRETARY_A_ONLY,
  "import roster, project B": { ...SECRETARY_A_ONLY, secretaryA: "NOT_FOUND", secretaryB: "ok" },
};

describe("authorisation matrix: roster", () => {
  for (const [useCase, row] of Object.entries(matrix)) {
    for (const [role, expected] of Object.entries(row)) {
      it(`${useCase} as ${role}: ${expected}`, async () => {
        expect(await outcomeOf(() => useCases[useCase]!(world.actors[role as RoleName]))).toBe(expected);
      });
    }
  }

  it("a refused import writes nothing", async () => {
    // Only the two allowed imports above created AUTH- households, once per project.
    const counts = await db().household.groupBy({ by: ["projectId"], where: { code: { startsWith: "AUTH-" } }, _count: true });
    expect(Object.fromEntries(counts.map((c) => [c.projectId, c._count]))).toEqual({
      [world.projectA.project.id]: 3,
      [world.projectB.project.id]: 3,
    });
  });

  it("a malformed project id is refused before any lookup (pages and routes show not found)", async () => {
    expect(await outcomeOf(() => getRosterImportContext(world.actors.secretaryA, { projectId: "not-a-uuid" })).catch((e) => e.code)).toBe(
      "VALIDATION",
    );
  });
});
