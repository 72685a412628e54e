import "server-only";

// The counts a write decides on (threshold reached, agreements effective, a phase allowed) are
// counted inside the write's own transaction, never taken from the figure cache: a rule's
// decision must not rest on a number from before a change committed elsewhere (decision 010).
export { countHouseholdsByProject } from "./internal/count-households.ts";
