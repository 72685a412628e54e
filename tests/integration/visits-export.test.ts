// The visit register (走访台账) and its export: the workbook is read back with exceljs and holds
// exactly the visits the register counts for the same filters (date range, group, channel,
// attitude, author), latest first, in the reader's scope — more rows than one chunk of the stream.
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadActor, type Actor } from "@/lib/auth/actor";
import { db } from "@/lib/db";
import { calendarDayOf, wallClockOf } from "@/lib/domain/calendar-day";
import { exportVisits } from "@/lib/server/visits/export-visits";
import { listVisits } from "@/lib/server/visits/list-visits";
import { seedProject, type SeededProject } from "../../prisma/seed/factories.ts";

const ZONE = "Asia/Shanghai";
let project: SeededProject;
let secretary: Actor;
let leader: Actor;

async function rowsOf(stream: ReadableStream<Uint8Array>): Promise<string[][]> {
  const buffer = Buffer.from(await new Response(stream).arrayBuffer());
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const rows: string[][] = [];
  workbook.worksheets[0]!.eachRow((row) =>
    rows.push(
      (row.values as unknown[])
        .slice(1)
        // A time is a date-time cell holding the zone's wall clock: read back as that text.
        .map((v) => (v === undefined || v === null ? "" : v instanceof Date ? v.toISOString().slice(0, 16).replace("T", " ") : String(v))),
    ),
  );
  return rows;
}

beforeAll(async () => {
  project = await seedProject(db(), { households: 400, signingGroups: 2, activity: { visitsPerHousehold: 3, openTaskShare: 0 } });
  secretary = (await loadActor(db(), project.secretaryId))!;
  leader = (await loadActor(db(), project.signingGroups[0]!.leaderId))!;
});

describe("the visit register and its export", () => {
  it("exports every visit of the project, latest first, with the register's columns", async () => {
    const all = await db().visitLog.findMany({
      where: { projectId: project.project.id },
      include: { household: true, author: true },
      orderBy: [{ visitedAt: "desc" }, { id: "desc" }],
    });
    // More than one chunk (1,000 rows) of the stream.
    expect(all.length).toBeGreaterThan(1000);
    const file = await exportVisits(secretary, { projectId: project.project.id });
    expect(file.count).toBe(all.length);
    expect(file.filename).toContain(project.project.code);
    const rows = await rowsOf(file.stream);
    expect(rows[0]).toEqual(["走访时间", "房屋", "户主", "签约小组", "方式", "态度", "记录人", "同去", "对应任务", "走访情况", "下一步"]);
    expect(rows).toHaveLength(all.length + 1);
    expect(rows.slice(1).map((r) => r[1])).toEqual(all.map((v) => v.household.code));
    const first = all[0]!;
    expect(rows[1]!.slice(0, 3)).toEqual([
      wallClockOf(first.visitedAt, ZONE).replace("T", " "),
      first.household.code,
      first.household.headName,
    ]);
    expect(rows[1]![9]).toBe(first.summary);
  });

  it("applies the filters, and the file holds exactly what the register counts", async () => {
    const sample = await db().visitLog.findFirstOrThrow({
      where: { projectId: project.project.id, authorId: { not: null }, attitude: { not: null } },
      orderBy: { visitedAt: "desc" },
    });
    const day = calendarDayOf(sample.visitedAt, ZONE);
    const filters = [
      { from: day, to: day },
      { groupId: project.signingGroups[1]!.id },
      { channel: sample.channel, attitude: sample.attitude! },
      { authorId: sample.authorId! },
      { attitude: "NONE" },
    ];
    for (const filter of filters) {
      const input = { projectId: project.project.id, ...filter };
      const listed = await listVisits(secretary, input);
      const file = await exportVisits(secretary, input);
      const rows = (await rowsOf(file.stream)).slice(1);
      expect(file.count).toBe(listed.total);
      expect(rows).toHaveLength(listed.total);
      expect(rows.slice(0, listed.rows.length).map((r) => r[1])).toEqual(listed.rows.map((r) => r.household.code));
    }
    const onDay = await listVisits(secretary, { projectId: project.project.id, from: day, to: day });
    expect(onDay.total).toBeGreaterThan(0);
    for (const row of onDay.rows) expect(calendarDayOf(row.visitedAt, ZONE)).toBe(day);
    const byGroup = await listVisits(secretary, { projectId: project.project.id, groupId: project.signingGroups[1]!.id });
    expect(byGroup.rows.every((r) => r.household.groupName === project.signingGroups[1]!.name)).toBe(true);
  });

  it("gives a leader only the visits of their group's households", async () => {
    const expected = await db().visitLog.count({
      where: { projectId: project.project.id, household: { signingGroupId: project.signingGroups[0]!.id } },
    });
    const file = await exportVisits(leader, { projectId: project.project.id });
    expect(file.count).toBe(expected);
    expect(await rowsOf(file.stream)).toHaveLength(expected + 1);
    expect((await listVisits(leader, { projectId: project.project.id })).total).toBe(expected);
  });

  it("refuses a malformed filter with the field", async () => {
    await expect(listVisits(secretary, { projectId: project.project.id, from: "2025-13-40" })).rejects.toMatchObject({
      code: "VALIDATION",
      fieldErrors: { from: ["validation.date"] },
    });
  });
});
