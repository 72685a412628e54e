// The values of the schema's enums as ordered lists, for selects, filters and zod enums. Taken
// from the generated enum objects (plain constants, no Prisma runtime, safe in client components)
// so that a value added to schema.prisma reaches every list at once, in the schema's order.
import { CountingUnit, OwnerLocation, ProjectKind, SigningChannel, Tenure, Vote } from "../generated/prisma/enums.ts";

export type { CountingUnit, OwnerLocation, ProjectKind, SigningChannel, Tenure, Vote };
// The phases are listed by the phase rules themselves (their order is the rule); a unit test
// holds that list equal to the schema's enum.
export { PROJECT_PHASES, type ProjectPhase } from "./project-phase.ts";

/** An enum object's values in declaration order, typed as a non-empty tuple (what z.enum takes). */
export function optionsOf<const T extends Record<string, string>>(enumObject: T): readonly [T[keyof T], ...T[keyof T][]] {
  return Object.values(enumObject) as unknown as readonly [T[keyof T], ...T[keyof T][]];
}

export const TENURES = optionsOf(Tenure);
export const OWNER_LOCATIONS = optionsOf(OwnerLocation);
export const SIGNING_CHANNELS = optionsOf(SigningChannel);
export const PROJECT_KINDS = optionsOf(ProjectKind);
export const COUNTING_UNITS = optionsOf(CountingUnit);
export const VOTES = optionsOf(Vote);
