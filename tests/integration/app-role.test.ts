// The portal connects as a role that owns nothing (prisma/app-role.ts, docs/decisions/027): what
// an attacker who took over the portal's connection could do to the audit trail and the schema,
// tried for real on this file's database as that role, and that the portal's own writes still work.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordSigning } from "@/lib/server/signing/record-signing";
import { APP_ROLE, APPEND_ONLY_TABLES, grantAppRole, roleOf } from "@/prisma/app-role";
import type { SeededProject } from "@/prisma/seed/factories";
import { testDatabaseUrl, testOwnerDatabaseUrl } from "../support/test-db.ts";
import { actorOf, auditOf, householdsOf, seedSigningProject, setHousehold, setProject, shanghaiDate } from "./signing-helpers.ts";

let app: pg.Client;
let owner: pg.Client;
let project: SeededProject;
let auditId: bigint;

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

beforeAll(async () => {
  app = await connect(testDatabaseUrl());
  owner = await connect(testOwnerDatabaseUrl());
  project = await seedSigningProject();
  const event = await db().auditEvent.create({
    data: { action: "create:project", entity: "Project", entityId: project.project.id, projectId: project.project.id },
  });
  auditId = event.id;
});

afterAll(async () => {
  await app?.end();
  await owner?.end();
});

describe("the portal's database role", () => {
  it("is the role the portal and these tests connect with: no superuser, owner of no table", async () => {
    const { rows } = await app.query<{ me: string; superuser: boolean; owned: number }>(
      `SELECT current_user AS me, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
              (SELECT count(*)::int FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner WHERE r.rolname = current_user) AS owned`,
    );
    expect(rows[0]).toEqual({ me: roleOf(testDatabaseUrl()), superuser: false, owned: 0 });
    expect([APP_ROLE, "lianxin_test_app"]).toContain(rows[0]!.me);
    const [viaPrisma] = await db().$queryRaw<{ me: string }[]>`SELECT current_user AS me`;
    expect(viaPrisma!.me).toBe(rows[0]!.me);
  });

  it("cannot disable or drop the audit trail's triggers", async () => {
    await expect(app.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER ALL`)).rejects.toThrow(/must be owner of table AuditEvent/);
    await expect(app.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_refuse_update_delete"`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`DROP TRIGGER "AuditEvent_refuse_update_delete" ON "AuditEvent"`)).rejects.toThrow(/must be owner/);
    // Replica mode skips ordinary triggers: a superuser's setting only.
    await expect(app.query(`SET session_replication_role = replica`)).rejects.toThrow(/permission denied/);
    const { rows } = await owner.query<{ enabled: string }>(
      `SELECT tgenabled AS enabled FROM pg_trigger WHERE tgrelid = '"AuditEvent"'::regclass AND NOT tgisinternal`,
    );
    expect(rows.map((r) => r.enabled)).toEqual(["O", "O"]);
  });

  it("cannot change, delete or truncate audit rows: it may only add and read them", async () => {
    await expect(app.query(`UPDATE "AuditEvent" SET "action" = 'tampered' WHERE "id" = $1`, [auditId])).rejects.toThrow(
      /permission denied for table AuditEvent/,
    );
    await expect(app.query(`DELETE FROM "AuditEvent" WHERE "id" = $1`, [auditId])).rejects.toThrow(
      /permission denied for table AuditEvent/,
    );
    await expect(app.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/permission denied for table AuditEvent/);
    const { rows } = await app.query<{ action: string }>(`SELECT "action" FROM "AuditEvent" WHERE "id" = $1`, [auditId]);
    expect(rows).toEqual([{ action: "create:project" }]);
  });

  it("cannot drop, truncate or alter the portal's tables", async () => {
    await expect(app.query(`DROP TABLE "Household"`)).rejects.toThrow(/must be owner of table Household/);
    await expect(app.query(`TRUNCATE "Household" CASCADE`)).rejects.toThrow(/permission denied for table Household/);
    await expect(app.query(`ALTER TABLE "Household" DROP CONSTRAINT "Household_pkey"`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`DROP TABLE "_prisma_migrations"`)).rejects.toThrow(/must be owner/);
    await expect(app.query(`DELETE FROM "_prisma_migrations"`)).rejects.toThrow(/permission denied/);
    expect((await owner.query(`SELECT count(*)::int AS n FROM "Household"`)).rows[0].n).toBeGreaterThan(0);
  });

  it("cannot create tables, temporary tables, functions, schemas or roles", async () => {
    await expect(app.query(`CREATE TABLE "Shadow" (id int)`)).rejects.toThrow(/permission denied for schema public/);
    await expect(app.query(`CREATE TEMP TABLE shadow (id int)`)).rejects.toThrow(/permission denied to create temporary tables/);
    await expect(app.query(`CREATE FUNCTION shadow() RETURNS int LANGUAGE sql AS 'SELECT 1'`)).rejects.toThrow(
      /permission denied for schema public/,
    );
    await expect(app.query(`CREATE SCHEMA shadow`)).rejects.toThrow(/permission denied for database/);
    await expect(app.query(`CREATE ROLE shadow`)).rejects.toThrow(/permission denied to create role/);
  });

  it("has exactly the portal's privileges on every table: all four on each, only INSERT and SELECT on the audit trail", async () => {
    const role = roleOf(testDatabaseUrl());
    const { rows } = await owner.query<{ table: string; privileges: string }>(
      `SELECT c.relname AS "table",
              concat_ws(',', CASE WHEN has_table_privilege($1, c.oid, 'SELECT') THEN 'SELECT' END,
                             CASE WHEN has_table_privilege($1, c.oid, 'INSERT') THEN 'INSERT' END,
                             CASE WHEN has_table_privilege($1, c.oid, 'UPDATE') THEN 'UPDATE' END,
                             CASE WHEN has_table_privilege($1, c.oid, 'DELETE') THEN 'DELETE' END,
                             CASE WHEN has_table_privilege($1, c.oid, 'TRUNCATE') THEN 'TRUNCATE' END,
                             CASE WHEN has_table_privilege($1, c.oid, 'REFERENCES') THEN 'REFERENCES' END,
                             CASE WHEN has_table_privilege($1, c.oid, 'TRIGGER') THEN 'TRIGGER' END) AS privileges
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND c.relkind = 'r'`,
      [role],
    );
    expect(rows.length).toBeGreaterThanOrEqual(30);
    for (const { table, privileges } of rows) {
      const expected = (APPEND_ONLY_TABLES as readonly string[]).includes(table)
        ? "SELECT,INSERT"
        : table === "_prisma_migrations"
          ? "SELECT"
          : "SELECT,INSERT,UPDATE,DELETE";
      expect(`${table}: ${privileges}`).toBe(`${table}: ${expected}`);
    }
  });

  it("is granted a table a later migration creates, and loses a privilege granted by hand when the grants are applied again", async () => {
    const role = roleOf(testDatabaseUrl());
    await owner.query(`CREATE TABLE "LaterTable" (id int PRIMARY KEY, n serial)`);
    await app.query(`INSERT INTO "LaterTable" (id) VALUES (1)`);
    expect((await app.query(`SELECT n FROM "LaterTable"`)).rows).toEqual([{ n: 1 }]);

    await owner.query(`GRANT TRUNCATE ON "Household", "LaterTable" TO ${owner.escapeIdentifier(role)}`);
    await grantAppRole(owner, role);
    await expect(app.query(`TRUNCATE "LaterTable"`)).rejects.toThrow(/permission denied/);
    await expect(app.query(`TRUNCATE "Household" CASCADE`)).rejects.toThrow(/permission denied/);
    await owner.query(`DROP TABLE "LaterTable"`);
  });

  it("still does the portal's work: a signing with its audit event, in one transaction", async () => {
    const projectId = project.project.id;
    await setProject(projectId, {
      phase: "SIGNING",
      effectiveAt: null,
      failedAt: null,
      signingStart: shanghaiDate(0),
      signingEnd: shanghaiDate(42),
    });
    const [household] = await householdsOf(projectId);
    await db().household.update({ where: { id: household!.id }, data: { signingGroupId: project.signingGroups[0]!.id } });
    const version = await setHousehold(household!.id, {});
    const leader = await actorOf(project.signingGroups[0]!.leaderId);
    const result = await recordSigning(leader, {
      projectId,
      householdId: household!.id,
      version,
      channel: "ON_SITE",
      agreementNumber: "ROLE-0001",
    });
    expect(result.state).toBe("SIGNED");
    expect(await auditOf(household!.id, "record:signing")).toHaveLength(1);
  });
});
