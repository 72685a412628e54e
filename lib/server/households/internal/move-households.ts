import "server-only";
import { AppError } from "../../../errors.ts";
import type { Prisma } from "../../../generated/prisma/client.ts";
import { recordAudits } from "../../audit.ts";

/** A household as it was read, with the group it is in. */
export type HouseholdToMove = { id: string; version: number; signingGroupId: string | null; signingGroupName: string | null };

/**
 * Moves households into a signing group (`target`), or into none (null), inside the caller's
 * transaction, at the versions they were read with: one set-based UPDATE bumping each version and
 * one `assign:household` audit event each (before/after { signingGroupId, signingGroupName }). A
 * household changed since it was read makes the whole move a CONFLICT. Assigning households and
 * removing their group both move them through here; the caller notifies "assignment".
 */
export async function moveHouseholds(
  tx: Prisma.TransactionClient,
  move: { actorId: string; projectId: string; households: readonly HouseholdToMove[]; target: { id: string; name: string } | null },
): Promise<void> {
  const { actorId, projectId, households, target } = move;
  if (households.length === 0) return;
  const moved = await tx.$queryRaw<{ id: string }[]>`
    UPDATE "Household" AS h
    SET "signingGroupId" = ${target?.id ?? null}::uuid, version = h.version + 1, "updatedAt" = now()
    FROM unnest(${households.map((h) => h.id)}::uuid[], ${households.map((h) => h.version)}::int[]) AS v(id, version)
    WHERE h.id = v.id AND h.version = v.version
    RETURNING h.id::text AS id`;
  if (moved.length !== households.length) throw new AppError("CONFLICT");
  await recordAudits(
    tx,
    households.map((h) => ({
      actorId,
      action: "assign:household",
      entity: "household",
      entityId: h.id,
      projectId,
      before: { signingGroupId: h.signingGroupId, signingGroupName: h.signingGroupName },
      after: { signingGroupId: target?.id ?? null, signingGroupName: target?.name ?? null },
    })),
  );
}
