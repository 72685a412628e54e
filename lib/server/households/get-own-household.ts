import "server-only";
import type { Actor } from "../../auth/actor-types.ts";
import { requirePermission } from "../../auth/permissions.ts";
import { householdScope } from "../../auth/scope.ts";
import { db } from "../../db.ts";
import { householdState, type HouseholdState } from "../../domain/household-state.ts";
import { formatPercent, ratio, thresholdBasisPoints } from "../../domain/rates.ts";
import { AppError } from "../../errors.ts";
import type { Prisma } from "../../generated/prisma/client.ts";
import type { ProjectPhase } from "../../generated/prisma/enums.ts";

const ownHouseholdSelect = {
  id: true,
  code: true,
  address: true,
  headName: true,
  floorArea: true,
  firstRoundVote: true,
  movedOutAt: true,
  handedOverAt: true,
  isExcluded: true,
  signingGroup: { select: { name: true } },
  signing: { select: { signedAt: true, agreementNumber: true } },
  project: {
    select: { id: true, code: true, name: true, phase: true, signingThreshold: true, agreementsEffectiveAt: true },
  },
  _count: { select: { visitLogs: true } },
} satisfies Prisma.HouseholdSelect;

export type OwnHousehold = {
  id: string;
  code: string;
  address: string;
  headName: string;
  floorArea: string;
  firstRoundVote: "AGREE" | "DISAGREE" | null;
  state: HouseholdState;
  groupName: string | null;
  signing: { signedAt: Date; agreementNumber: string; isEffective: boolean } | null;
  project: { id: string; code: string; name: string; phase: ProjectPhase; signingThreshold: string };
};

/** A resident's own household: the only household their scope contains. */
export async function getOwnHousehold(actor: Actor): Promise<OwnHousehold> {
  requirePermission(actor, "read", "household");
  if (!actor.householdId) throw new AppError("NOT_FOUND");
  const household = await db().household.findFirst({
    where: { AND: [{ id: actor.householdId }, householdScope(actor)] },
    select: ownHouseholdSelect,
  });
  if (!household) throw new AppError("NOT_FOUND");
  const { project } = household;
  return {
    id: household.id,
    code: household.code,
    address: household.address,
    headName: household.headName,
    floorArea: household.floorArea.toFixed(2),
    firstRoundVote: household.firstRoundVote,
    state: householdState({
      isExcluded: household.isExcluded,
      isSigned: household.signing !== null,
      firstRoundVote: household.firstRoundVote,
      movedOutAt: household.movedOutAt,
      handedOverAt: household.handedOverAt,
      hasBeenVisited: household._count.visitLogs > 0,
    }),
    groupName: household.signingGroup?.name ?? null,
    signing: household.signing ? { ...household.signing, isEffective: project.agreementsEffectiveAt !== null } : null,
    project: {
      id: project.id,
      code: project.code,
      name: project.name,
      phase: project.phase,
      signingThreshold: formatPercent(ratio(thresholdBasisPoints(project.signingThreshold), 10000)) ?? "0.00",
    },
  };
}
