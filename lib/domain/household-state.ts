// A household's place on the road to a cleared site, as the battle map colours it. The order
// is the order of progress; exclusion takes a household off the road entirely.
export const HOUSEHOLD_STATES = ["NOT_CONTACTED", "VISITED", "AGREED", "SIGNED", "MOVED_OUT", "HANDED_OVER", "EXCLUDED"] as const;
export type HouseholdState = (typeof HOUSEHOLD_STATES)[number];

export type HouseholdFacts = {
  isExcluded: boolean;
  isSigned: boolean;
  firstRoundVote: "AGREE" | "DISAGREE" | null;
  movedOutAt: Date | null;
  handedOverAt: Date | null;
  hasBeenVisited: boolean;
};

export function householdState(facts: HouseholdFacts): HouseholdState {
  if (facts.isExcluded) return "EXCLUDED";
  if (facts.handedOverAt) return "HANDED_OVER";
  if (facts.movedOutAt) return "MOVED_OUT";
  if (facts.isSigned) return "SIGNED";
  if (facts.firstRoundVote === "AGREE") return "AGREED";
  if (facts.hasBeenVisited) return "VISITED";
  return "NOT_CONTACTED";
}
