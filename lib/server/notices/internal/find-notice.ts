import "server-only";
import type { Actor } from "../../../auth/actor-types.ts";
import type { Action } from "../../../auth/permissions.ts";
import { projectScope } from "../../../auth/scope.ts";
import { AppError } from "../../../errors.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { noticeSelect } from "./notice-rows.ts";

/** The notice of the project if the actor may `action` notices there, else NOT_FOUND. */
export async function findNotice(tx: Prisma.TransactionClient, actor: Actor, action: Action, projectId: string, noticeId: string) {
  const notice = await tx.notice.findFirst({
    where: { id: noticeId, projectId, project: projectScope(actor, action, "notice") },
    select: { ...noticeSelect, version: true },
  });
  if (!notice) throw new AppError("NOT_FOUND");
  return notice;
}

/** What an audit event keeps of a notice. */
export function auditedNotice(notice: {
  kind: string;
  title: string;
  publishedAt: Date | null;
  disclosureStart: Date | null;
  disclosureEnd: Date | null;
}): Prisma.InputJsonValue {
  return {
    kind: notice.kind,
    title: notice.title,
    publishedAt: notice.publishedAt?.toISOString() ?? null,
    disclosureStart: notice.disclosureStart?.toISOString().slice(0, 10) ?? null,
    disclosureEnd: notice.disclosureEnd?.toISOString().slice(0, 10) ?? null,
  };
}
