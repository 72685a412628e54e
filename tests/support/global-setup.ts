// Once per integration run: a throw-away Postgres (or the server in TEST_POSTGRES_URL) with the
// migrated template database every test file copies. Tests connect as the portal's role, which
// owns nothing (prisma/app-role.ts), so a use case needing a privilege the portal lacks fails.
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { APP_ROLE, ensureAppRole } from "../../prisma/app-role.ts";
import { migrate } from "../../prisma/migrator.ts";
import { findFreePort, startEmbeddedPostgres, type TEmbeddedPostgres } from "../../scripts/lib/postgres.ts";
import { TEMPLATE_DATABASE, databaseUrl, withAdminClient } from "./postgres-admin.ts";

const PORT_ATTEMPTS = 3;

async function startServer(): Promise<{ server: TEmbeddedPostgres; dir: string }> {
  for (let attempt = 1; ; attempt++) {
    const dir = await mkdtemp(join(tmpdir(), "lianxin-test-pg-"));
    // mkdtemp makes the directory 0700; Postgres runs as the postgres user and must enter it.
    await chmod(dir, 0o755);
    try {
      const server = await startEmbeddedPostgres({ dataDir: join(dir, "data"), port: await findFreePort(), ephemeral: true });
      return { server, dir };
    } catch (error) {
      await rm(dir, { recursive: true, force: true });
      // Another process may take the free port before Postgres binds it: try another one.
      const portTaken = /could not (bind|create any TCP)|address already in use/i.test(String(error));
      if (!portTaken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

/// The portal's role on an external test server: its own name, so a portal using that server keeps
/// its password.
const EXTERNAL_APP_ROLE = "lianxin_test_app";

async function appServerUrl(serverUrl: string): Promise<string> {
  const password = randomBytes(18).toString("hex");
  await withAdminClient(serverUrl, (client) => ensureAppRole(client, EXTERNAL_APP_ROLE, password));
  const url = new URL(serverUrl);
  url.username = EXTERNAL_APP_ROLE;
  url.password = password;
  return url.toString();
}

async function createTemplate(serverUrl: string, appRole: string): Promise<void> {
  await withAdminClient(serverUrl, async (client) => {
    const name = client.escapeIdentifier(TEMPLATE_DATABASE);
    // Left over on a reused external server: start again from nothing.
    await client.query(`ALTER DATABASE ${name} WITH IS_TEMPLATE false`).catch(() => undefined);
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  await migrate(databaseUrl(serverUrl, TEMPLATE_DATABASE), { appRole });
  await withAdminClient(serverUrl, async (client) => {
    // No connections: CREATE DATABASE … TEMPLATE fails while anyone is connected to it.
    await client.query(`ALTER DATABASE ${client.escapeIdentifier(TEMPLATE_DATABASE)} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const timings = process.env.LIANXIN_TEST_TIMINGS === "1";
  const t0 = performance.now();
  const external = process.env.TEST_POSTGRES_URL;
  const started = external ? undefined : await startServer();
  const serverUrl = external ?? started!.server.url;
  let appUrl = started?.server.appUrl;
  const t1 = performance.now();

  async function teardown(): Promise<void> {
    if (!started) return;
    await started.server.stop();
    await rm(started.dir, { recursive: true, force: true });
  }

  try {
    appUrl ??= await appServerUrl(serverUrl);
    await createTemplate(serverUrl, started ? APP_ROLE : EXTERNAL_APP_ROLE);
  } catch (error) {
    await teardown();
    throw error;
  }
  if (timings) {
    console.log(`[test-db] server ${Math.round(t1 - t0)} ms, template migrated ${Math.round(performance.now() - t1)} ms`);
  }

  project.provide("postgresServerUrl", serverUrl);
  project.provide("postgresAppServerUrl", appUrl);
  return teardown;
}
