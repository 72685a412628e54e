import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextPhase, phaseChangeRefusal, PROJECT_PHASES, type PhaseFacts } from "@/lib/domain/project-phase";

const ready: PhaseFacts = { hasSigningPeriod: true, isEffective: true, isCleared: true };

describe("project phases", () => {
  it("move forward one step at a time", () => {
    expect(nextPhase("PREPARATION")).toBe("NOTICE");
    expect(nextPhase("CLEARED")).toBe("CLOSED");
    expect(nextPhase("CLOSED")).toBeNull();
    expect(phaseChangeRefusal("NOTICE", "FIRST_CONSULTATION", ready)).toBeNull();
    expect(phaseChangeRefusal("NOTICE", "SIGNING", ready)).toBe("NOT_NEXT");
    expect(phaseChangeRefusal("SIGNING", "NOTICE", ready)).toBe("NOT_NEXT");
    expect(phaseChangeRefusal("SIGNING", "SIGNING", ready)).toBe("NOT_NEXT");
  });

  it("never allows a step other than the next one", () => {
    fc.assert(
      fc.property(fc.constantFrom(...PROJECT_PHASES), fc.constantFrom(...PROJECT_PHASES), (from, to) => {
        const allowed = phaseChangeRefusal(from, to, ready) === null;
        expect(allowed).toBe(PROJECT_PHASES.indexOf(to) === PROJECT_PHASES.indexOf(from) + 1);
      }),
    );
  });

  it("needs a signing period before signing, effective agreements before relocation, all moved out before cleared", () => {
    expect(phaseChangeRefusal("FIRST_CONSULTATION", "SIGNING", { ...ready, hasSigningPeriod: false })).toBe("NEEDS_SIGNING_PERIOD");
    expect(phaseChangeRefusal("SIGNING", "RELOCATION", { ...ready, isEffective: false })).toBe("NEEDS_EFFECTIVE");
    expect(phaseChangeRefusal("RELOCATION", "CLEARED", { ...ready, isCleared: false })).toBe("NEEDS_CLEARED");
  });
});
