// Runs before each integration test file (each file has its own module registry): the file gets
// a fresh copy of the migrated template, and DATABASE_URL points at it before anything imports
// lib/db.ts, so db() and every use case work on this file's database only. DATABASE_URL is the
// portal's role (no superuser, owns nothing), as in `npm start`; TEST_OWNER_DATABASE_URL the owner's.
import { afterAll } from "vitest";
import { TEMPLATE_DATABASE, createDatabase, databaseUrl, dropDatabase, testAppServerUrl } from "./databases.ts";

const started = performance.now();
const database = await createDatabase({ template: TEMPLATE_DATABASE });
if (process.env.LIANXIN_TEST_TIMINGS === "1") {
  console.log(`[test-db] ${database.name} cloned in ${Math.round(performance.now() - started)} ms`);
}

process.env.DATABASE_URL = databaseUrl(testAppServerUrl(), database.name);
process.env.TEST_OWNER_DATABASE_URL = database.url;
// A fixed key for encrypting ID numbers in tests (production keys come from the environment).
process.env.LIANXIN_DATA_KEY ??= "0f".repeat(32);
// Two cores on CI: a small pool per file keeps Postgres from drowning in connections.
process.env.DB_POOL_MAX ??= "2";
// Tests write rows directly, which no notification announces: figures are read afresh each time
// (tests/integration/figure-cache.test.ts switches the cache on for itself).
process.env.LIANXIN_FIGURE_CACHE = "off";

afterAll(async () => {
  const cache = globalThis as unknown as { lianxinPrisma?: { $disconnect(): Promise<void> } };
  await cache.lianxinPrisma?.$disconnect();
  cache.lianxinPrisma = undefined;
  await dropDatabase(database.name);
});
