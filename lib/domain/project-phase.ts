// A project's phases only move forward, one step at a time, in the order of DOMAIN.md:
// PREPARATION → NOTICE 公示 → FIRST_CONSULTATION 一轮征询 → SIGNING 签约期 → RELOCATION 搬迁
// → CLEARED 清零 → CLOSED. Some steps need facts to be in place first.
export const PROJECT_PHASES = ["PREPARATION", "NOTICE", "FIRST_CONSULTATION", "SIGNING", "RELOCATION", "CLEARED", "CLOSED"] as const;
export type ProjectPhase = (typeof PROJECT_PHASES)[number];

export type PhaseFacts = {
  hasSigningPeriod: boolean;
  /** Agreements took effect (signing threshold reached). */
  isEffective: boolean;
  /** Every eligible household has moved out. */
  isCleared: boolean;
};

export type PhaseRefusal = "NOT_NEXT" | "NEEDS_SIGNING_PERIOD" | "NEEDS_EFFECTIVE" | "NEEDS_CLEARED";

export function nextPhase(phase: ProjectPhase): ProjectPhase | null {
  const index = PROJECT_PHASES.indexOf(phase);
  return PROJECT_PHASES[index + 1] ?? null;
}

/** null when the change is allowed, else why not. */
export function phaseChangeRefusal(from: ProjectPhase, to: ProjectPhase, facts: PhaseFacts): PhaseRefusal | null {
  if (nextPhase(from) !== to) return "NOT_NEXT";
  if (to === "SIGNING" && !facts.hasSigningPeriod) return "NEEDS_SIGNING_PERIOD";
  // Relocation starts once the agreements are in force (DOMAIN.md: pending until the threshold).
  if (to === "RELOCATION" && !facts.isEffective) return "NEEDS_EFFECTIVE";
  if (to === "CLEARED" && !facts.isCleared) return "NEEDS_CLEARED";
  return null;
}
