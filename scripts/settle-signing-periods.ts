// Settles ended signing periods (lib/server/signing/settle-due-signing-periods.ts): every project in
// its signing phase whose signing end date lies before today (deployment time zone) and whose
// agreements are neither effective nor failed is marked failed (`fail:project`) — or effective,
// if the threshold was reached. Idempotent: run it daily shortly after midnight from a scheduler,
// e.g. cron `5 0 * * *`:
//
//   DATABASE_URL=postgres://… node --import tsx scripts/settle-signing-periods.ts
//
// `--now=2025-04-01T00:05:00+08:00` settles as of another moment. Prints one line per project and
// exits non-zero on failure.
import "./lib/outside-next.ts";

// Loaded after the hook above (the use cases are server-only modules).
const { settleDueSigningPeriods } = await import("../lib/server/signing/settle-due-signing-periods.ts");
const { db } = await import("../lib/db.ts");

async function main(): Promise<number> {
  if (!process.env.DATABASE_URL) {
    console.error("settle-signing-periods: DATABASE_URL is not set");
    return 1;
  }
  const nowArg = process.argv.find((arg) => arg.startsWith("--now="))?.slice("--now=".length);
  const now = nowArg ? new Date(nowArg) : new Date();
  if (Number.isNaN(now.getTime())) {
    console.error(`settle-signing-periods: --now is not a time: ${nowArg}`);
    return 1;
  }
  try {
    const results = await settleDueSigningPeriods(now);
    for (const r of results) console.log(`settle-signing-periods: ${r.code} ${r.outcome}${r.changed ? "" : " (unchanged)"}`);
    console.log(`settle-signing-periods: ${results.length} project(s) due as of ${now.toISOString()}`);
    return 0;
  } catch (error) {
    console.error("settle-signing-periods: failed:", error instanceof Error ? error.message : error);
    return 1;
  } finally {
    await db().$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
