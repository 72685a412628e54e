import "server-only";
import type { Prisma } from "../../generated/prisma/client.ts";
import { PROGRESS_CHANNEL, type ProgressKind } from "./progress-event.ts";

/**
 * Rule: every write that changes a project's figures announces it on the progress channel from
 * inside its own transaction. Postgres delivers a NOTIFY only when the transaction commits (and
 * drops it on rollback), so no dashboard refreshes for a change that did not happen, and every
 * app server listening on the same database hears it (lib/server/live/listener.ts).
 */
export async function notifyProjectChanged(
  tx: Prisma.TransactionClient,
  projectId: string,
  kinds: ProgressKind | readonly ProgressKind[],
): Promise<void> {
  // Several kinds of one write go in one statement (one round trip), one notification each.
  // json_build_object keeps the payload well-formed; now() is the transaction's
  // time.
  const list = typeof kinds === "string" ? [kinds] : [...kinds];
  if (list.length === 0) return;
  await tx.$executeRaw`
    SELECT pg_notify(${PROGRESS_CHANNEL},
      json_build_object('projectId', ${projectId}::text, 'kind', k.kind,
        'at', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))::text)
    FROM unnest(${list}::text[]) AS k(kind)`;
}
