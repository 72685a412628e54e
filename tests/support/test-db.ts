// The Prisma client of the current test file's database (see integration-setup.ts).
import { db, type PrismaClient } from "../../lib/db.ts";

export function testDb(): PrismaClient {
  return db();
}

/// URL of the current test file's own database, for tests that need a raw pg connection.
export function testDatabaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: is tests/support/integration-setup.ts in setupFiles?");
  return url;
}

/// The same database as its owner (the test server's superuser): for tests of what only the
/// owner may do (triggers that hold even for it, migrations run by hand).
export function testOwnerDatabaseUrl(): string {
  const url = process.env.TEST_OWNER_DATABASE_URL;
  if (!url) throw new Error("TEST_OWNER_DATABASE_URL is not set: is tests/support/integration-setup.ts in setupFiles?");
  return url;
}
