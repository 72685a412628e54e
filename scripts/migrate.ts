// Applies pending migrations to DATABASE_URL: `npm run db:migrate`.
// Prints what it applied; on failure prints one line and exits non-zero.
import { migrate } from "../prisma/migrator.ts";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set");
  process.exit(1);
}

try {
  const { applied } = await migrate(url, { log: (line) => console.log(line) });
  console.log(applied.length > 0 ? `Applied ${applied.length} migration(s).` : "Database is up to date.");
  process.exit(0);
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Migration failed: ${message.replace(/\s*\n\s*/g, " ")}`);
  process.exit(1);
}
