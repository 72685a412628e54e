import "server-only";
import type { Actor } from "../../../auth/actor-types.ts";
import type { NoticeKind } from "../../../domain/notices.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { recordAudit } from "../../audit.ts";
import { notifyProjectChanged } from "../../live/notify-project-changed.ts";
import { auditedNotice } from "./find-notice.ts";

/**
 * Writes a notice published at `publishedAt` inside the caller's transaction, with its
 * "publish:notice" audit event and the "notice" notification that empties the public pages'
 * cache on every server: for a use case of another area whose write is itself public news (the
 * compensation scheme's publication). The caller has checked that the actor may publish in the
 * project.
 */
export async function insertPublishedNotice(
  tx: Prisma.TransactionClient,
  actor: Actor,
  notice: { projectId: string; kind: NoticeKind; title: string; body: string; publishedAt: Date },
): Promise<string> {
  const { id } = await tx.notice.create({
    data: { ...notice, createdById: actor.userId },
    select: { id: true },
  });
  await recordAudit(tx, {
    actorId: actor.userId,
    action: "publish:notice",
    entity: "notice",
    entityId: id,
    projectId: notice.projectId,
    after: auditedNotice({ ...notice, disclosureStart: null, disclosureEnd: null }),
  });
  await notifyProjectChanged(tx, notice.projectId, "notice");
  return id;
}
