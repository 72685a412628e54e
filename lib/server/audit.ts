import "server-only";
import { headers } from "next/headers";
import type { Prisma } from "../generated/prisma/client.ts";

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
  try {
    const h = await headers();
    const ip = h.get("x-forwarded-for")?.split(",")[0]?.trim() ?? h.get("x-real-ip");
    return { ip: ip ?? null, userAgent: h.get("user-agent")?.slice(0, 300) ?? null };
  } catch {
    // Outside a request (scripts, tests) there are no headers to record.
    return { ip: null, userAgent: null };
  }
}

/** Writes the audit event with the transaction client of the change it records, so both
 *  commit together or neither does. */
export async function recordAudit(tx: Prisma.TransactionClient, input: AuditInput): Promise<void> {
  await recordAudits(tx, [input]);
}

/** Many events of one bulk change in one statement (a whole project's assignment is 5,000). */
export async function recordAudits(tx: Prisma.TransactionClient, inputs: AuditInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const meta = await requestMeta();
  await tx.auditEvent.createMany({
    data: inputs.map((input) => ({
      actorId: input.actorId,
      action: input.action,
      entity: input.entity,
      entityId: input.entityId,
      projectId: input.projectId ?? null,
      before: input.before,
      after: input.after,
      ...meta,
    })),
  });
}
