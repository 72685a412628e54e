import "server-only";
import {
  formatPercent,
  gapToThreshold,
  hasReachedThreshold,
  isCleared,
  ratio,
  thresholdBasisPoints,
} from "../../domain/rates.ts";
import type { HouseholdCounts } from "./count-households.ts";

export type ProjectFigures = HouseholdCounts & {
  /** "95.09" or null when no household is eligible. */
  signingRate: string | null;
  relocationRate: string | null;
  firstRoundApproval: string | null;
  signingThreshold: string;
  gapToThreshold: number;
  hasReachedThreshold: boolean;
  isCleared: boolean;
};

/** Turns counts into the DOMAIN.md figures with the rules of lib/domain/rates.ts. */
export function toProjectFigures(counts: HouseholdCounts, signingThreshold: { toString(): string }): ProjectFigures {
  const thresholdBp = thresholdBasisPoints(signingThreshold);
  return {
    ...counts,
    signingRate: formatPercent(ratio(counts.signed, counts.eligible)),
    relocationRate: formatPercent(ratio(counts.movedOut, counts.eligible)),
    firstRoundApproval: formatPercent(ratio(counts.agreed, counts.eligible)),
    signingThreshold: formatPercent(ratio(thresholdBp, 10000)) ?? "0.00",
    gapToThreshold: gapToThreshold(counts.signed, counts.eligible, thresholdBp),
    hasReachedThreshold: hasReachedThreshold(counts.signed, counts.eligible, thresholdBp),
    isCleared: isCleared(counts.movedOut, counts.eligible),
  };
}
