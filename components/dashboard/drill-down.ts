import type { CalendarDay } from "@/lib/domain/calendar-day";
import type { HouseholdState } from "@/lib/domain/household-state";

// Links from each dashboard figure to the household list behind it, in the list's URL filter
// language (lib/server/households/household-filter.ts). Every rate counts eligible households
// only, so the links carry `eligible=1` where the list would otherwise include excluded ones.
export function drillDown(projectId: string) {
  const to = (params: Record<string, string>) => `/projects/${projectId}/households?${new URLSearchParams(params).toString()}`;
  return {
    eligible: () => to({ eligible: "1" }),
    signed: () => to({ signed: "yes" }),
    /** The households still to sign (behind the gap to the threshold). */
    unsigned: () => to({ signed: "no" }),
    firstDay: (day: CalendarDay) => to({ eligible: "1", signedOn: day }),
    signedOn: (day: CalendarDay) => to({ eligible: "1", signedOn: day }),
    agreed: () => to({ eligible: "1", vote: "AGREE" }),
    movedOut: () => to({ movedOut: "1" }),
    partyEligible: () => to({ eligible: "1", party: "1" }),
    partySigned: () => to({ signed: "yes", party: "1" }),
    state: (state: HouseholdState) => to({ state }),
    group: (groupId: string) => to({ eligible: "1", group: groupId }),
    groupSigned: (groupId: string) => to({ signed: "yes", group: groupId }),
  };
}
