// Applies pending migrations: `npm run db:migrate`. Runs as the owner: LIANXIN_MIGRATION_DATABASE_URL
// when set (then DATABASE_URL's role, the portal's, is granted its privileges afterwards:
// docs/operations.md), else DATABASE_URL. Prints what it applied; on failure prints one line and
// exits non-zero.
import { roleOf } from "../prisma/app-role.ts";
import { migrate } from "../prisma/migrator.ts";

const ownerUrl = process.env.LIANXIN_MIGRATION_DATABASE_URL;
const appUrl = process.env.DATABASE_URL;
const url = ownerUrl ?? appUrl;
if (!url) {
  console.error("DATABASE_URL (or LIANXIN_MIGRATION_DATABASE_URL) is not set");
  process.exit(1);
}
const appRole = ownerUrl && appUrl && roleOf(appUrl) !== roleOf(ownerUrl) ? roleOf(appUrl) : undefined;

try {
  const { applied } = await migrate(url, { appRole, log: (line) => console.log(line) });
  console.log(applied.length > 0 ? `Applied ${applied.length} migration(s).` : "Database is up to date.");
  process.exit(0);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Migration failed: ${message.replace(/\s*\n\s*/g, " ")}`);
  process.exit(1);
}
