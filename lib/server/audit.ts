import "server-only";
import type { Prisma } from "../generated/prisma/client.ts";
import { currentRequestOrigin, type RequestOrigin } from "./client-address.ts";

export type AuditInput = {
  actorId: string | null;
  /** `verb:entity` of the use case, e.g. "issue:access-code". */
  action: string;
  entity: string;
  entityId: string;
  projectId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
};

/** Who the request came from, for audit rows; empty outside a request (scripts, tests). */
export async function requestMeta(): Promise<{ ip: string | null; userAgent: string | null }> {
  // The socket's address or a trusted proxy's account of it, never what the client claims.
  const { address, userAgent } = await currentRequestOrigin();
  return { ip: address, userAgent };
}

/** Writes the audit event with the transaction client of the change it records, so both
 *  commit together or neither does. */
export async function recordAudit(tx: Prisma.TransactionClient, input: AuditInput, origin?: RequestOrigin): Promise<void> {
  await recordAudits(tx, [input], origin);
}

/**
 * Many events of one change in one statement (a whole project's assignment is 5,000): every
 * column, the request's ip and user agent, the time taken here (not the transaction's start),
 * ids in the inputs' order — one `INSERT … SELECT FROM unnest(…)` with one array per column.
 * Prisma's createMany binds 11 values per row and spent most of a bulk write on it.
 */
export async function recordAudits(tx: Prisma.TransactionClient, inputs: AuditInput[], origin?: RequestOrigin): Promise<void> {
  if (inputs.length === 0) return;
  // A sign-in passes the origin it was throttled by; everything else is read from the request.
  const { ip, userAgent } = origin ? { ip: origin.address, userAgent: origin.userAgent } : await requestMeta();
  const json = (value: Prisma.InputJsonValue | undefined) => (value === undefined ? null : JSON.stringify(value));
  const inserted = await tx.$executeRaw`
    INSERT INTO "AuditEvent" ("actorId", action, entity, "entityId", "projectId", before, after, ip, "userAgent", "createdAt")
    SELECT u.actor_id, u.action, u.entity, u.entity_id, u.project_id, u.before::jsonb, u.after::jsonb, ${ip}, ${userAgent},
           ${new Date().toISOString()}::timestamptz AT TIME ZONE 'UTC'
    FROM unnest(
      ${inputs.map((i) => i.actorId)}::uuid[],
      ${inputs.map((i) => i.action)}::text[],
      ${inputs.map((i) => i.entity)}::text[],
      ${inputs.map((i) => i.entityId)}::text[],
      ${inputs.map((i) => i.projectId ?? null)}::uuid[],
      ${inputs.map((i) => json(i.before))}::text[],
      ${inputs.map((i) => json(i.after))}::text[]
    ) WITH ORDINALITY AS u(actor_id, action, entity, entity_id, project_id, before, after, ord)
    ORDER BY u.ord`;
  if (inserted !== inputs.length) throw new Error("recordAudits: not every event was written");
}
