// Databases on the test Postgres server, for test files. global-setup.ts starts the server (or
// uses TEST_POSTGRES_URL) and migrates TEMPLATE_DATABASE once; every test file then works in
// its own copy (integration-setup.ts), so files never share rows and can run in parallel.
import { randomBytes } from "node:crypto";
import { inject } from "vitest";
import { TEMPLATE_DATABASE, databaseUrl, withAdminClient } from "./postgres-admin.ts";

export { TEMPLATE_DATABASE, databaseUrl, withAdminClient };

export function testServerUrl(): string {
  return inject("postgresServerUrl");
}

/// The test server as the portal's role (prisma/app-role.ts).
export function testAppServerUrl(): string {
  return inject("postgresAppServerUrl");
}

export function uniqueDatabaseName(prefix = "test"): string {
  return `${prefix}_${process.pid}_${randomBytes(4).toString("hex")}`;
}

/// A new database on the test server: empty, or a copy of `template`.
export async function createDatabase(options: { name?: string; template?: string } = {}): Promise<{ name: string; url: string }> {
  const serverUrl = testServerUrl();
  const name = options.name ?? uniqueDatabaseName();
  await withAdminClient(serverUrl, async (client) => {
    const template = options.template ? ` TEMPLATE ${client.escapeIdentifier(options.template)}` : "";
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${template}`);
    // A database's own privileges are not copied from its template: as migrate() does, no
    // temporary tables for everyone.
    await client.query(`REVOKE TEMPORARY ON DATABASE ${client.escapeIdentifier(name)} FROM PUBLIC`);
  });
  return { name, url: databaseUrl(serverUrl, name) };
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdminClient(testServerUrl(), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}
