// Whether the database takes a query now (probeDatabase: one connection of its own, `SELECT 1`,
// closed again), and a watch that notices when it goes away (watchDatabase).
// The probe is cheap when Postgres is down (the refused connection is the answer) and bounded
// when the host does not answer at all. scripts/lib/front-door.ts probes when its watch ends or a
// request fails and, while the database is down, a few times a second until it is back.
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

/**
 * Keeps one idle connection to the database and calls `onLost` once, when that connection ends
 * (the server stopped, crashed or was restarted: its backends go with it) or cannot be opened.
 * So an outage is seen as it starts, before a request fails on it. `close()` ends the watch
 * without calling `onLost`.
 */
export function watchDatabase(connectionString: string, onLost: () => void): { close: () => void } {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: PROBE_TIMEOUT_MS, keepAlive: true });
  let done = false;
  const lost = () => {
    if (done) return;
    done = true;
    client.end().catch(() => undefined);
    onLost();
  };
  client.on("error", lost);
  client.on("end", lost);
  client.connect().catch(lost);
  return {
    close() {
      done = true;
      client.end().catch(() => undefined);
    },
  };
}
