// Whether the database takes a query now: one connection of its own, `SELECT 1`, closed again.
// Cheap when Postgres is down (the refused connection is the answer), bounded when the host does
// not answer at all. scripts/lib/front-door.ts asks it after a failed request and, while the
// database is down, a few times a second until it is back.
import pg from "pg";

export const PROBE_TIMEOUT_MS = 1000;

export async function probeDatabase(connectionString: string, timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs, query_timeout: timeoutMs });
  // A connection lost under the probe is its answer, not a crash of the server process.
  client.on("error", () => undefined);
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}
