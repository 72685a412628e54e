// Plain helpers for the test Postgres server, usable both in vitest's main process
// (global-setup.ts) and in test workers.
import pg from "pg";

export const TEMPLATE_DATABASE = "lianxin_template";

declare module "vitest" {
  // Declaration merging with vitest's own context needs an interface.
  // eslint-disable-next-line @typescript-eslint/consistent-type-definitions
  export interface ProvidedContext {
    /// A database URL of the test server; tests use its host, port and credentials.
    postgresServerUrl: string;
    /// The same server as the portal's role (no superuser, owns nothing): what tests connect as.
    postgresAppServerUrl: string;
  }
}

export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/// Runs `work` on a connection to the server's maintenance database "postgres".
export async function withAdminClient<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
