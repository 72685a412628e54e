import "server-only";
import type { Prisma } from "../../generated/prisma/client.ts";
import { PROGRESS_CHANNEL, type ProgressKind } from "./progress-event.ts";

/**
 * Rule: every write that changes a project's figures announces it on the progress channel from
 * inside its own transaction. Postgres delivers a NOTIFY only when the transaction commits (and
 * drops it on rollback), so no dashboard refreshes for a change that did not happen, and every
 * app server listening on the same database hears it (lib/server/live/listener.ts).
 */
export async function notifyProjectChanged(tx: Prisma.TransactionClient, projectId: string, kind: ProgressKind): Promise<void> {
  // json_build_object keeps the payload well-formed; now() is the transaction's time.
  await tx.$executeRaw`
    SELECT pg_notify(${PROGRESS_CHANNEL},
      json_build_object('projectId', ${projectId}::text, 'kind', ${kind}::text,
        'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text)`;
}
