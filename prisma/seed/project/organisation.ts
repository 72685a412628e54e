// Who runs the project: units, staff, working groups and the Party branch, planned in that order.

import type { PlanContext } from "./context.ts";
import { planPartyBranch, planWorkingGroups } from "./groups.ts";
import type { PlannedGroup, ProjectUnitIds, UnitKey } from "./options.ts";
import { createStaffRoster, planLeadership, type Staff } from "./staff.ts";
import { planUnits } from "./units.ts";

export type ProjectOrganisation = {
  projectId: string;
  units: ProjectUnitIds;
  unitKeys: UnitKey[];
  staffById: Map<string, Staff>;
  secretary: Staff;
  commander: Staff;
  signingGroups: PlannedGroup[];
  specialGroups: PlannedGroup[];
  /** Staff ids of each signing group, leader first: who visits, records and reports for its households. */
  groupStaff: string[][];
  branchId: string;
};

export function planOrganisation(ctx: PlanContext): ProjectOrganisation {
  const { units, unitKeys } = planUnits(ctx);
  const roster = createStaffRoster(ctx, units);
  const { secretary, commander, projectId } = planLeadership(ctx, roster);
  const groups = planWorkingGroups(ctx, roster, projectId);
  const branchId = planPartyBranch(ctx, roster, projectId, secretary, groups);
  return {
    projectId,
    units,
    unitKeys,
    staffById: roster.byId,
    secretary,
    commander,
    signingGroups: groups.signingGroups,
    specialGroups: groups.specialGroups,
    groupStaff: groups.signingGroups.map((g) => [g.leaderId, ...g.memberIds]),
    branchId,
  };
}
