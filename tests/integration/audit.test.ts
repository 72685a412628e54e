// recordAudits writes one row per event in one set-based statement: every column as given, absent
// before/after as NULL while JSON nulls inside stay, ids in the inputs' order, at the time of the call.
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudits, type AuditInput } from "@/lib/server/audit";
import { seedProject, seedUser } from "../../prisma/seed/factories.ts";

describe("recordAudits", () => {
  it("writes every event as given, in the inputs' order, at the time of the call", async () => {
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
    const entity = `audit-${randomUUID()}`;
    const t0 = new Date();
    await db().$transaction(async (tx) => recordAudits(tx, inputs(entity)));
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
    const rows = await read(entity);
    expect(rows.map(({ createdAt: _, ...row }) => row)).toEqual(
      inputs(entity).map((input) => ({
        actorId: input.actorId,
        action: input.action,
        entityId: input.entityId,
        projectId: input.projectId ?? null,
        before: input.before ?? null,
        after: input.after ?? null,
        // Outside a request there is no address or browser to record.
        ip: null,
        userAgent: null,
      })),
    );
    for (const row of rows) {
      expect(row.createdAt.getTime()).toBeGreaterThanOrEqual(t0.getTime() - 1);
      expect(row.createdAt.getTime()).toBeLessThanOrEqual(t1.getTime() + 1);
    }
  });
});
