import { describe, expect, it } from "vitest";
import { householdState, type HouseholdFacts } from "@/lib/domain/household-state";

const none: HouseholdFacts = {
  isExcluded: false,
  isSigned: false,
  firstRoundVote: null,
  movedOutAt: null,
  handedOverAt: null,
  hasBeenVisited: false,
};

describe("household state", () => {
  it("follows the road from not contacted to handed over", () => {
    expect(householdState(none)).toBe("NOT_CONTACTED");
    expect(householdState({ ...none, hasBeenVisited: true })).toBe("VISITED");
    expect(householdState({ ...none, hasBeenVisited: true, firstRoundVote: "AGREE" })).toBe("AGREED");
    expect(householdState({ ...none, firstRoundVote: "DISAGREE", hasBeenVisited: true })).toBe("VISITED");
    expect(householdState({ ...none, isSigned: true })).toBe("SIGNED");
    expect(householdState({ ...none, isSigned: true, movedOutAt: new Date() })).toBe("MOVED_OUT");
    expect(householdState({ ...none, isSigned: true, movedOutAt: new Date(), handedOverAt: new Date() })).toBe("HANDED_OVER");
  });

  it("puts exclusion above everything", () => {
    expect(householdState({ ...none, isExcluded: true, isSigned: true })).toBe("EXCLUDED");
  });
});
