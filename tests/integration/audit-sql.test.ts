// The set-based audit insert (recordAuditsSql, used for bulk task creation) writes exactly the rows
// recordAudits (Prisma createMany) writes: every column, nulls and JSON alike, ids in input order.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudits, recordAuditsSql, type AuditInput } from "@/lib/server/audit";
import { seedProject, seedUser } from "../../prisma/seed/factories.ts";

describe("recordAuditsSql", () => {
  it("writes the same rows as recordAudits, in the inputs' order, at the time of the call", async () => {
    const user = await seedUser(db());
    const { project } = await seedProject(db(), { households: 1 });
    const householdId = randomUUID();
    const taskId = randomUUID();
    const inputs = (entity: string): AuditInput[] => [
      {
        actorId: user.id,
        action: "create:task",
        entity,
        entityId: taskId,
        projectId: project.id,
        after: { householdId, note: '户主外出，改约周五 "下午"', dueDate: "2026-12-08", nothing: null },
      },
      { actorId: null, action: "import:roster", entity, entityId: "row-2", before: { n: 1, list: [1, "二"] } },
      { actorId: user.id, action: "reassign:task", entity, entityId: "row-3", projectId: null, before: { a: 1 }, after: { a: 2 } },
    ];
    const viaPrisma = `audit-prisma-${randomUUID()}`;
    const viaSql = `audit-sql-${randomUUID()}`;
    const t0 = new Date();
    await db().$transaction(async (tx) => {
      await recordAudits(tx, inputs(viaPrisma));
      await recordAuditsSql(tx, inputs(viaSql));
    });
    const t1 = new Date();
    const read = (entity: string) =>
      db().auditEvent.findMany({
        where: { entity },
        orderBy: { id: "asc" },
        select: {
          actorId: true,
          action: true,
          entityId: true,
          projectId: true,
          before: true,
          after: true,
          ip: true,
          userAgent: true,
          createdAt: true,
        },
      });
    const prismaRows = await read(viaPrisma);
    const sqlRows = await read(viaSql);
    const withoutTimes = <T extends { createdAt: Date }>(rows: T[]) => rows.map(({ createdAt: _, ...row }) => row);
    expect(sqlRows).toHaveLength(3);
    expect(withoutTimes(sqlRows)).toEqual(withoutTimes(prismaRows));
    expect(sqlRows.map((r) => r.action)).toEqual(["create:task", "import:roster", "reassign:task"]);
    expect(sqlRows[1]!.after).toBeNull();
    for (const row of sqlRows) {
      expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(t0.getTime() - 1);
      expect(row.createdAt.getTime()).toBeLessThanOrEqual(t1.getTime() + 1);
    }
  });
});
